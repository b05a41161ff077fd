package dev.steward.records;

/** Where a record's data came from. */
public enum RecordSource {
    /** Provided by the customer (the controller). */
    CUSTOMER,
    /** Produced by the use of the service (sessions, connections, usage). */
    SERVICE_USAGE
}
