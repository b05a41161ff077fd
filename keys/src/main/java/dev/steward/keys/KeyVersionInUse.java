package dev.steward.keys;

/** Refusal to retire a key version that is current or still wraps other keys. */
public final class KeyVersionInUse extends KeysException {

    public KeyVersionInUse(String message) {
        super(message);
    }
}
