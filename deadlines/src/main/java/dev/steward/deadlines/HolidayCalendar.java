package dev.steward.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tenant's public holidays: a country's rules, plus dates the tenant added, minus dates it
 * removed. A value: {@link #withHoliday} and {@link #withoutHoliday} return a new calendar.
 *
 * <p>Working days are Regulation 1182/71's (Article 2(2)): every day except Saturdays, Sundays
 * and public holidays.
 */
public record HolidayCalendar(String country, List<HolidayRule> rules, SortedMap<LocalDate, String> additions,
        Set<LocalDate> removals) {

    public HolidayCalendar {
        Objects.requireNonNull(country, "country");
        rules = List.copyOf(rules);
        additions = Collections.unmodifiableSortedMap(new TreeMap<>(additions));
        removals = Collections.unmodifiableSet(new TreeSet<>(removals));
    }

    /**
     * The national calendar of an EU/EEA country (ISO code: "DE", "GR", ...).
     *
     * @throws CountryUnknown when no rules are held for the country
     */
    public static HolidayCalendar of(String country) {
        List<HolidayRule> rules = CountryHolidays.of(country);
        return new HolidayCalendar(country.toUpperCase(Locale.ROOT), rules, new TreeMap<>(), Set.of());
    }

    /** A calendar with no public holidays at all (only weekends are not working days). */
    public static HolidayCalendar none() {
        return new HolidayCalendar("", List.of(), new TreeMap<>(), Set.of());
    }

    /** This calendar with one more holiday (a regional day, a substitute day, a company-wide closure). */
    public HolidayCalendar withHoliday(LocalDate date, String name) {
        Objects.requireNonNull(date, "date");
        SortedMap<LocalDate, String> added = new TreeMap<>(additions);
        added.put(date, name == null || name.isBlank() ? "added holiday" : name);
        Set<LocalDate> removed = new TreeSet<>(removals);
        removed.remove(date);
        return new HolidayCalendar(country, rules, added, removed);
    }

    /** This calendar with a date no longer a holiday, whether the country's rules or an addition made it one. */
    public HolidayCalendar withoutHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        SortedMap<LocalDate, String> added = new TreeMap<>(additions);
        added.remove(date);
        Set<LocalDate> removed = new TreeSet<>(removals);
        removed.add(date);
        return new HolidayCalendar(country, rules, added, removed);
    }

    /** The holiday's name on that date, if it is one. */
    public Optional<String> holidayOn(LocalDate date) {
        if (removals.contains(date)) {
            return Optional.empty();
        }
        String added = additions.get(date);
        if (added != null) {
            return Optional.of(added);
        }
        for (HolidayRule rule : rules) {
            if (rule.in(date.getYear()).filter(date::equals).isPresent()) {
                return Optional.of(rule.name());
            }
        }
        return Optional.empty();
    }

    public boolean isHoliday(LocalDate date) {
        return holidayOn(date).isPresent();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The first working day on or after the date. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Every holiday of a year, by date (two rules on one date keep the first rule's name). */
    public SortedMap<LocalDate, String> holidaysIn(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        for (HolidayRule rule : rules) {
            rule.in(year).ifPresent(d -> days.putIfAbsent(d, rule.name()));
        }
        additions.forEach((d, name) -> {
            if (d.getYear() == year) {
                days.put(d, name);
            }
        });
        removals.forEach(days::remove);
        return Collections.unmodifiableSortedMap(days);
    }
}
