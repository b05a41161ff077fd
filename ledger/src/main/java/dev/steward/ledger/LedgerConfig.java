package dev.steward.ledger;

import java.time.Duration;

/**
 * Tuning of sequencing and integration.
 *
 * @param sequencerBatchSize most entries committed in one sequencing transaction
 * @param sequencerBatchAge how long the sequencer lingers for more entries before committing a non-full batch
 * @param queueCapacity most entries waiting in memory for sequencing; beyond it {@link LedgerPushback}
 * @param integrationBatchSize most entries integrated per log in one integration transaction
 * @param integrationPollInterval pause of the integrator when there was nothing to do
 */
public record LedgerConfig(int sequencerBatchSize, Duration sequencerBatchAge, int queueCapacity,
        int integrationBatchSize, Duration integrationPollInterval) {

    public LedgerConfig {
        if (sequencerBatchSize < 1 || queueCapacity < 1 || integrationBatchSize < 1) {
            throw new IllegalArgumentException("batch sizes and capacity must be positive");
        }
        if (sequencerBatchAge.isNegative() || integrationPollInterval.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** 4,096-entry sequencing batches lingering 2 ms, 100,000 queued entries, 4,096-entry integration, 20 ms polls. */
    public static LedgerConfig defaults() {
        return new LedgerConfig(4096, Duration.ofMillis(2), 100_000, 4096, Duration.ofMillis(20));
    }
}
