package dev.steward.keys;

/** The erasure journal's hash chain does not verify: a line was altered, inserted or removed. */
public final class ErasureJournalTampered extends KeysException {

    public ErasureJournalTampered(String message) {
        super(message);
    }
}
