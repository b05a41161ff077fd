package dev.steward.keys;

/**
 * A ciphertext did not authenticate under its binding: altered, truncated, or moved from another
 * row, subject or tenant. It is an integrity event (reported to the {@link IntegrityEventListener}
 * first), not a mere decoding error.
 */
public final class CiphertextIntegrityViolation extends KeysException {

    private final transient IntegrityEvent event;

    public CiphertextIntegrityViolation(IntegrityEvent event) {
        super("ciphertext integrity violation for tenant " + event.tenant() + ", subject " + event.subject()
                + ", record " + event.recordId() + " (" + event.context() + "): " + event.reason());
        this.event = event;
    }

    public IntegrityEvent event() {
        return event;
    }

    public TenantId tenant() {
        return event.tenant();
    }

    public SubjectRef subject() {
        return event.subject();
    }

    public String recordId() {
        return event.recordId();
    }
}
