package dev.steward.rights.internal;

import static dev.steward.platform.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The result files waiting behind single-use download links ({@code rights_downloads}). */
@Repository
public class DownloadRows {

    /** A file taken by its link: {@code content} is sealed under the request's key. */
    public record Taken(UUID tenantId, UUID id, UUID requestId, String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;

    DownloadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, UUID id, UUID request, String tokenHash, String fileName, String contentType,
            byte[] sealed, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO rights_downloads (tenant_id, download_id, request_id, token_hash, file_name, content_type,"
                        + " content, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, id, request, tokenHash, fileName, contentType, sealed, utc(now), utc(expiresAt))
                .update();
    }

    /**
     * Spends the link and hands out its file, once: the row is locked, then marked used and its
     * content removed by a conditional update, so two racing downloads cannot both get it. Empty
     * for an unknown, used or expired link.
     */
    public Optional<Taken> take(UUID tenant, String tokenHash, Instant now) {
        Optional<Taken> found = jdbc.sql("SELECT tenant_id, download_id, request_id, file_name, content_type, content"
                        + " FROM rights_downloads WHERE tenant_id = ? AND token_hash = ? AND downloaded_at IS NULL"
                        + " AND expires_at > ? AND content IS NOT NULL FOR UPDATE")
                .params(tenant, tokenHash, utc(now))
                .query((rs, n) -> new Taken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getBytes(6)))
                .optional();
        return found.filter(f -> jdbc.sql("UPDATE rights_downloads SET downloaded_at = ?, content = NULL"
                        + " WHERE tenant_id = ? AND download_id = ? AND downloaded_at IS NULL")
                .params(utc(now), tenant, f.id()).update() == 1);
    }

    /** Deletes the links expired by {@code now}, used or not; the number deleted. */
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM rights_downloads WHERE expires_at <= ?").param(utc(now)).update();
    }
}
