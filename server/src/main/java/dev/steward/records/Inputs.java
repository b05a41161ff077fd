package dev.steward.records;

import dev.steward.platform.InvalidField;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validation of what callers send: subject identifiers, purposes named, documents. */
final class Inputs {

    static final int MAX_SUBJECT_ID = 200;

    private Inputs() {
    }

    /** The customer's subject identifier: 1 to 200 characters, no control characters. Never echoed. */
    static String subjectId(String subjectId, String field) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        if (subjectId.length() > MAX_SUBJECT_ID || subjectId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field, "must be 1 to " + MAX_SUBJECT_ID + " characters without control characters");
        }
        return subjectId;
    }

    /** A purpose must be named before anything is looked up; the guards decide whether it is allowed. */
    static Purpose required(Purpose purpose) {
        if (purpose == null) {
            throw new PurposeNotAllowed("is required: name it in the Purpose header or the purpose query parameter");
        }
        return purpose;
    }

    /** A JSON object of at most {@link RecordStore#MAX_DOCUMENT_BYTES} bytes. */
    static byte[] document(JsonMapper json, byte[] document, String field) {
        if (document == null || document.length == 0) {
            throw new InvalidField(field, "is required: a JSON object");
        }
        if (document.length > RecordStore.MAX_DOCUMENT_BYTES) {
            throw new DocumentTooLarge(field);
        }
        JsonNode node;
        try {
            node = json.readTree(document);
        } catch (JacksonException e) {
            throw new InvalidField(field, "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidField(field, "must be a JSON object");
        }
        return document;
    }

    static RecordSource source(RecordSource source) {
        return source == null ? RecordSource.CUSTOMER : source;
    }
}
