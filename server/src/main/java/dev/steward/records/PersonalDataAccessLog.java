package dev.steward.records;

/**
 * Where every access to personal data is recorded.
 *
 * <h2>Contract</h2>
 * {@link #record} joins the caller's transaction: the entry commits with the access and
 * disappears with it when the access fails, so the log never claims an access that did not happen
 * and never misses one that did. The current implementation writes the {@code access_log} table;
 * the tamper-evident ledger will replace it behind this interface.
 */
public interface PersonalDataAccessLog {

    void record(AccessEvent event);

    /** Many accesses of one act (a bulk import's batch), in the caller's transaction like {@link #record}. */
    default void recordAll(java.util.List<AccessEvent> events) {
        events.forEach(this::record);
    }
}
