package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import dev.steward.evidence.SystemLog;
import dev.steward.ledger.InclusionProof;
import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.PendingEntry;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.platform.DataScope;
import dev.steward.support.Migrations;
import dev.steward.support.TestDatabases;
import dev.steward.support.TestPostgres;

/**
 * An install whose ledger was keyed by log name upgrades to the tenant-keyed ledger (V280, V281)
 * without losing or changing a byte of evidence: a real log (entries, tiles, checkpoints, pending
 * ids) is written by the ledger, stored in the old shape, migrated, and then read, proved and
 * extended as before. Runs on H2 and on PostgreSQL.
 */
class LedgerRekeyMigrationIntegrationTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("steward-log", new byte[32]);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> KEYED_TABLES = List.of("ledger_log", "ledger_tree", "ledger_entry",
            "ledger_pending_index", "ledger_tile", "ledger_checkpoint");

    private final UUID tenant = UUID.randomUUID();
    private final LogId tenantLog = SystemLog.logOf(tenant);
    private final LogId providerLog = SystemLog.logOf(DataScope.PROVIDER_TENANT);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLogWrittenBeforeTheRekeyIsReadProvedAndExtendedAfterIt(String vendor) throws Exception {
        try (Target target = Target.open(vendor)) {
            byte[] checkpointBefore;
            try (Source source = new Source()) {
                List<PendingEntry> written = source.write(tenantLog, 300);
                source.write(providerLog, 5);
                checkpointBefore = source.ledger.latestCheckpoint(tenantLog).orElseThrow();
                Migrations.migrateTo(vendor, target.dataSource, target.placeholders, lastBeforeRekey(vendor));
                // an old install's identity had handed out every pending id its index names
                target.advancePendingIds(written.size() + 5);
                for (String table : KEYED_TABLES) {
                    copyWithoutTenant(source.dataSource, target.dataSource, table);
                }
            }
            long queued = target.queueOld(tenantLog.value(), "queued before the upgrade");

            Migrations.migrate(vendor, target.dataSource, target.placeholders);

            assertThat(target.logs()).containsExactlyInAnyOrder(tenant + " " + tenant, DataScope.PROVIDER_TENANT + " provider");
            try (Ledger ledger = ledger(target.dataSource)) {
                assertThat(ledger.size(tenantLog)).isEqualTo(300);
                assertThat(ledger.size(providerLog)).isEqualTo(5);
                assertThat(ledger.latestCheckpoint(tenantLog)).hasValue(checkpointBefore);
                Checkpoint old = Checkpoint.open(checkpointBefore, SIGNER.verifier());
                assertThat(old.origin()).isEqualTo("steward-log/" + tenant);
                assertThat(ledger.indicesOfPending(tenantLog, LongStream.rangeClosed(1, 300).boxed().toList()))
                        .hasSize(300).containsEntry(1L, 0L).containsEntry(300L, 299L);
                assertThat(ledger.entriesOfPending(tenantLog, List.of(queued)).get(queued).index()).isNull();

                ledger.start();
                InclusionProof proof = ledger.awaitIntegrated(new PendingEntry(tenantLog, queued), WAIT);
                assertThat(proof.index()).isEqualTo(300);
                Checkpoint now = Checkpoint.open(ledger.latestCheckpoint(tenantLog).orElseThrow(), SIGNER.verifier());
                ProofVerifier.verifyConsistency(old.size(), now.size(), ledger.consistencyProof(tenantLog, old.size(),
                        now.size()), old.rootHash(), now.rootHash());
                assertThat(ledger.entry(tenantLog, 300)).isEqualTo(bytes("queued before the upgrade"));

                PendingEntry later;
                try (Connection c = target.dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    later = new JdbcLogStorage(target.dataSource, CLOCK).appendInTransaction(c, tenantLog, bytes("after"));
                    c.commit();
                }
                assertThat(later.pendingId()).as("pending ids keep rising past those already handed out")
                        .isGreaterThan(queued);
                assertThat(ledger.awaitIntegrated(later, WAIT).index()).isEqualTo(301);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLogNameTheServerNeverGaveStopsTheUpgradeRatherThanGuessingItsTenant(String vendor) throws Exception {
        try (Target target = Target.open(vendor)) {
            Migrations.migrateTo(vendor, target.dataSource, target.placeholders, lastBeforeRekey(vendor));
            target.queueOld("not-a-tenant", "orphan");
            assertThatThrownBy(() -> Migrations.migrate(vendor, target.dataSource, target.placeholders))
                    .isInstanceOf(FlywayException.class).hasMessageContaining("V280");
        }
    }

    /** The newest migration an install could have applied before the re-key (V280). */
    private static String lastBeforeRekey(String vendor) {
        List<String> locations = Migrations.locations(vendor);
        return Migrations.files().stream().filter(f -> locations.contains(f.location()))
                .map(f -> MigrationVersion.fromVersion(f.version()))
                .filter(v -> v.isNewerThan("0") && !v.isAtLeast("280"))
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static Ledger ledger(DataSource dataSource) {
        return new Ledger(new JdbcLogStorage(dataSource, CLOCK), SIGNER, CLOCK, () -> "+0.000s ntp:test",
                new LedgerConfig(64, Duration.ofMillis(1), 10_000, 100, Duration.ofMillis(5)), Throwable::printStackTrace);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Copies every row of {@code table}, all columns but tenant_id, which the old schema lacks. */
    private static void copyWithoutTenant(DataSource from, DataSource to, String table) throws SQLException {
        try (Connection in = from.getConnection(); Connection out = to.getConnection();
                Statement st = in.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Integer> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!meta.getColumnName(i).equalsIgnoreCase("tenant_id")) {
                    columns.add(i);
                    names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement ps = out.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setObject(i + 1, rs.getObject(columns.get(i)));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** A ledger of today's shape in memory, written to by the ledger itself. */
    private static final class Source implements AutoCloseable {

        final JdbcDataSource dataSource = new JdbcDataSource();
        final Ledger ledger;

        Source() {
            dataSource.setURL("jdbc:h2:mem:ledger_source_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            JdbcLogStorage.createTables(dataSource);
            ledger = ledger(dataSource).start();
        }

        List<PendingEntry> write(LogId log, int n) throws SQLException {
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                entries.add(bytes(log.value() + " entry " + i));
            }
            List<PendingEntry> pending;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                pending = new JdbcLogStorage(dataSource, CLOCK).appendAllInTransaction(c, log, entries);
                c.commit();
            }
            ledger.awaitIntegrated(pending.get(n - 1), WAIT);
            return pending;
        }

        @Override
        public void close() throws SQLException {
            ledger.close();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }

    /** The database being upgraded: H2 in memory, or a PostgreSQL database of its own. */
    private record Target(DataSource dataSource, Map<String, String> placeholders, String postgresName)
            implements AutoCloseable {

        static Target open(String vendor) {
            if (vendor.equals("h2")) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:ledger_upgrade_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
                h2.setUser("sa");
                return new Target(h2, Map.of(), null);
            }
            String name = "steward_rekey_" + UUID.randomUUID().toString().substring(0, 8);
            TestDatabases.createDatabase(name);
            TestPostgres pg = TestPostgres.configured();
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(pg.url(name));
            postgres.setUser(pg.adminUser());
            postgres.setPassword(pg.adminPassword());
            return new Target(postgres, Map.of("app_role", TestDatabases.APP_ROLE), name);
        }

        /** Queues an entry the way the old schema did (no tenant column); returns its pending id. */
        long queueOld(String logName, String entry) throws SQLException {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ledger_pending (log_id, entry, created_at) VALUES (?, ?, ?)", new String[] {"pending_id"})) {
                ps.setString(1, logName);
                ps.setBytes(2, bytes(entry));
                ps.setObject(3, CLOCK.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        void advancePendingIds(int n) throws SQLException {
            for (int i = 0; i < n; i++) {
                queueOld("provider", "consumed");
            }
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM ledger_pending");
            }
        }

        /** "tenant name" of every log row after the upgrade. */
        List<String> logs() throws SQLException {
            List<String> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT tenant_id, log_id FROM ledger_log")) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class) + " " + rs.getString(2));
                }
            }
            return out;
        }

        @Override
        public void close() throws SQLException {
            if (postgresName != null) {
                TestDatabases.dropDatabase(postgresName);
            } else {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        }
    }
}
