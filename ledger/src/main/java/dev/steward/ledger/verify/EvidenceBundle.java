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
 * What an evidence bundle holds: the log's verifier key, the log it claims to be from, the signed
 * checkpoint the entries are proved against, the latest signed checkpoint and a consistency proof
 * between them, the entries with their inclusion proofs, and optionally a consistency proof from a
 * size the customer named (a checkpoint it saved earlier) to the latest checkpoint.
 *
 * @param claim the log the bundle is from, or null (a bundle of a plain ledger, checked less)
 * @param since the proof from an earlier size to the latest checkpoint, or null
 */
public record EvidenceBundle(String vkey, LogClaim claim, byte[] checkpoint, byte[] latestCheckpoint,
        List<byte[]> consistency, List<BundleEntry> entries, SinceProof since) {

    /** RFC 9162 consistency proof from tree size {@code size} to the latest checkpoint. */
    public record SinceProof(long size, List<byte[]> hashes) {

        public SinceProof {
            hashes = List.copyOf(hashes);
        }
    }

    public EvidenceBundle {
        consistency = List.copyOf(consistency);
        entries = List.copyOf(entries);
    }

    /** A bundle that claims no log. */
    public EvidenceBundle(String vkey, byte[] checkpoint, byte[] latestCheckpoint, List<byte[]> consistency,
            List<BundleEntry> entries) {
        this(vkey, null, checkpoint, latestCheckpoint, consistency, entries, null);
    }

    /** This bundle, claiming to be of {@code claim}'s log. */
    public EvidenceBundle claiming(LogClaim claim) {
        return new EvidenceBundle(vkey, claim, checkpoint, latestCheckpoint, consistency, entries, since);
    }

    /** This bundle with its checkpoints replaced (for instance by attested copies of themselves). */
    public EvidenceBundle withCheckpoints(byte[] checkpoint, byte[] latestCheckpoint) {
        return new EvidenceBundle(vkey, claim, checkpoint, latestCheckpoint, consistency, entries, since);
    }

    /**
     * This bundle with a consistency proof from {@code size} to its latest checkpoint, read from
     * {@code reader}; nothing is added when {@code size} is 0 or is the latest size (nothing to prove).
     *
     * @throws ProofRequestInvalid if {@code size} is beyond the latest checkpoint
     */
    public EvidenceBundle withProofSince(LogReader reader, LogId log, long size) {
        long latestSize = Checkpoint.parse(SignedNote.parse(latestCheckpoint).text()).size();
        if (size < 0 || size > latestSize) {
            throw new ProofRequestInvalid("size " + size + " is beyond the latest checkpoint (" + latestSize + ")");
        }
        List<byte[]> hashes = size == 0 || size == latestSize ? List.of() : reader.consistencyProof(log, size, latestSize);
        return new EvidenceBundle(vkey, claim, checkpoint, latestCheckpoint, consistency, entries,
                new SinceProof(size, hashes));
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
        return new EvidenceBundle(vkey, null, checkpoint, latest, consistency, entries, null);
    }

    /** As {@link #collect(LogReader, LogId, Collection, String, long)}, proved against the latest checkpoint. */
    public static EvidenceBundle collect(LogReader reader, LogId log, Collection<Long> indices, String vkey) {
        return collect(reader, log, indices, vkey, reader.size(log));
    }
}
