package dev.steward.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the idempotency cache keeps of an answer, and how a replay gives it back. Kept out: the
 * {@link ShownOnce} fields of an answer that carries a secret, and a problem's {@code instance}
 * (the request path, which may hold a customer's subject identifier); a replay puts the instance
 * back from its own request, whose path is the same (it is part of the request hash).
 */
final class ReplayableAnswer {

    /** The stored body (null when nothing of it could be kept) and the fields withheld from it, comma-separated, or null. */
    record Stored(String body, String withheld) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplayableAnswer() {
    }

    static Stored toStore(byte[] body, String contentType, List<String> shownOnce) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!shownOnce.isEmpty()) {
            ObjectNode object = object(text);
            if (object == null) {
                // A secret somewhere in a body that is not a JSON object: keep none of it.
                return new Stored(null, "body");
            }
            List<String> withheld = new ArrayList<>();
            for (String field : shownOnce) {
                if (object.remove(field) != null) {
                    withheld.add(field);
                }
            }
            object.remove("instance");
            return new Stored(JSON.writeValueAsString(object), withheld.isEmpty() ? null : String.join(",", withheld));
        }
        if (isProblem(contentType)) {
            ObjectNode object = object(text);
            if (object != null) {
                object.remove("instance");
                return new Stored(JSON.writeValueAsString(object), null);
            }
        }
        return new Stored(text, null);
    }

    static byte[] toReplay(String body, String contentType, String path) {
        if (isProblem(contentType)) {
            ObjectNode object = object(body);
            if (object != null) {
                object.put("instance", path);
                return JSON.writeValueAsBytes(object);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    private static ObjectNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ObjectNode o ? o : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
