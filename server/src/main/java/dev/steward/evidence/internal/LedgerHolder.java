package dev.steward.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.keys.MasterKeyService;
import dev.steward.keys.WrappedKeyset;
import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import dev.steward.ledger.note.NoteSigner;

/**
 * The running ledger: its JDBC storage in the application's database, its Ed25519 install key
 * (created on first start, kept only sealed by the master key; each log's own key, named its origin,
 * is derived from it), its sequencer and integrator.
 */
@Component
public class LedgerHolder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerHolder.class);

    private final JdbcLogStorage storage;
    private final Ledger ledger;
    private final NoteSigner signer;

    LedgerHolder(DataSource dataSource, JdbcClient jdbc, MasterKeyService master, Clock clock,
            ClockOffsetLine clockOffset, @Value("${steward.ledger.key-name:steward-log}") String keyName,
            @Value("${steward.ledger.batch-size:4096}") int batchSize,
            @Value("${steward.ledger.batch-age:2ms}") Duration batchAge,
            @Value("${steward.ledger.integration-poll:20ms}") Duration poll) {
        this.storage = new JdbcLogStorage(dataSource, clock);
        this.signer = signingKey(jdbc, master, clock, keyName);
        LedgerConfig config = new LedgerConfig(batchSize, batchAge, 100_000, batchSize, poll);
        this.ledger = new Ledger(new ProviderWideStorage(storage), signer, clock, clockOffset, config,
                e -> log.error("ledger integration failed; it will be retried", e)).start();
    }

    public JdbcLogStorage storage() {
        return storage;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The install key's verifier key: co-signs every checkpoint, and alone signed those made before log keys. */
    public String vkey() {
        return signer.vkey();
    }

    /** The verifier key of one log, named its origin. */
    public String vkey(LogId log) {
        return ledger.vkey(log);
    }

    public String origin(LogId log) {
        return ledger.origin(log);
    }

    /** A checkpoint of {@code log} as handed out: carrying the log key's signature even if it predates log keys. */
    public byte[] attest(LogId log, byte[] checkpoint) {
        return ledger.attest(log, checkpoint);
    }

    public void nudge() {
        ledger.integrator().nudge();
    }

    @Override
    public void destroy() {
        ledger.close();
    }

    private static NoteSigner signingKey(JdbcClient jdbc, MasterKeyService master, Clock clock, String keyName) {
        byte[] aad = ("steward/ledger-signing-key/" + keyName).getBytes(StandardCharsets.UTF_8);
        var stored = jdbc.sql("SELECT master_version, sealed_seed FROM evidence_signing_key WHERE key_name = ?")
                .param(keyName).query((rs, n) -> new WrappedKeyset(rs.getString(1), rs.getBytes(2))).optional();
        if (stored.isPresent()) {
            return NoteSigner.fromSeed(keyName, master.unwrapSecret(stored.get(), aad));
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        NoteSigner signer = NoteSigner.fromSeed(keyName, seed);
        WrappedKeyset sealed = master.wrap(seed, aad);
        java.util.Arrays.fill(seed, (byte) 0);
        jdbc.sql("INSERT INTO evidence_signing_key (key_name, vkey, master_version, sealed_seed, created_at) VALUES (?,?,?,?,?)")
                .params(keyName, signer.vkey(), sealed.masterVersion(), sealed.ciphertext(),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        log.info("created the system-log signing key; verifier key: {}", signer.vkey());
        return signer;
    }
}
