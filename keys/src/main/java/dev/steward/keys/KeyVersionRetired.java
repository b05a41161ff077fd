package dev.steward.keys;

/** A key wrapped under a retired key version was met: it can no longer be unwrapped. */
public final class KeyVersionRetired extends KeysException {

    public KeyVersionRetired(String message) {
        super(message);
    }
}
