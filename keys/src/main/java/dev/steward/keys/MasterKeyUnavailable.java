package dev.steward.keys;

/** The master key cannot be reached: its file is missing or unreadable, or the KMS does not answer. */
public final class MasterKeyUnavailable extends KeysException {

    public MasterKeyUnavailable(String message) {
        super(message);
    }

    public MasterKeyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
