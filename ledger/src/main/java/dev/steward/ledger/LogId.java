package dev.steward.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one log: the tenant that owns it and the log's name within the install.
 *
 * <p>{@code tenant} is the storage key: every ledger row of the log leads with it, so a distributed
 * database keeps a tenant's log on the same shard as the tenant's other data. {@code value} is the
 * name that appears in the checkpoint origin ({@code <install key name>/<value>}) and in URL paths:
 * 1..200 characters from {@code [A-Za-z0-9._:-]}, so it needs no escaping. Steward names a
 * customer's log by the tenant's UUID and the provider's by {@code provider}; the name is kept apart
 * from the key so origins, and every checkpoint already signed under them, stay as they were.
 */
public record LogId(UUID tenant, String value) {

    public LogId {
        if (tenant == null) {
            throw new EntryInvalid("log id needs its tenant");
        }
        if (value == null || !value.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new EntryInvalid("log name must be 1..200 characters of [A-Za-z0-9._:-]");
        }
    }

    /** A tenant's log named by the tenant's UUID. */
    public static LogId of(UUID tenant) {
        return new LogId(Objects.requireNonNull(tenant, "tenant"), tenant.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
