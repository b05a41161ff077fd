package dev.steward.bench.records;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureJournal;
import dev.steward.keys.IntegrityEventListener;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.local.RawMasterKey;
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
 * The records feature's storage path below HTTP, rebuilt from the keys module and the server's
 * own DDL: {@code records} as created by V40 (encrypted: payload under the subject's data key,
 * subject as pseudonym, binding {@code recordId#v1} / {@code records.payload} as RecordCrypto
 * does), and {@code plain_records}, the same DDL under another name, holding the plaintext
 * document and the customer's subject identifier. Both are written with the same statements.
 */
final class RecordStorage implements AutoCloseable {

    static final String CONTEXT = "records.payload";
    static final String PURPOSE = "contract";
    static final String COLUMNS = "tenant_id, record_id, subject_ref, category, source, purpose, version, payload,"
            + " created_at, created_by, updated_at, updated_by";

    final DataSource dataSource;
    final KeyHierarchy keys;
    final EnvelopeEncryptor encryptor;
    final TenantId tenant = TenantId.random();
    private final ErasureJournal journal;

    RecordStorage(DataSource dataSource, Path repositoryRoot, Path journalFile) throws Exception {
        this.dataSource = dataSource;
        applyDdl(dataSource, repositoryRoot);
        this.journal = ErasureJournal.open(journalFile, Clock.systemUTC());
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        this.keys = new KeyHierarchy(dataSource, RawMasterKey.fromBase64(Base64.getEncoder().encodeToString(master)),
                journal, Clock.systemUTC(), KeyHierarchy.DEFAULT_DATA_KEY_CACHE_SIZE);
        this.encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE, Clock.systemUTC());
        keys.createTenantKeys(tenant);
    }

    /** One record to write: the customer's subject id, a fresh record id and the JSON document. */
    record Item(String subjectId, UUID id, byte[] document) {
    }

    /**
     * Writes the items in one transaction as the server's bulk import does (RecordStore.storeAll):
     * per record the pseudonym (HMAC); the data keys of all the batch's subjects fetched, or created,
     * at once ({@link EnvelopeEncryptor#batch}); per record envelope encryption; one batched INSERT.
     */
    void writeEncrypted(List<Item> items) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insert("records"))) {
            c.setAutoCommit(false);
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
                    ciphertext = batch.encrypt(binding(subjects.get(i), item.id()), data);
                } finally {
                    data.wipe();
                }
                bind(ps, item.id(), subjects.get(i).hmac(), ciphertext, now);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** The same rows and statements with the plaintext document and subject identifier. */
    void writePlain(List<Item> items) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(insert("plain_records"))) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Item item : items) {
                bind(ps, item.id(), item.subjectId(), item.document(), now);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** Reads one record by primary key and decrypts it for the purpose; returns its length. */
    int readEncrypted(UUID recordId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND record_id = ?")) {
            c.setAutoCommit(false);
            ps.setObject(1, tenant.value());
            ps.setObject(2, recordId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += decrypt(c, rs);
                }
            }
            c.commit();
            return n;
        }
    }

    int readPlain(UUID recordId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM plain_records WHERE tenant_id = ? AND record_id = ?")) {
            c.setAutoCommit(false);
            ps.setObject(1, tenant.value());
            ps.setObject(2, recordId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += plain(rs);
                }
            }
            c.commit();
            return n;
        }
    }

    /** A subject's first page (50) as RecordStore.ofSubject reads it: pseudonym, count, page, decrypt each. */
    int readSubjectEncrypted(String subjectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String ref = keys.subjectRef(c, tenant, subjectId).hmac();
            int n = 0;
            if (count(c, "records", ref) > 0) {
                try (PreparedStatement ps = c.prepareStatement(page("records"))) {
                    ps.setObject(1, tenant.value());
                    ps.setString(2, ref);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n += decrypt(c, rs);
                        }
                    }
                }
            }
            c.commit();
            return n;
        }
    }

    int readSubjectPlain(String subjectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            if (count(c, "plain_records", subjectId) > 0) {
                try (PreparedStatement ps = c.prepareStatement(page("plain_records"))) {
                    ps.setObject(1, tenant.value());
                    ps.setString(2, subjectId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n += plain(rs);
                        }
                    }
                }
            }
            c.commit();
            return n;
        }
    }

    /**
     * Erases a subject as SubjectErasure.erase does, less its access-log line: pseudonym, the
     * data-key existence check, {@link KeyHierarchy#destroySubjectKey} (journal fsync, key row
     * delete, erasure copy), commit. The records rows stay for the background purge.
     */
    void erase(String subjectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SubjectRef subject = keys.subjectRef(c, tenant, subjectId);
            if (!keys.hasDataKey(c, tenant, subject)) {
                throw new IllegalStateException("no data key for " + subjectId);
            }
            keys.destroySubjectKey(c, tenant, subject);
            c.commit();
        }
    }

    /** The background purge (SubjectErasure.purgeErased): the orphan scan as Records.orphanedSubjects, then a DELETE per subject. */
    int purgeOrphans() throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.tenant_id, r.subject_ref FROM records r"
                    + " WHERE NOT EXISTS (SELECT 1 FROM keys_data_key k WHERE k.tenant_id = r.tenant_id"
                    + " AND k.subject_ref = r.subject_ref) FETCH FIRST 100 ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orphans.add(rs.getString(2));
                }
            }
            int deleted = 0;
            for (String ref : orphans) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM records WHERE tenant_id = ? AND subject_ref = ?")) {
                    ps.setObject(1, tenant.value());
                    ps.setString(2, ref);
                    deleted += ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            return deleted;
        }
    }

    private int decrypt(Connection c, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("record_id", UUID.class);
        SubjectRef subject = new SubjectRef(rs.getString("subject_ref"));
        rs.getObject("created_at", OffsetDateTime.class);
        rs.getObject("updated_at", OffsetDateTime.class);
        byte[] document = encryptor.decryptForPurpose(c, binding(subject, id), rs.getBytes("payload"), PURPOSE);
        return new String(document, StandardCharsets.UTF_8).length();
    }

    private static int plain(ResultSet rs) throws SQLException {
        rs.getObject("record_id", UUID.class);
        rs.getString("subject_ref");
        rs.getObject("created_at", OffsetDateTime.class);
        rs.getObject("updated_at", OffsetDateTime.class);
        return new String(rs.getBytes("payload"), StandardCharsets.UTF_8).length();
    }

    private long count(Connection c, String table, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND subject_ref = ?")) {
            ps.setObject(1, tenant.value());
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String page(String table) {
        return "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND subject_ref = ?"
                + " ORDER BY created_at, record_id OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
    }

    private RecordBinding binding(SubjectRef subject, UUID recordId) {
        return new RecordBinding(tenant, subject, recordId + "#v1", CONTEXT);
    }

    private static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    }

    private void bind(PreparedStatement ps, UUID id, String subject, byte[] payload, OffsetDateTime now)
            throws SQLException {
        ps.setObject(1, tenant.value());
        ps.setObject(2, id);
        ps.setString(3, subject);
        ps.setString(4, "contact");
        ps.setString(5, "CUSTOMER");
        ps.setString(6, PURPOSE);
        ps.setInt(7, 1);
        ps.setBytes(8, payload);
        ps.setObject(9, now);
        ps.setString(10, "api-token:bench");
        ps.setObject(11, now);
        ps.setString(12, "api-token:bench");
    }

    /** The keys module's DDL, then the server's V40 as it is, then the records table and its indexes again as plain_records. */
    private static void applyDdl(DataSource ds, Path root) throws Exception {
        String keysDdl;
        try (InputStream in = KeyHierarchy.class.getResourceAsStream("/db/keys/V200__keys.sql")) {
            keysDdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> records = SqlScript.statements(
                Files.readString(root.resolve("server/src/main/resources/db/migration/common/V40__records.sql")));
        List<String> all = new ArrayList<>(SqlScript.statements(keysDdl));
        all.addAll(records);
        for (String s : records) {
            if (s.contains("TABLE records (") || s.contains(" ON records (")) {
                all.add(s.replace("TABLE records (", "TABLE plain_records (")
                        .replace("records_pk", "plain_records_pk")
                        .replace("INDEX records_", "INDEX plain_records_")
                        .replace(" ON records (", " ON plain_records ("));
            }
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : all) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() {
        journal.close();
    }
}
