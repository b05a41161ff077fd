package dev.steward.ledger.verify;

import dev.steward.ledger.InclusionProof;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogReader;
import dev.steward.ledger.ProofRequestInvalid;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.SignedNote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What an evidence bundle holds: the log's verifier key, the signed checkpoint the entries are proved
 * against, the latest signed checkpoint and a consistency proof between them, and the entries with
 * their inclusion proofs.
 */
public record EvidenceBundle(String vkey, byte[] checkpoint, byte[] latestCheckpoint, List<byte[]> consistency,
        List<BundleEntry> entries) {

    public EvidenceBundle {
        consistency = List.copyOf(consistency);
        entries = List.copyOf(entries);
    }

    /**
     * Collects a bundle from a log: entries {@code indices} proved against the checkpoint of
     * {@code provedAtSize} (which must have been published), plus a consistency proof to the latest checkpoint.
     *
     * @throws ProofRequestInvalid if an index is not below {@code provedAtSize} or no checkpoint was published at it
     */
    public static EvidenceBundle collect(LogReader reader, LogId log, Collection<Long> indices, String vkey,
            long provedAtSize) {
        byte[] latest = reader.latestCheckpoint(log)
                .orElseThrow(() -> new ProofRequestInvalid("log " + log + " has no checkpoint yet"));
        // The size comes from the checkpoint itself: the log may grow between two reads, and a
        // consistency proof to a size other than the latest checkpoint's would not verify.
        long latestSize = Checkpoint.parse(SignedNote.parse(latest).text()).size();
        if (provedAtSize > latestSize) {
            throw new ProofRequestInvalid("size " + provedAtSize + " is beyond the latest checkpoint (" + latestSize + ")");
        }
        byte[] checkpoint = reader.checkpoint(log, provedAtSize)
                .orElseThrow(() -> new ProofRequestInvalid("no checkpoint was published at size " + provedAtSize));
        List<BundleEntry> entries = new ArrayList<>();
        for (long i : indices) {
            InclusionProof p = reader.inclusionProof(log, i, provedAtSize);
            entries.add(new BundleEntry(i, reader.entry(log, i), p.hashes()));
        }
        List<byte[]> consistency = provedAtSize == latestSize ? List.of()
                : reader.consistencyProof(log, provedAtSize, latestSize);
        return new EvidenceBundle(vkey, checkpoint, latest, consistency, entries);
    }

    /** As {@link #collect(LogReader, LogId, Collection, String, long)}, proved against the latest checkpoint. */
    public static EvidenceBundle collect(LogReader reader, LogId log, Collection<Long> indices, String vkey) {
        return collect(reader, log, indices, vkey, reader.size(log));
    }
}
