package dev.steward.rights;

/**
 * One correction of a rectification request, as the customer's administrator decided it: the
 * record to correct and its corrected document (JSON text, an object). Given with the approval
 * (and again with a retried fulfilment); never stored with the request, the records' version
 * history keeps what was corrected.
 */
public record Correction(String recordId, String document) {

    @Override
    public String toString() {
        return "Correction[" + recordId + ", document=redacted]";
    }
}
