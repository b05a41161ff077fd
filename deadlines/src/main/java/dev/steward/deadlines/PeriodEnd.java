package dev.steward.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a period has run out. {@code dueAt} is the first instant after the period: an act done
 * before it is in time. {@code lastDay} is the tenant-local day the period ends on (for periods
 * in days, weeks, months or years the period ends at the end of that day, so {@code dueAt} is
 * the following midnight in the tenant's zone).
 */
public record PeriodEnd(Instant dueAt, LocalDate lastDay) {
}
