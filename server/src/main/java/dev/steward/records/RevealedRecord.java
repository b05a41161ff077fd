package dev.steward.records;

/**
 * A record with its document decrypted for a named purpose. The document is JSON text in memory
 * only; {@link #toString()} does not show it.
 */
public record RevealedRecord(RecordInfo info, String documentJson) {

    @Override
    public String toString() {
        return "RevealedRecord[" + info + ", document=redacted]";
    }
}
