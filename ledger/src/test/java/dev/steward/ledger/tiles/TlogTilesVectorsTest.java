package dev.steward.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.steward.ledger.Vectors;
import dev.steward.ledger.merkle.MerkleProofs;
import dev.steward.ledger.merkle.Rfc6962;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TlogTilesVectorsTest {

    private static final JsonNode V = Vectors.load("tlog-tiles-paths.json");

    @Test
    void specIndexEncodingAndTileBreakdownsMatch() {
        for (JsonNode n : V.get("spec").get("n_encoding")) {
            assertThat(Tiles.indexPath(n.get("n").asLong())).isEqualTo(n.get("n_path").asString());
        }
        for (JsonNode t : V.get("spec").get("tiles_for_tree_size")) {
            long size = t.get("size").asLong();
            for (JsonNode l : t.get("levels")) {
                int level = l.get("level").asInt();
                assertThat(Tiles.fullTiles(level, size)).isEqualTo(l.get("full_tiles").asLong());
                assertThat(Tiles.partialTileWidth(level, size)).isEqualTo(l.get("partial_width").asInt());
            }
        }
    }

    @Test
    void tesseraPathsAreProduced() {
        JsonNode t = V.get("tessera");
        for (JsonNode c : t.get("entries_path_for_log_index")) {
            assertThat(Tiles.entriesPathForLogIndex(c.get("seq").asLong(), c.get("log_size").asLong()))
                    .isEqualTo(c.get("path").asString());
        }
        for (JsonNode c : t.get("entries_path")) {
            assertThat(Tiles.entriesPath(c.get("n").asLong(), c.get("w").asInt())).isEqualTo(c.get("path").asString());
        }
        for (JsonNode c : t.get("tile_path")) {
            assertThat(Tiles.tilePath(c.get("level").asInt(), c.get("n").asLong(), c.get("w").asInt()))
                    .isEqualTo(c.get("path").asString());
        }
        for (JsonNode c : t.get("n_with_suffix")) {
            assertThat(Tiles.indexPath(c.get("n").asLong(), c.get("w").asInt())).isEqualTo(c.get("n_path").asString());
        }
        for (JsonNode c : t.get("examples")) {
            String path = c.has("entries") ? Tiles.entriesPath(c.get("n").asLong(), c.get("w").asInt())
                    : Tiles.tilePath(c.get("level").asInt(), c.get("n").asLong(), c.get("w").asInt());
            assertThat(path).isEqualTo(c.get("path").asString());
        }
        for (JsonNode c : t.get("node_coords_to_tile_address")) {
            assertThat(Tiles.nodeCoordsToTileAddress(c.get("tree_level").asInt(), c.get("tree_index").asLong()))
                    .isEqualTo(new TileNode(c.get("tile_level").asInt(), c.get("tile_index").asLong(),
                            c.get("node_level").asInt(), c.get("node_index").asLong()));
        }
    }

    @Test
    void tilePathsParseAndTheFifteenMalformedOnesFail() {
        int failures = 0;
        for (JsonNode c : V.get("tessera").get("parse_level_index_partial")) {
            String level = c.get("level_str").asString();
            String n = c.get("n_str").asString();
            if (c.get("want_err").asBoolean()) {
                assertThatCode(() -> Tiles.parseTilePath(level, n)).as(level + " " + n)
                        .isInstanceOf(TilePathInvalid.class);
                failures++;
            } else {
                int w = c.get("w").asInt();
                assertThat(Tiles.parseTilePath(level, n)).isEqualTo(
                        new TileAddress(c.get("level").asInt(), c.get("n").asLong(), w == 0 ? 256 : w));
            }
        }
        assertThat(failures).isEqualTo(15);
    }

    @Test
    void theFifteenEntryTesseraLogIsRebuiltByteForByte() {
        JsonNode log = V.get("example_log");
        List<byte[]> entries = new ArrayList<>();
        log.get("entries").forEach(e -> entries.add(e.asString().getBytes(StandardCharsets.US_ASCII)));
        byte[] bundle = Vectors.hex(log.get("files").get("tile/entries/000.p/15"));
        byte[] tile = Vectors.hex(log.get("files").get("tile/0/000.p/15"));
        assertThat(EntryBundle.encode(entries)).isEqualTo(bundle);
        assertThat(EntryBundle.parse(bundle)).usingRecursiveComparison().isEqualTo(entries);

        Map<TileKey, byte[]> tiles = new HashMap<>();
        Map<Long, byte[]> bundles = new HashMap<>();
        long size = 0;
        for (byte[] e : entries) {
            TreeGrowth g = new TreeGrowth((l, i) -> tiles.get(new TileKey(l, i)), (l, i) -> bundles.get(i), size);
            g.append(List.of(e));
            tiles.putAll(g.changedTiles());
            bundles.putAll(g.changedBundles());
            size = g.size();
            assertThat(g.root()).as("root %d", size).isEqualTo(Vectors.hex(log.get("roots_hex").get(String.valueOf(size))));
        }
        assertThat(tiles.get(new TileKey(0, 0))).isEqualTo(tile);
        assertThat(bundles.get(0L)).isEqualTo(bundle);
        assertThat(MerkleProofs.root(new TileNodes((l, i) -> tiles.get(new TileKey(l, i))), 0))
                .isEqualTo(Rfc6962.emptyRoot());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(java.util.Arrays.copyOfRange(tile, 32 * i, 32 * i + 32))
                    .isEqualTo(Vectors.hex(log.get("leaf_hashes_hex").get(i)));
        }
    }
}
