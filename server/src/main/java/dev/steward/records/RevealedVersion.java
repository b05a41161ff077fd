package dev.steward.records;

import java.time.Instant;

/** One version of a record, decrypted for a named purpose. {@link #toString()} hides the document. */
public record RevealedVersion(int version, String category, RecordSource source, Purpose purpose, Instant writtenAt,
        String writtenBy, String documentJson) {

    @Override
    public String toString() {
        return "RevealedVersion[" + version + ", " + category + ", document=redacted]";
    }
}
