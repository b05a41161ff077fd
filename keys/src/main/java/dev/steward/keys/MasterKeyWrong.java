package dev.steward.keys;

/**
 * The master key is there but not the right one: a wrong passphrase, an altered key file, or a
 * master key that never wrapped the key being unwrapped.
 */
public final class MasterKeyWrong extends KeysException {

    public MasterKeyWrong(String message) {
        super(message);
    }

    public MasterKeyWrong(String message, Throwable cause) {
        super(message, cause);
    }
}
