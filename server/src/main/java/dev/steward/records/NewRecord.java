package dev.steward.records;

/**
 * A record to store.
 *
 * @param id the record's id chosen by the client (imports, for safe retries), or {@code null} for a new random one
 * @param document the JSON document (an object), at most {@link RecordStore#MAX_DOCUMENT_BYTES} bytes
 */
public record NewRecord(java.util.UUID id, String category, RecordSource source, Purpose purpose, byte[] document) {

    @Override
    public String toString() {
        return "NewRecord[" + category + ", " + source + ", " + purpose + ", document=redacted]";
    }
}
