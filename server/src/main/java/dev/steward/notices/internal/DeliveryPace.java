package dev.steward.notices.internal;

import java.time.Duration;

/**
 * How fast the worker sends (steward.notices.deliver-*).
 *
 * @param interval the delay from the end of one run of the worker to the start of the next (the
 *        jobs poll interval comes on top: a run starts at the first poll after it is due)
 * @param batch the due deliveries one query takes; a run takes batch after batch while they come full
 * @param concurrency how many deliveries of a batch are in flight at once, each on a thread of its own
 *        (one slow receiver then holds one thread, not the whole batch)
 * @param budget after this long a run starts no further batch, so that under a backlog it still ends
 *        well within its lease and leaves the node's other jobs their turn
 */
public record DeliveryPace(Duration interval, int batch, int concurrency, Duration budget) {

    public DeliveryPace {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("steward.notices.deliver-interval must be positive");
        }
        if (batch < 1 || concurrency < 1) {
            throw new IllegalArgumentException("steward.notices.deliver-batch and -concurrency must be at least 1");
        }
        if (budget.isNegative()) {
            throw new IllegalArgumentException("steward.notices.deliver-budget must not be negative");
        }
    }
}
