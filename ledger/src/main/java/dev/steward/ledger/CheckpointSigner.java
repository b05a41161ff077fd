package dev.steward.ledger;

import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs checkpoints of the logs. The origin of log {@code id} is {@code <key name>/<id>}; the single
 * extension line reads {@code time <instant> clock-offset <measurement>}, where the measurement (the
 * platform's measured clock offset and its source) comes from a supplier, {@code unmeasured} by default.
 */
public final class CheckpointSigner {

    private final NoteSigner signer;
    private final Clock clock;
    private final Supplier<String> clockOffset;

    public CheckpointSigner(NoteSigner signer, Clock clock, Supplier<String> clockOffset) {
        this.signer = Objects.requireNonNull(signer);
        this.clock = Objects.requireNonNull(clock);
        this.clockOffset = clockOffset == null ? () -> "unmeasured" : clockOffset;
    }

    public String origin(LogId log) {
        return origin(signer.name(), log);
    }

    public static String origin(String keyName, LogId log) {
        return keyName + "/" + log.value();
    }

    public NoteSigner signer() {
        return signer;
    }

    /** The signed note of a checkpoint of {@code log} at {@code size} with {@code root}. */
    public byte[] sign(LogId log, long size, byte[] root) {
        String offset = clockOffset.get();
        offset = offset == null || offset.isBlank() ? "unmeasured" : offset.replaceAll("[\\p{Cntrl}]", " ").strip();
        Checkpoint cp = new Checkpoint(origin(log), size, root,
                List.of("time " + clock.instant() + " clock-offset " + offset));
        return signer.sign(cp.text()).getBytes(StandardCharsets.UTF_8);
    }
}
