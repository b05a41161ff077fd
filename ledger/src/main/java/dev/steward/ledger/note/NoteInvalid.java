package dev.steward.ledger.note;

/** A signed note, key string or checkpoint is malformed or its signature does not verify. */
public class NoteInvalid extends RuntimeException {

    public NoteInvalid(String message) {
        super(message);
    }
}
