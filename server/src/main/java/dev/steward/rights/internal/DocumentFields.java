package dev.steward.rights.internal;

import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/** A record's document as (field, value) pairs: nested fields by dotted path, array items by index. */
final class DocumentFields {

    private DocumentFields() {
    }

    static void each(JsonNode node, BiConsumer<String, String> out) {
        each(node, "", out);
    }

    private static void each(JsonNode node, String path, BiConsumer<String, String> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                each(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                each(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.accept(path, node.isNull() ? "" : node.asString());
        }
    }
}
