package dev.steward.keys;

/** The key tables could not be read or written (a database error), or stored key material is unparseable. */
public final class KeyStoreFailure extends KeysException {

    public KeyStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
