package dev.steward.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the known-answer vectors under src/test/resources/testvectors. */
public final class Vectors {

    private Vectors() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/testvectors/" + name)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] hex(JsonNode n) {
        return HexFormat.of().parseHex(n.asString());
    }

    public static List<byte[]> hexList(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        n.forEach(x -> out.add(hex(x)));
        return out;
    }
}
