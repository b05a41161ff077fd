package dev.steward.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * An evidence bundle as its tenant sees it. {@code download} is present only in the answer that
 * issued the single-use token (the request, or the approval of a provider-requested bundle): only
 * the token's SHA-256 is stored, so it can never be shown again.
 */
public record BundleView(UUID id, BundleState state, Integer entries, Instant from, Instant to, String action,
        String actor, String subject, boolean requestedByProvider, String requestedBy, String approvedBy,
        Instant createdAt, Instant expiresAt, Instant downloadedAt, Instant deletedAt, String download) {

    BundleView withDownload(String link) {
        return new BundleView(id, state, entries, from, to, action, actor, subject, requestedByProvider, requestedBy,
                approvedBy, createdAt, expiresAt, downloadedAt, deletedAt, link);
    }
}
