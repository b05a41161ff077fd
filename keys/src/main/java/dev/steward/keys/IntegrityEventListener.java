package dev.steward.keys;

/**
 * Told about every {@link IntegrityEvent} before the {@link CiphertextIntegrityViolation} is thrown,
 * so the caller can open an incident. Called on the decrypting thread; must not throw.
 */
@FunctionalInterface
public interface IntegrityEventListener {

    IntegrityEventListener NONE = event -> { };

    void onIntegrityViolation(IntegrityEvent event);
}
