package dev.steward.bench.ledger;

import dev.steward.ledger.LogId;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import dev.steward.ledger.merkle.MerkleProofs;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.tiles.TileNodes;
import dev.steward.ledger.tiles.Tiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the hash tiles, tree state and checkpoint of a log of {@code n} 8-byte entries straight into
 * the ledger tables, in big batches, so that proofs can be measured on a large tree without
 * sequencing and integrating every entry (no entry rows are written).
 */
final class TiledTreeBuilder {

    private final Connection conn;
    private final PreparedStatement insert;
    private final LogId log;
    private final List<byte[]> rows = new ArrayList<>();
    private final List<Long> next = new ArrayList<>();
    private final int[] fill = new int[Tiles.MAX_LEVEL + 1];
    private int pending;

    private TiledTreeBuilder(Connection conn, LogId log) throws Exception {
        this.conn = conn;
        this.log = log;
        this.insert = conn.prepareStatement(
                "INSERT INTO ledger_tile (tenant_id, log_id, tile_level, tile_index, hashes) VALUES (?, ?, ?, ?, ?)");
    }

    static void build(DataSource ds, JdbcLogStorage storage, LogId log, long n, NoteSigner signer) throws Exception {
        storage.inTransaction(tx -> tx.lockSequence(log, Clock.systemUTC().instant()));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            TiledTreeBuilder b = new TiledTreeBuilder(c, log);
            ByteBuffer entry = ByteBuffer.allocate(8);
            for (long i = 0; i < n; i++) {
                entry.putLong(0, i);
                b.add(0, Rfc6962.leafHash(entry.array()));
            }
            for (int level = 0; level < b.rows.size(); level++) {
                byte[] row = b.rows.get(level);
                int width = Tiles.partialTileWidth(level, n);
                if (width > 0) {
                    b.write(level, b.next.get(level), java.util.Arrays.copyOf(row, width * Rfc6962.HASH_SIZE));
                }
            }
            b.insert.executeBatch();
            c.commit();
            b.insert.close();
        }
        byte[] root = MerkleProofs.root(new TileNodes((l, i) -> storage.inTransaction(tx -> tx.tile(log, l, i))), n);
        byte[] note = signer.sign(new Checkpoint("steward.bench/" + log.value(), n, root,
                List.of("time 2026-01-01T00:00:00Z clock-offset unmeasured")).text()).getBytes(StandardCharsets.UTF_8);
        storage.inTransaction(tx -> {
            var now = Clock.systemUTC().instant();
            tx.lockSequence(log, now);
            tx.updateSequence(log, n, now);
            tx.lockTree(log);
            tx.updateTree(log, n, root, note, now);
            tx.addCheckpoint(log, n, note, now);
            return null;
        });
    }

    /** Appends a hash at tile level {@code level}; a tile that becomes full is written and its root moves up. */
    private void add(int level, byte[] hash) throws Exception {
        if (rows.size() == level) {
            rows.add(new byte[Tiles.WIDTH * Rfc6962.HASH_SIZE]);
            next.add(0L);
        }
        byte[] row = rows.get(level);
        long tile = next.get(level);
        int filled = fill[level]++;
        System.arraycopy(hash, 0, row, filled * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
        if (filled == Tiles.WIDTH - 1) {
            write(level, tile, row.clone());
            fill[level] = 0;
            next.set(level, tile + 1);
            add(level + 1, Rfc6962.perfectRoot(row, 0, Tiles.WIDTH));
        }
    }

    private void write(int level, long index, byte[] hashes) throws Exception {
        insert.setObject(1, log.tenant());
        insert.setString(2, log.value());
        insert.setInt(3, level);
        insert.setLong(4, index);
        insert.setBytes(5, hashes);
        insert.addBatch();
        if (++pending % 512 == 0) {
            insert.executeBatch();
            conn.commit();
        }
    }
}
