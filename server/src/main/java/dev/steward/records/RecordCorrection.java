package dev.steward.records;

/**
 * A correction of a record: a new document (and optionally a new category or purpose, {@code null} keeping the old). The
 * previous version stays in the record's history.
 *
 * @param expectedVersion when given, the correction applies only if the record is still at this version
 */
public record RecordCorrection(String category, Purpose purpose, byte[] document, Integer expectedVersion) {

    @Override
    public String toString() {
        return "RecordCorrection[" + category + ", " + purpose + ", document=redacted]";
    }
}
