package dev.steward.identity.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * Seals, at every start, the TOTP seeds that versions before V210 stored in clear
 * ({@code accounts.totp_secret}), and empties that column: after the first start of this version
 * no seed lies in clear. One transaction per account, so a crash part-way loses nothing.
 */
@Component
public class TotpSeedSealing implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TotpSeedSealing.class);

    private record ClearSeed(UUID tenantId, UUID accountId, String seed) {
    }

    private final JdbcClient jdbc;
    private final IdentityKeys keys;
    private final TransactionTemplate tx;

    TotpSeedSealing(JdbcClient jdbc, IdentityKeys keys, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = sealClearSeeds();
        if (sealed > 0) {
            LOG.info("sealed {} TOTP seeds that were stored in clear", sealed);
        }
    }

    /** Returns how many clear seeds were sealed. */
    public int sealClearSeeds() {
        List<ClearSeed> clear = TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                "SELECT tenant_id, account_id, totp_secret FROM accounts WHERE totp_secret IS NOT NULL")
                .query((rs, n) -> new ClearSeed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list());
        for (ClearSeed c : clear) {
            TenantScope.run(DataScope.tenant(c.tenantId()), () -> tx.executeWithoutResult(s -> jdbc.sql(
                    "UPDATE accounts SET totp_seed = ?, totp_secret = NULL WHERE tenant_id = ? AND account_id = ? "
                            + "AND totp_secret = ?")
                    .params(keys.sealSeed(c.tenantId(), c.accountId(), c.seed()), c.tenantId(), c.accountId(), c.seed())
                    .update()));
        }
        return clear.size();
    }
}
