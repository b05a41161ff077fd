package dev.steward.records;

/**
 * What to change of a subject's {@link ProcessingFlags}: {@code true} sets a flag, {@code false}
 * clears it, {@code null} leaves it as it is.
 */
public record FlagChange(Boolean restricted, Boolean objected) {
}
