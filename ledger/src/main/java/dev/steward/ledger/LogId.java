package dev.steward.ledger;

/**
 * Names one log, e.g. a tenant's UUID or {@code provider}. 1..200 characters from
 * {@code [A-Za-z0-9._:-]}, so it can appear in a checkpoint origin and a URL path unescaped.
 */
public record LogId(String value) {

    public LogId {
        if (value == null || !value.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new EntryInvalid("log id must be 1..200 characters of [A-Za-z0-9._:-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
