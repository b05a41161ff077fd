package dev.steward.keys;

import dev.steward.keys.ErasureReceipt.ErasureKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The erasure journal: an append-only text file, kept apart from the database and its backups,
 * with one line per destroyed key. It is the authority on what was erased.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A line is written and {@code fsync}'d before the key row is deleted, so an erasure that
 *       returned a receipt survives any crash.</li>
 *   <li>Each line carries the SHA-256 of its content chained to the previous line's hash; opening
 *       verifies the whole chain and throws {@link ErasureJournalTampered} on any altered, inserted
 *       or removed line. Removing lines from the end is detectable by comparing the head hash
 *       with the latest receipt a deletion certificate quotes.</li>
 *   <li>The key hierarchy refuses to serve any key of a journaled subject or tenant, even when a
 *       restored database still holds it; {@link #replay} then deletes those keys for good.</li>
 *   <li>One process owns the file at a time (an OS file lock).</li>
 * </ul>
 * Line format: {@code receiptId kind tenantId subjectRef|- erasedAt previousHash hash}.
 */
public final class ErasureJournal implements AutoCloseable {

    static final String GENESIS = "0".repeat(64);

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<ErasureReceipt> receipts = new ArrayList<>();
    private final Map<TenantId, Set<SubjectRef>> erasedSubjects = new HashMap<>();
    private final Set<TenantId> erasedTenants = new HashSet<>();
    private String head = GENESIS;

    private ErasureJournal(Path file, Clock clock, FileChannel channel, FileLock lock) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (or creates) the journal, verifying its hash chain. */
    public static ErasureJournal open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("erasure journal " + file.toAbsolutePath() + " is in use");
            }
            ErasureJournal journal = new ErasureJournal(file, clock, channel, lock);
            try {
                journal.load();
            } catch (RuntimeException | IOException e) {
                journal.close();
                throw e;
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open erasure journal " + file.toAbsolutePath(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The hash of the last line, or 64 zeros for an empty journal. */
    public synchronized String headHash() {
        return head;
    }

    public synchronized List<ErasureReceipt> receipts() {
        return List.copyOf(receipts);
    }

    /** Whether the subject's data key was destroyed, by itself or with its whole tenant. */
    public synchronized boolean isErased(TenantId tenant, SubjectRef subject) {
        return erasedTenants.contains(tenant) || erasedSubjects.getOrDefault(tenant, Set.of()).contains(subject);
    }

    public synchronized boolean isTenantErased(TenantId tenant) {
        return erasedTenants.contains(tenant);
    }

    public synchronized Optional<ErasureReceipt> receiptFor(TenantId tenant, SubjectRef subject) {
        return receipts.stream().filter(r -> r.tenant().equals(tenant) && subject.equals(r.subject())).findFirst();
    }

    synchronized Optional<ErasureReceipt> tenantReceipt(TenantId tenant) {
        return receipts.stream().filter(r -> r.tenant().equals(tenant) && r.kind() == ErasureKind.TENANT)
                .findFirst();
    }

    /** Appends and fsyncs one line; returns its receipt. */
    synchronized ErasureReceipt append(ErasureKind kind, TenantId tenant, SubjectRef subject) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String content = content(id, kind, tenant, subject, now, head);
        String hash = sha256(content);
        try {
            ByteBuffer line = ByteBuffer.wrap((content + " " + hash + "\n").getBytes(StandardCharsets.UTF_8));
            channel.position(channel.size());
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to erasure journal " + file.toAbsolutePath(), e);
        }
        ErasureReceipt receipt = new ErasureReceipt(id, kind, tenant, subject, now, hash);
        remember(receipt);
        return receipt;
    }

    /**
     * Destroys again, in the given connection's transaction (neither committed nor closed here),
     * every journaled key still present (for example in a restored backup), and copies missing
     * journal lines back into {@code keys_erasure}.
     */
    public ReplayReport replay(Connection connection) {
        int subjects = 0;
        int tenants = 0;
        int restored = 0;
        try {
            for (ErasureReceipt receipt : receipts()) {
                if (receipt.kind() == ErasureKind.SUBJECT) {
                    subjects += KeyTables.deleteDataKey(connection, receipt.tenant(), receipt.subject());
                } else {
                    boolean present = KeyTables.findTenant(connection, receipt.tenant()).isPresent()
                            || KeyTables.maxKekVersion(connection, receipt.tenant()) != null;
                    KeyTables.deleteTenantKeys(connection, receipt.tenant());
                    KeyTables.deleteAllDataKeys(connection, receipt.tenant());
                    tenants += present ? 1 : 0;
                }
                if (!KeyTables.erasureRecorded(connection, receipt)) {
                    KeyTables.insertErasure(connection, receipt);
                    restored++;
                }
            }
        } catch (SQLException e) {
            throw new KeyStoreFailure("erasure journal replay failed", e);
        }
        return new ReplayReport(subjects, tenants, restored);
    }

    /** {@link #replay(Connection)} in a transaction of its own. */
    public ReplayReport replay(DataSource dataSource) {
        return Transactions.inTransaction(dataSource, "erasure journal replay", this::replay);
    }

    @Override
    public synchronized void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ErasureJournal[" + file.toAbsolutePath() + ", " + receipts().size() + " erasures]";
    }

    private void load() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n') + 1;
        if (complete < text.length()) {
            // A crash tore the last write before fsync returned: that erasure never returned a
            // receipt and deleted no key, so the fragment is dropped.
            channel.truncate(text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
            channel.force(true);
        }
        int lineNumber = 0;
        for (String line : text.substring(0, complete).split("\n")) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            remember(parse(line, lineNumber));
        }
    }

    private ErasureReceipt parse(String line, int lineNumber) {
        String[] f = line.split(" ");
        try {
            if (f.length != 7) {
                throw new IllegalArgumentException("expected 7 fields");
            }
            UUID id = UUID.fromString(f[0]);
            ErasureKind kind = ErasureKind.valueOf(f[1]);
            TenantId tenant = TenantId.of(f[2]);
            SubjectRef subject = f[3].equals("-") ? null : new SubjectRef(f[3]);
            Instant at = Instant.parse(f[4]);
            if (!f[5].equals(head)) {
                throw new ErasureJournalTampered("erasure journal " + file.toAbsolutePath() + " line " + lineNumber
                        + " does not chain to the line before it");
            }
            String content = content(id, kind, tenant, subject, at, head);
            if (!content.equals(line.substring(0, line.lastIndexOf(' '))) || !sha256(content).equals(f[6])) {
                throw new ErasureJournalTampered("erasure journal " + file.toAbsolutePath() + " line " + lineNumber
                        + " was altered: its hash does not match");
            }
            return new ErasureReceipt(id, kind, tenant, subject, at, f[6]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new ErasureJournalTampered("erasure journal " + file.toAbsolutePath() + " line " + lineNumber
                    + " is malformed: " + e.getMessage());
        }
    }

    private void remember(ErasureReceipt receipt) {
        receipts.add(receipt);
        head = receipt.journalHash();
        if (receipt.kind() == ErasureKind.TENANT) {
            erasedTenants.add(receipt.tenant());
        } else {
            erasedSubjects.computeIfAbsent(receipt.tenant(), t -> new HashSet<>()).add(receipt.subject());
        }
    }

    private static String content(UUID id, ErasureKind kind, TenantId tenant, SubjectRef subject, Instant at,
            String previous) {
        return id + " " + kind + " " + tenant + " " + (subject == null ? "-" : subject.hmac()) + " " + at + " "
                + previous;
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
