package dev.steward.evidence.internal;

import java.time.Instant;
import java.util.UUID;

import dev.steward.evidence.BundleRequest;
import dev.steward.evidence.BundleState;
import dev.steward.evidence.BundleView;

/** A row of {@code evidence_bundles}: a bundle's request, state and single-use token digest. */
public record StoredBundle(UUID tenantId, UUID id, BundleState state, String requestedBy, String approvedBy,
        Instant from, Instant to, String action, String actor, String subject, Integer entries, String tokenHash,
        Instant createdAt, Instant expiresAt, Instant downloadedAt, Instant deletedAt, boolean byProvider,
        Long since) {

    public BundleRequest request() {
        return new BundleRequest(from, to, actor, action, subject, since);
    }

    /** Whether its link (or, before approval, its request) has run out by {@code now}. */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whether its file may (still) be on disk: a live bundle being built or waiting for its download. */
    public boolean keepsFile() {
        return deletedAt == null && state.keepsFile();
    }

    /** As its tenant sees it, without a link (the token's secret is never stored). */
    public BundleView view() {
        return new BundleView(id, state, entries, from, to, action, actor, subject, byProvider, requestedBy,
                approvedBy, createdAt, expiresAt, downloadedAt, deletedAt, null);
    }
}
