package dev.steward.evidence.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.ledger.LogId;
import dev.steward.ledger.PendingEntry;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.SignedNote;
import dev.steward.ledger.verify.EvidenceBundle;
import dev.steward.ledger.verify.LogClaim;

/**
 * Turns selected log entries into an evidence bundle file: waits until every one of them is
 * integrated, then proves them all against the checkpoint of the integrated size at that moment
 * (with a consistency proof to the latest checkpoint) and stores the zip.
 */
@Component
public class BundleAssembler {

    private final LedgerHolder ledger;
    private final BundleFiles files;
    private final Duration integrationTimeout;

    BundleAssembler(LedgerHolder ledger, BundleFiles files,
            @Value("${steward.evidence.integration-timeout:PT30S}") Duration integrationTimeout) {
        this.ledger = ledger;
        this.files = files;
        this.integrationTimeout = integrationTimeout;
    }

    /** The size of the latest signed checkpoint of {@code log}, 0 before the first. */
    public long signedSize(LogId log) {
        return ledger.ledger().latestCheckpoint(log)
                .map(cp -> Checkpoint.parse(SignedNote.parse(cp).text()).size()).orElse(0L);
    }

    /**
     * Writes the bundle of the entries of {@code log} its writers were given {@code pendingIds} for, claiming its log and tenant, with a
     * consistency proof from tree size {@code since} (a checkpoint the customer saved) if given; returns
     * how many entries it holds.
     *
     * @throws dev.steward.ledger.IntegrationTimeout if an entry is not integrated in time
     */
    public int assemble(UUID tenantId, UUID bundleId, LogId log, List<Long> pendingIds, Long since) {
        Map<Long, Long> sequenced = ledger.ledger().indicesOfPending(log, pendingIds);
        List<Long> indices = new ArrayList<>(pendingIds.size());
        for (Long id : pendingIds) {
            Long index = sequenced.get(id);
            indices.add(index != null ? index
                    : ledger.ledger().awaitIntegrated(new PendingEntry(log, id), integrationTimeout).index());
        }
        // The request itself was logged (and committed) just before, so the log has at least one entry to await
        // even when the range selects none: the bundle then still carries a signed checkpoint.
        long highest = indices.stream().mapToLong(Long::longValue).max().orElse(0);
        ledger.ledger().awaitIntegrated(log, highest, integrationTimeout);
        long size = ledger.ledger().size(log);
        EvidenceBundle bundle = EvidenceBundle.collect(ledger.ledger(), log, indices, ledger.vkey(log), size)
                .claiming(new LogClaim(log.value(), tenantId.toString(), ledger.origin(log)));
        // checkpoints signed before log keys existed get the log key's signature, so a pinned log key verifies them
        bundle = bundle.withCheckpoints(ledger.attest(log, bundle.checkpoint()), ledger.attest(log, bundle.latestCheckpoint()));
        if (since != null) {
            bundle = bundle.withProofSince(ledger.ledger(), log, since);
        }
        files.write(tenantId, bundleId, bundle);
        return indices.size();
    }
}
