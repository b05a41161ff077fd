package dev.steward.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.steward.ledger.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SignedNoteVectorsTest {

    private static final JsonNode V = Vectors.load("signed-note.json");

    private static Map<String, JsonNode> keys() {
        Map<String, JsonNode> m = new HashMap<>();
        V.get("keys").forEach(k -> m.put(k.get("name").asString(), k));
        return m;
    }

    @Test
    void verifierKeysParseToTheirKeyIdsAndPublicKeys() {
        for (JsonNode k : V.get("keys")) {
            NoteVerifier v = NoteVerifier.fromVkey(k.get("vkey").asString());
            assertThat(v.name()).isEqualTo(k.get("name").asString());
            assertThat(String.format("%08x", v.keyId())).isEqualTo(k.get("key_id_hex").asString());
            assertThat(v.publicKey()).isEqualTo(Vectors.hex(k.get("ed25519_public_key_hex")));
            assertThat(v.vkey()).isEqualTo(k.get("vkey").asString());
        }
    }

    @Test
    void signersFromSeedsAndSkeysReproduceVkeysAndSkeys() {
        for (JsonNode k : V.get("keys")) {
            if (!k.has("ed25519_seed_hex")) {
                continue;
            }
            NoteSigner s = NoteSigner.fromSeed(k.get("name").asString(), Vectors.hex(k.get("ed25519_seed_hex")));
            assertThat(s.vkey()).isEqualTo(k.get("vkey").asString());
            if (k.has("skey")) {
                assertThat(s.revealSkey()).isEqualTo(k.get("skey").asString());
                assertThat(NoteSigner.fromSkey(k.get("skey").asString()).vkey()).isEqualTo(k.get("vkey").asString());
            }
            assertThat(s.toString()).doesNotContain("PRIVATE");
        }
    }

    @Test
    void notesAreSignedByteForByteAndVerify() {
        Map<String, JsonNode> keys = keys();
        for (JsonNode n : V.get("notes")) {
            byte[] signed = n.get("signed_note").asString().getBytes(StandardCharsets.UTF_8);
            SignedNote parsed = SignedNote.parse(signed);
            assertThat(parsed.text()).isEqualTo(n.get("text").asString());
            assertThat(parsed.format()).isEqualTo(n.get("signed_note").asString());
            if (n.has("reproducible_from_seed") && n.get("reproducible_from_seed").asBoolean()) {
                SignedNote remade = SignedNote.of(n.get("text").asString());
                for (JsonNode name : n.get("keys")) {
                    JsonNode k = keys.get(name.asString());
                    remade = remade.withSignature(NoteSigner.fromSeed(name.asString(), Vectors.hex(k.get("ed25519_seed_hex"))));
                }
                assertThat(remade.format()).isEqualTo(n.get("signed_note").asString());
            }
            for (JsonNode name : n.get("keys")) {
                SignedNote.open(signed, NoteVerifier.fromVkey(keys.get(name.asString()).get("vkey").asString()));
            }
        }
    }

    @Test
    void checkpointsParseAndTesseraCheckpointsAreReproducedFromTheSeed() {
        Map<String, JsonNode> keys = keys();
        int reproduced = 0;
        for (JsonNode c : V.get("checkpoints")) {
            byte[] signed = c.get("signed_note").asString().getBytes(StandardCharsets.UTF_8);
            Checkpoint cp = Checkpoint.parse(SignedNote.parse(signed).text());
            assertThat(cp.origin()).isEqualTo(c.get("origin").asString());
            assertThat(cp.size()).isEqualTo(c.get("size").asLong());
            assertThat(cp.rootHash()).isEqualTo(Vectors.hex(c.get("root_hex")));
            if (c.get("verifiable").asBoolean()) {
                JsonNode k = keys.get(c.get("keys").get(0).asString());
                assertThat(Checkpoint.open(signed, NoteVerifier.fromVkey(k.get("vkey").asString())).size())
                        .isEqualTo(cp.size());
                NoteSigner signer = NoteSigner.fromSeed(k.get("name").asString(), Vectors.hex(k.get("ed25519_seed_hex")));
                assertThat(signer.sign(cp.text())).isEqualTo(c.get("signed_note").asString());
                reproduced++;
            }
        }
        assertThat(reproduced).isEqualTo(16);
    }

    @Test
    void negativeMessagesAreRejected() {
        NoteVerifier peter = NoteVerifier.fromVkey(keys().get("PeterNeumann").get("vkey").asString());
        for (JsonNode m : V.get("negative").get("messages")) {
            byte[] msg = HexFormat.of().parseHex(m.get("message_hex").asString());
            assertThatCode(() -> SignedNote.open(msg, peter)).as(m.get("desc").asString())
                    .isInstanceOf(NoteInvalid.class);
        }
    }

    @Test
    void badVkeysSubstringsAndOneByteMutationsAreRejected() {
        for (JsonNode b : V.get("negative").get("bad_vkeys")) {
            assertThatCode(() -> NoteVerifier.fromVkey(b.get("vkey").asString())).as(b.get("why").asString())
                    .isInstanceOf(NoteInvalid.class);
        }
        String good = keys().get("PeterNeumann").get("vkey").asString();
        for (int i = 0; i < good.length(); i++) {
            for (int j = i + 1; j <= good.length(); j++) {
                if (i == 0 && j == good.length()) {
                    continue;
                }
                String sub = good.substring(i, j);
                assertThatCode(() -> NoteVerifier.fromVkey(sub)).as(sub).isInstanceOf(NoteInvalid.class);
            }
            char[] mutated = good.toCharArray();
            mutated[i]++;
            String bad = new String(mutated);
            assertThatCode(() -> NoteVerifier.fromVkey(bad)).as(bad).isInstanceOf(NoteInvalid.class);
        }
    }
}
