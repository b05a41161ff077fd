package dev.steward.records.web;

import java.io.IOException;
import java.io.InputStream;

import dev.steward.platform.InvalidField;
import dev.steward.records.DocumentTooLarge;
import dev.steward.records.RecordStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON request envelope holding a document, never more than the limit into memory. */
final class RequestBodies {

    static final int MAX_ENVELOPE = RecordStore.MAX_DOCUMENT_BYTES + 64 * 1024;

    private RequestBodies() {
    }

    static JsonNode envelope(JsonMapper json, InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_ENVELOPE + 1);
        if (body.length > MAX_ENVELOPE) {
            throw new DocumentTooLarge("document");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidField("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidField("body", "must be a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidField(field, "must be a string");
        }
        return v.asString();
    }

    static byte[] document(JsonMapper json, JsonNode node) {
        JsonNode document = node.get("document");
        if (document == null || document.isNull()) {
            throw new InvalidField("document", "is required: a JSON object");
        }
        if (!document.isObject()) {
            throw new InvalidField("document", "must be a JSON object");
        }
        return json.writeValueAsBytes(document);
    }
}
