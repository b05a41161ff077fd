package dev.steward.calendars;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import dev.steward.deadlines.CountryHolidays;
import dev.steward.platform.InvalidField;

/** The calendar's input rules, for the API and the console alike: each failure names its field. */
public final class CalendarInputs {

    public static final int MAX_NAME = 100;
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private CalendarInputs() {
    }

    /** An ISO date ({@code 2027-05-03}) within the years a calendar covers. */
    public static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(field, "is required: a date such as 2027-05-03");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a date such as 2027-05-03");
        }
        year(date.getYear(), field);
        return date;
    }

    static int year(int year, String field) {
        if (year < TenantCalendars.FIRST_YEAR || year > TenantCalendars.LAST_YEAR) {
            throw new InvalidField(field, "must lie in the years " + TenantCalendars.FIRST_YEAR + " to "
                    + TenantCalendars.LAST_YEAR);
        }
        return year;
    }

    static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidField("zone", "is required: an IANA time zone such as Europe/Paris");
        }
        if (!ZONES.contains(zone.strip())) {
            throw new InvalidField("zone", "is not a known IANA time zone (such as Europe/Paris)");
        }
        return ZoneId.of(zone.strip());
    }

    /** A country with holiday rules, upper-cased; null stays null (no national holidays). */
    static String country(String country) {
        if (country == null) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!CountryHolidays.countries().contains(code)) {
            throw new InvalidField("country", "has no public-holiday rules here: use one of "
                    + String.join(", ", CountryHolidays.countries()) + ", or null for none");
        }
        return code;
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidField("name", "is required: what the holiday is called");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("name", "must be 1 to " + MAX_NAME + " characters without control characters");
        }
        return stripped;
    }
}
