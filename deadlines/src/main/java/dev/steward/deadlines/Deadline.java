package dev.steward.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A legal clock: a period counted from an event in a tenant's calendar, with the extensions
 * granted and the pauses taken since. A value: every change returns a new deadline, and
 * {@link #statusAt(Instant)} is a pure function of the value and the instant, counting only the
 * extensions and pause time that existed at that instant.
 *
 * <p>How the parts combine:
 * <ul>
 * <li>extensions chain from the original period's last day before Article 3(4) moved it
 *     ("one month" from 31 January, then "two further months": 28 February, then 28 April),
 *     the earliest of the readings, so meeting Steward's date meets all of them;</li>
 * <li>each pause moves the end by the paused time: by exactly that time for periods in hours,
 *     and for the other units by as many whole days as cover it, the new last day then moved
 *     again to a working day (Article 3(4));</li>
 * <li>a clock can be paused and extended only while it runs (before it is due).</li>
 * </ul>
 */
public record Deadline(Instant start, LegalPeriod period, TenantCalendar calendar, List<Extension> extensions,
        List<Pause> pauses) {

    public Deadline {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(calendar, "calendar");
        extensions = List.copyOf(extensions);
        pauses = List.copyOf(pauses);
    }

    /** A clock that starts with an event (a request received, a breach become known). */
    public static Deadline starting(Instant event, LegalPeriod period, TenantCalendar calendar) {
        return new Deadline(event, period, calendar, List.of(), List.of());
    }

    /**
     * This deadline with more time.
     *
     * @throws ExtensionReasonMissing  when the reason is blank
     * @throws ExtensionUnitMismatch   when hours would extend days (or the reverse)
     * @throws DatedBeforeStart        when granted before the clock started
     * @throws DeadlineAlreadyPassed   when the clock had run out at {@code grantedAt}
     */
    public Deadline extend(LegalPeriod by, String reason, Instant grantedAt) {
        Extension extension = new Extension(by, reason, grantedAt);
        if (!period.sameKindAs(by)) {
            throw new ExtensionUnitMismatch(period, by);
        }
        requireRunningAt(grantedAt);
        List<Extension> more = new ArrayList<>(extensions);
        more.add(extension);
        return new Deadline(start, period, calendar, more, pauses);
    }

    /**
     * This deadline with its clock stopped from {@code from} on.
     *
     * @throws ClockAlreadyPaused    when a pause is open, or {@code from} is inside an earlier pause
     * @throws DatedBeforeStart      when {@code from} is before the clock started
     * @throws DeadlineAlreadyPassed when the clock had run out at {@code from}
     */
    public Deadline pause(Instant from, String reason) {
        Objects.requireNonNull(from, "from");
        if (!pauses.isEmpty()) {
            Pause last = pauses.getLast();
            if (last.isOpen()) {
                throw new ClockAlreadyPaused(last.from());
            }
            if (from.isBefore(last.until())) {
                throw new ClockAlreadyPaused(last.until());
            }
        }
        requireRunningAt(from);
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(from, null, reason));
        return new Deadline(start, period, calendar, extensions, more);
    }

    /**
     * This deadline with its clock running again from {@code at}.
     *
     * @throws ClockNotPaused   when no pause is open
     * @throws DatedBeforeStart when {@code at} is before the pause began
     */
    public Deadline resume(Instant at) {
        Objects.requireNonNull(at, "at");
        if (pauses.isEmpty() || !pauses.getLast().isOpen()) {
            throw new ClockNotPaused();
        }
        Pause open = pauses.getLast();
        List<Pause> closed = new ArrayList<>(pauses);
        closed.set(closed.size() - 1, new Pause(open.from(), at, open.reason()));
        return new Deadline(start, period, calendar, extensions, closed);
    }

    /** The end of the period alone, with no extension or pause: the date the law names first. */
    public PeriodEnd nominalEnd() {
        return EuPeriodCounting.end(start, period, calendar);
    }

    /** The clock as it stands at {@code at}. */
    public DeadlineStatus statusAt(Instant at) {
        Objects.requireNonNull(at, "at");
        boolean paused = pauses.stream().anyMatch(p -> p.covers(at));
        return DeadlineStatus.of(at, endAsOf(at), paused);
    }

    private void requireRunningAt(Instant at) {
        if (at.isBefore(start)) {
            throw new DatedBeforeStart(at, start);
        }
        DeadlineStatus status = statusAt(at);
        if (status.overdue()) {
            throw new DeadlineAlreadyPassed(status.dueAt(), at);
        }
    }

    private PeriodEnd endAsOf(Instant at) {
        List<Extension> granted = extensions.stream().filter(e -> !e.grantedAt().isAfter(at)).toList();
        if (period.unit() == LegalPeriod.Unit.HOURS) {
            long hours = period.amount() + granted.stream().mapToLong(e -> e.period().amount()).sum();
            Instant due = EuPeriodCounting.firstFullHourAfter(start, calendar).plus(Duration.ofHours(hours));
            for (Pause p : pauses) {
                due = due.plus(p.pausedBy(at));
            }
            return new PeriodEnd(due, LocalDate.ofInstant(due.minusNanos(1), calendar.zone()));
        }
        LocalDate eventDay = LocalDate.ofInstant(start, calendar.zone());
        LocalDate nominal = EuPeriodCounting.nominalLastDay(eventDay, period);
        for (Extension e : granted) {
            nominal = EuPeriodCounting.nominalLastDay(nominal, e.period());
        }
        LocalDate last = EuPeriodCounting.lastWorkingDay(eventDay, nominal, period, calendar);
        for (Pause p : pauses) {
            Duration paused = p.pausedBy(at);
            if (!paused.isZero()) {
                last = EuPeriodCounting.lastWorkingDay(eventDay, daysCovering(last, paused), period, calendar);
            }
        }
        return new PeriodEnd(EuPeriodCounting.endOfDay(last, calendar), last);
    }

    /** The first day whose end is at least {@code paused} after the end of {@code last}. */
    private LocalDate daysCovering(LocalDate last, Duration paused) {
        Instant target = EuPeriodCounting.endOfDay(last, calendar).plus(paused);
        LocalDate day = last.plusDays(Math.max(0, paused.toDays() - 1));
        while (EuPeriodCounting.endOfDay(day, calendar).isBefore(target)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
