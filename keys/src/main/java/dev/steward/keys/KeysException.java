package dev.steward.keys;

/** Base of this module's exceptions; each subclass names one fact. None carries key material or plaintext. */
public abstract class KeysException extends RuntimeException {

    protected KeysException(String message) {
        super(message);
    }

    protected KeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
