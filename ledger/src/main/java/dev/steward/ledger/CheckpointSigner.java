package dev.steward.ledger;

import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteInvalid;
import dev.steward.ledger.note.NoteSignature;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.note.SignedNote;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signs checkpoints of the logs. The origin of log {@code id} is {@code <install key name>/<id>};
 * the single extension line reads {@code time <instant> clock-offset <measurement>}, where the
 * measurement (the platform's measured clock offset and its source) comes from a supplier,
 * {@code unmeasured} by default.
 *
 * <h2>Keys</h2>
 * Each log signs under a <b>log key</b> whose name is the log's origin (C2SP tlog-checkpoint: the key
 * name SHOULD be the origin), derived from the install key ({@link NoteSigner#derive}), so an auditor
 * pins one key per log and a signature of one log can never pass for another's. Every checkpoint is
 * co-signed by the install key too: checkpoints signed before log keys existed carry only that
 * signature, and verifiers that pinned it keep working. {@link #attest} adds the log key's signature
 * to such an older checkpoint when it is handed out.
 */
public final class CheckpointSigner {

    private final NoteSigner installKey;
    private final Clock clock;
    private final Supplier<String> clockOffset;
    private final Map<LogId, NoteSigner> logKeys = new ConcurrentHashMap<>();

    public CheckpointSigner(NoteSigner installKey, Clock clock, Supplier<String> clockOffset) {
        this.installKey = Objects.requireNonNull(installKey);
        this.clock = Objects.requireNonNull(clock);
        this.clockOffset = clockOffset == null ? () -> "unmeasured" : clockOffset;
    }

    public String origin(LogId log) {
        return origin(installKey.name(), log);
    }

    public static String origin(String keyName, LogId log) {
        return keyName + "/" + log.value();
    }

    /** The install key: co-signs every checkpoint; the only signer of checkpoints older than log keys. */
    public NoteSigner signer() {
        return installKey;
    }

    /** The key of {@code log}, named its origin. */
    public NoteSigner logKey(LogId log) {
        return logKeys.computeIfAbsent(log, l -> installKey.derive(origin(l)));
    }

    /** The signed note of a checkpoint of {@code log} at {@code size} with {@code root}: log key, then install key. */
    public byte[] sign(LogId log, long size, byte[] root) {
        String offset = clockOffset.get();
        offset = offset == null || offset.isBlank() ? "unmeasured" : offset.replaceAll("[\\p{Cntrl}]", " ").strip();
        Checkpoint cp = new Checkpoint(origin(log), size, root,
                List.of("time " + clock.instant() + " clock-offset " + offset));
        return SignedNote.of(cp.text()).withSignature(logKey(log)).withSignature(installKey).bytes();
    }

    /**
     * A stored checkpoint of {@code log} as handed out: with the log key's signature, added if the
     * checkpoint predates log keys. Only a checkpoint of this log that the install key signed is attested.
     *
     * @throws NoteInvalid if the note is not a checkpoint of {@code log} signed by the install key
     */
    public byte[] attest(LogId log, byte[] note) {
        NoteSigner logKey = logKey(log);
        SignedNote parsed = SignedNote.parse(note);
        for (NoteSignature s : parsed.signatures()) {
            if (s.name().equals(logKey.name()) && s.keyId() == logKey.keyId()) {
                return note;
            }
        }
        Checkpoint cp = Checkpoint.open(note, installKey.verifier());
        if (!cp.origin().equals(origin(log))) {
            throw new NoteInvalid("checkpoint origin " + cp.origin() + " is not the origin of log " + log);
        }
        return parsed.withSignature(logKey).format().getBytes(StandardCharsets.UTF_8);
    }
}
