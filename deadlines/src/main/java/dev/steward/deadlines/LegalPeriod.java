package dev.steward.deadlines;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as legislation writes it: an amount of hours, days, weeks, months or years ("one
 * month", "72 hours", "two further months"). How it is counted is {@link EuPeriodCounting}'s
 * business; this is only the amount and the unit.
 */
public record LegalPeriod(int amount, Unit unit) {

    /** The units of Regulation 1182/71 Article 3. Hours are counted apart from the rest. */
    public enum Unit {
        HOURS, DAYS, WEEKS, MONTHS, YEARS;

        public boolean isCalendarUnit() {
            return this != HOURS;
        }
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twenty-four", 24),
            Map.entry("thirty", 30), Map.entry("seventy-two", 72));

    private static final Pattern TEXT = Pattern.compile(
            "([0-9]{1,5}|[a-z-]+)\\s+(?:further\\s+|more\\s+|additional\\s+)?(hour|day|week|month|year)s?");

    public LegalPeriod {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("a period is at least one " + unit.name().toLowerCase(Locale.ROOT));
        }
    }

    public static LegalPeriod hours(int n) {
        return new LegalPeriod(n, Unit.HOURS);
    }

    public static LegalPeriod days(int n) {
        return new LegalPeriod(n, Unit.DAYS);
    }

    public static LegalPeriod weeks(int n) {
        return new LegalPeriod(n, Unit.WEEKS);
    }

    public static LegalPeriod months(int n) {
        return new LegalPeriod(n, Unit.MONTHS);
    }

    public static LegalPeriod years(int n) {
        return new LegalPeriod(n, Unit.YEARS);
    }

    /**
     * Reads a period as legislation writes it: a number in digits or in words (one to twelve,
     * thirty, seventy-two), an optional "further"/"additional", and a unit, singular or plural.
     *
     * @throws PeriodUnreadable when the text is not such a period
     */
    public static LegalPeriod parse(String text) {
        if (text == null) {
            throw new PeriodUnreadable("null");
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new PeriodUnreadable(text);
        }
        String number = m.group(1);
        Integer amount = Character.isDigit(number.charAt(0)) ? Integer.valueOf(number) : WORDS.get(number);
        if (amount == null || amount < 1) {
            throw new PeriodUnreadable(text);
        }
        Unit unit = Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
        return new LegalPeriod(amount, unit);
    }

    boolean sameKindAs(LegalPeriod other) {
        return unit.isCalendarUnit() == other.unit.isCalendarUnit();
    }

    /** At least two days long, so Article 3(5) (two working days at least) applies. */
    boolean spansTwoDaysOrMore() {
        return unit != Unit.HOURS && !(unit == Unit.DAYS && amount < 2);
    }

    @Override
    public String toString() {
        String name = unit.name().toLowerCase(Locale.ROOT);
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}
