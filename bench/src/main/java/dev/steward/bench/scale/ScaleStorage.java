package dev.steward.bench.scale;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureJournal;
import dev.steward.keys.IntegrityEventListener;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.local.RawMasterKey;
import dev.steward.ledger.LogId;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import dev.steward.bench.SqlScript;

/**
 * Steward's storage path for records and the system log, for many tenants, below HTTP: each transaction
 * begins with the scope as the server's ScopedDataSource sets it ({@code SET LOCAL steward.tenant_id}),
 * records are encrypted under per-subject data keys by the keys module and written with the server's own
 * V40 DDL, system-log entries go to the ledger's {@code ledger_pending} through {@link JdbcLogStorage}.
 * On Citus the tables are placed as the server's migrations place them: records and keys distributed on
 * tenant_id, co-located, the ledger tables with them (each log keyed by its tenant).
 */
final class ScaleStorage implements AutoCloseable {

    private static final String COLUMNS = "tenant_id, record_id, subject_ref, category, source, purpose, version, payload,"
            + " created_at, created_by, updated_at, updated_by";
    private static final String PURPOSE = "contract";

    private final DataSource dataSource;
    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final ErasureJournal journal;
    private final JdbcLogStorage ledger;

    record Item(String subjectId, UUID id, byte[] document) {
    }

    ScaleStorage(DataSource dataSource, Path root, Path journalFile, boolean citus) throws Exception {
        this.dataSource = dataSource;
        applyDdl(root, citus);
        this.journal = ErasureJournal.open(journalFile, Clock.systemUTC());
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        this.keys = new KeyHierarchy(dataSource, RawMasterKey.fromBase64(Base64.getEncoder().encodeToString(master)),
                journal, Clock.systemUTC(), KeyHierarchy.DEFAULT_DATA_KEY_CACHE_SIZE);
        this.encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE, Clock.systemUTC());
        this.ledger = new JdbcLogStorage(dataSource, Clock.systemUTC());
    }

    void createTenant(TenantId tenant) {
        keys.createTenantKeys(tenant);
    }

    /** One import batch of one tenant in one transaction, as RecordStore.storeAll writes it. */
    void write(TenantId tenant, List<Item> items) throws SQLException {
        try (Connection c = begin(tenant);
                PreparedStatement ps = c.prepareStatement("INSERT INTO records (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<SubjectRef> subjects = new ArrayList<>(items.size());
            for (Item item : items) {
                subjects.add(keys.subjectRef(c, tenant, item.subjectId()));
            }
            EnvelopeEncryptor.Batch batch = encryptor.batch(c, tenant, subjects);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                PersonalData data = PersonalData.of(item.document());
                byte[] ciphertext;
                try {
                    ciphertext = batch.encrypt(binding(tenant, subjects.get(i), item.id()), data);
                } finally {
                    data.wipe();
                }
                ps.setObject(1, tenant.value());
                ps.setObject(2, item.id());
                ps.setString(3, subjects.get(i).hmac());
                ps.setString(4, "contact");
                ps.setString(5, "CUSTOMER");
                ps.setString(6, PURPOSE);
                ps.setInt(7, 1);
                ps.setBytes(8, ciphertext);
                ps.setObject(9, now);
                ps.setString(10, "api-token:bench");
                ps.setObject(11, now);
                ps.setString(12, "api-token:bench");
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** One record by primary key, decrypted, in a transaction of its own; returns the document's length. */
    int read(TenantId tenant, UUID recordId) throws SQLException {
        try (Connection c = begin(tenant); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND record_id = ?")) {
            ps.setObject(1, tenant.value());
            ps.setObject(2, recordId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SubjectRef subject = new SubjectRef(rs.getString("subject_ref"));
                    n += encryptor.decryptForPurpose(c, binding(tenant, subject, recordId), rs.getBytes("payload"),
                            PURPOSE).length;
                }
            }
            c.commit();
            return n;
        }
    }

    /** One act's system-log entry, appended to the tenant's log in the act's own transaction. */
    void appendLog(TenantId tenant, byte[] entry) throws SQLException {
        try (Connection c = begin(tenant)) {
            ledger.appendInTransaction(c, LogId.of(tenant.value()), entry);
            c.commit();
        }
    }

    /** Fresh statistics after a load, as autovacuum would gather them before long, so reads get the plan they would. */
    void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    private Connection begin(TenantId tenant) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL steward.tenant_id = '" + tenant.value() + "'; SET LOCAL steward.scope = 'tenant'");
        }
        return c;
    }

    private static RecordBinding binding(TenantId tenant, SubjectRef subject, UUID recordId) {
        return new RecordBinding(tenant, subject, recordId + "#v1", "records.payload");
    }

    private void applyDdl(Path root, boolean citus) throws Exception {
        List<String> all = new ArrayList<>();
        try (InputStream in = KeyHierarchy.class.getResourceAsStream("/db/keys/V200__keys.sql")) {
            all.addAll(SqlScript.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        all.addAll(SqlScript.statements(Files.readString(root.resolve("server/src/main/resources/db/migration/common/V40__records.sql"))));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String s : all) {
                st.execute(s);
            }
        }
        JdbcLogStorage.createTables(dataSource);
        if (!citus) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT c.relname, EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid"
                        + " AND a.attname = 'tenant_id') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1")) {
            List<String> distributed = new ArrayList<>();
            List<String> reference = new ArrayList<>();
            while (rs.next()) {
                (rs.getBoolean(2) ? distributed : reference).add(rs.getString(1));
            }
            try (Statement place = c.createStatement()) {
                for (String table : reference) {
                    place.execute("SELECT create_reference_table('" + table + "')");
                }
                String first = null;
                for (String table : distributed) {
                    place.execute("SELECT create_distributed_table('" + table + "', 'tenant_id'"
                            + (first == null ? "" : ", colocate_with => '" + first + "'") + ")");
                    first = first == null ? table : first;
                }
            }
        }
    }

    @Override
    public void close() {
        journal.close();
    }
}
