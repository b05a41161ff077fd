package dev.steward.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.evidence.TokenCreators;

/** The account that issued a token, for the system log's rule that no actor erases its own trail. */
@Component
class TokenCreatorLookup implements TokenCreators {

    private final JdbcClient jdbc;

    TokenCreatorLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> creatorOf(UUID tenantId, UUID tokenId) {
        return jdbc.sql("SELECT created_by FROM api_tokens WHERE tenant_id = ? AND token_id = ?")
                .params(tenantId, tokenId).query(UUID.class).optional();
    }
}
