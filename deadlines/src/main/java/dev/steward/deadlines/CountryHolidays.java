package dev.steward.deadlines;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;

import dev.steward.deadlines.HolidayRule.Church;
import dev.steward.deadlines.HolidayRule.EasterBased;
import dev.steward.deadlines.HolidayRule.Fixed;
import dev.steward.deadlines.HolidayRule.FixedUnless;
import dev.steward.deadlines.HolidayRule.NthWeekday;
import dev.steward.deadlines.HolidayRule.StBrigidsDay;
import dev.steward.deadlines.HolidayRule.WeekdayOnOrAfter;
import dev.steward.deadlines.HolidayRule.Years;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * National public holidays of the EU/EEA countries: nationwide days only, as fixed dates and
 * feasts computed from Easter (Western, or Orthodox for GR, CY, BG, RO).
 *
 * <p>Deliberately left out, so that a missing day can only make a deadline <em>earlier</em>,
 * never later: regional holidays (German Länder, Spanish communities, Alsace-Moselle, ...),
 * substitute days for holidays that fall on a weekend (IE, BG, ES, LV, ...), half days, de-facto
 * days off that are not statutory public holidays (Midsummer Eve and Christmas Eve in FI and SE,
 * Easter Tuesday and Christmas Eve in CY, Good Friday in NL, which the Algemene termijnenwet treats
 * as a holiday for Dutch statutory periods only), and days whose status changed recently in ways we could
 * not confirm (SK 8 May, 1 and 15 September, 17 November; IT 4 October from 2026). A tenant adds
 * any of these to its own calendar ({@link HolidayCalendar#withHoliday}).
 */
public final class CountryHolidays {

    private static final Map<String, List<HolidayRule>> RULES = new TreeMap<>();

    private CountryHolidays() {
    }

    /** The country codes (ISO 3166-1 alpha-2) with rules. */
    public static Set<String> countries() {
        return RULES.keySet();
    }

    /**
     * The rules for one country.
     *
     * @throws CountryUnknown when no rules are held for the code
     */
    public static List<HolidayRule> of(String country) {
        List<HolidayRule> rules = country == null ? null : RULES.get(country.toUpperCase(Locale.ROOT));
        if (rules == null) {
            throw new CountryUnknown(country);
        }
        return rules;
    }

    private static final class Country {
        private final Church church;
        private final List<HolidayRule> rules = new ArrayList<>();

        Country(String code, Church church) {
            this.church = church;
            RULES.put(code, Collections.unmodifiableList(rules));
        }

        Country fixed(int month, int day, String name) {
            rules.add(new Fixed(MonthDay.of(month, day), name, Years.ALWAYS));
            return this;
        }

        Country fixedFrom(int year, int month, int day, String name) {
            rules.add(new Fixed(MonthDay.of(month, day), name, Years.from(year)));
            return this;
        }

        Country easter(int offset, String name) {
            rules.add(new EasterBased(church, offset, name));
            return this;
        }

        Country rule(HolidayRule rule) {
            rules.add(rule);
            return this;
        }

        // The usual movable feasts, by their distance from Easter Sunday.
        Country maundyThursday() { return easter(-3, "Maundy Thursday"); }
        Country goodFriday() { return easter(-2, "Good Friday"); }
        Country holySaturday() { return easter(-1, "Holy Saturday"); }
        Country easterSunday() { return easter(0, "Easter Sunday"); }
        Country easterMonday() { return easter(1, "Easter Monday"); }
        Country ascension() { return easter(39, "Ascension Day"); }
        Country whitSunday() { return easter(49, "Whit Sunday"); }
        Country whitMonday() { return easter(50, "Whit Monday"); }
        Country corpusChristi() { return easter(60, "Corpus Christi"); }
        Country cleanMonday() { return easter(-48, "Clean Monday"); }
    }

    static {
        new Country("AT", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany")
                .easterMonday().fixed(5, 1, "Labour Day").ascension().whitMonday().corpusChristi()
                .fixed(8, 15, "Assumption").fixed(10, 26, "National Day").fixed(11, 1, "All Saints' Day")
                .fixed(12, 8, "Immaculate Conception").fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("BE", Church.WESTERN).fixed(1, 1, "New Year's Day").easterMonday().fixed(5, 1, "Labour Day")
                .ascension().whitMonday().fixed(7, 21, "National Day").fixed(8, 15, "Assumption")
                .fixed(11, 1, "All Saints' Day").fixed(11, 11, "Armistice Day").fixed(12, 25, "Christmas Day");
        new Country("BG", Church.ORTHODOX).fixed(1, 1, "New Year's Day").fixed(3, 3, "Liberation Day")
                .goodFriday().holySaturday().easterSunday().easterMonday().fixed(5, 1, "Labour Day")
                .fixed(5, 6, "St George's Day").fixed(5, 24, "Day of Slavonic Alphabet and Culture")
                .fixed(9, 6, "Unification Day").fixed(9, 22, "Independence Day").fixed(12, 24, "Christmas Eve")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("HR", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany")
                .easterSunday().easterMonday().fixed(5, 1, "Labour Day").fixed(5, 30, "Statehood Day")
                .fixed(6, 22, "Anti-Fascist Struggle Day").corpusChristi()
                .fixed(8, 5, "Victory and Homeland Thanksgiving Day").fixed(8, 15, "Assumption")
                .fixed(11, 1, "All Saints' Day").fixedFrom(2020, 11, 18, "Remembrance Day")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("CY", Church.ORTHODOX).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").cleanMonday()
                .fixed(3, 25, "Greek Independence Day").fixed(4, 1, "Cyprus National Day").goodFriday()
                .easterSunday().easterMonday().fixed(5, 1, "Labour Day").easter(50, "Kataklysmos")
                .fixed(8, 15, "Assumption").fixed(10, 1, "Independence Day").fixed(10, 28, "Ochi Day")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Boxing Day");
        new Country("CZ", Church.WESTERN).fixed(1, 1, "New Year's Day").goodFriday().easterMonday()
                .fixed(5, 1, "Labour Day").fixed(5, 8, "Liberation Day").fixed(7, 5, "Saints Cyril and Methodius")
                .fixed(7, 6, "Jan Hus Day").fixed(9, 28, "Statehood Day").fixed(10, 28, "Independence Day")
                .fixed(11, 17, "Struggle for Freedom and Democracy Day").fixed(12, 24, "Christmas Eve")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("DK", Church.WESTERN).fixed(1, 1, "New Year's Day").maundyThursday().goodFriday()
                .easterSunday().easterMonday().ascension().whitSunday().whitMonday()
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("EE", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(2, 24, "Independence Day")
                .goodFriday().easterSunday().fixed(5, 1, "Spring Day").whitSunday().fixed(6, 23, "Victory Day")
                .fixed(6, 24, "Midsummer Day").fixed(8, 20, "Restoration of Independence Day")
                .fixed(12, 24, "Christmas Eve").fixed(12, 25, "Christmas Day").fixed(12, 26, "Boxing Day");
        new Country("FI", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").goodFriday()
                .easterSunday().easterMonday().fixed(5, 1, "May Day").ascension().whitSunday()
                .rule(new WeekdayOnOrAfter(MonthDay.of(6, 20), SATURDAY, "Midsummer Day"))
                .rule(new WeekdayOnOrAfter(MonthDay.of(10, 31), SATURDAY, "All Saints' Day"))
                .fixed(12, 6, "Independence Day").fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("FR", Church.WESTERN).fixed(1, 1, "New Year's Day").easterMonday().fixed(5, 1, "Labour Day")
                .fixed(5, 8, "Victory in Europe Day").ascension().whitMonday().fixed(7, 14, "Bastille Day")
                .fixed(8, 15, "Assumption").fixed(11, 1, "All Saints' Day").fixed(11, 11, "Armistice Day")
                .fixed(12, 25, "Christmas Day");
        new Country("DE", Church.WESTERN).fixed(1, 1, "New Year's Day").goodFriday().easterMonday()
                .fixed(5, 1, "Labour Day").ascension().whitMonday().fixed(10, 3, "German Unity Day")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("GR", Church.ORTHODOX).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").cleanMonday()
                .fixed(3, 25, "Independence Day").goodFriday().easterSunday().easterMonday()
                .fixed(5, 1, "Labour Day").easter(50, "Whit Monday (Orthodox)").fixed(8, 15, "Assumption")
                .fixed(10, 28, "Ochi Day").fixed(12, 25, "Christmas Day").fixed(12, 26, "Synaxis of the Mother of God");
        new Country("HU", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(3, 15, "National Day").goodFriday()
                .easterSunday().easterMonday().fixed(5, 1, "Labour Day").whitSunday().whitMonday()
                .fixed(8, 20, "State Foundation Day").fixed(10, 23, "National Day").fixed(11, 1, "All Saints' Day")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("IE", Church.WESTERN).fixed(1, 1, "New Year's Day").rule(new StBrigidsDay("St Brigid's Day"))
                .fixed(3, 17, "St Patrick's Day").easterMonday()
                .rule(new NthWeekday(Month.MAY, MONDAY, 1, "May Day"))
                .rule(new NthWeekday(Month.JUNE, MONDAY, 1, "June Bank Holiday"))
                .rule(new NthWeekday(Month.AUGUST, MONDAY, 1, "August Bank Holiday"))
                .rule(new NthWeekday(Month.OCTOBER, MONDAY, -1, "October Bank Holiday"))
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("IT", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").easterSunday()
                .easterMonday().fixed(4, 25, "Liberation Day").fixed(5, 1, "Labour Day")
                .fixed(6, 2, "Republic Day").fixed(8, 15, "Assumption").fixed(11, 1, "All Saints' Day")
                .fixed(12, 8, "Immaculate Conception").fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("LV", Church.WESTERN).fixed(1, 1, "New Year's Day").goodFriday().easterSunday().easterMonday()
                .fixed(5, 1, "Labour Day").fixed(5, 4, "Restoration of Independence Day").fixed(6, 23, "Midsummer Eve")
                .fixed(6, 24, "Midsummer Day").fixed(11, 18, "Proclamation Day").fixed(12, 24, "Christmas Eve")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas").fixed(12, 31, "New Year's Eve");
        new Country("LT", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(2, 16, "Restoration of the State Day")
                .fixed(3, 11, "Restoration of Independence Day").easterSunday().easterMonday()
                .fixed(5, 1, "Labour Day").fixed(6, 24, "St John's Day").fixed(7, 6, "Statehood Day")
                .fixed(8, 15, "Assumption").fixed(11, 1, "All Saints' Day").fixed(11, 2, "All Souls' Day")
                .fixed(12, 24, "Christmas Eve").fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("LU", Church.WESTERN).fixed(1, 1, "New Year's Day").easterMonday().fixed(5, 1, "Labour Day")
                .fixedFrom(2019, 5, 9, "Europe Day").ascension().whitMonday().fixed(6, 23, "National Day")
                .fixed(8, 15, "Assumption").fixed(11, 1, "All Saints' Day").fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
        new Country("MT", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(2, 10, "St Paul's Shipwreck")
                .fixed(3, 19, "St Joseph's Day").fixed(3, 31, "Freedom Day").goodFriday().fixed(5, 1, "Workers' Day")
                .fixed(6, 7, "Sette Giugno").fixed(6, 29, "Saints Peter and Paul").fixed(8, 15, "Assumption")
                .fixed(9, 8, "Victory Day").fixed(9, 21, "Independence Day").fixed(12, 8, "Immaculate Conception")
                .fixed(12, 13, "Republic Day").fixed(12, 25, "Christmas Day");
        // The Algemene termijnenwet (the Dutch counterpart of Regulation 1182/71) counts 5 May every year.
        new Country("NL", Church.WESTERN).fixed(1, 1, "New Year's Day").easterSunday().easterMonday()
                .rule(new FixedUnless(MonthDay.of(4, 27), SUNDAY, -1, "King's Day"))
                .fixed(5, 5, "Liberation Day").ascension().whitSunday().whitMonday()
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("PL", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").easterSunday()
                .easterMonday().fixed(5, 1, "Labour Day").fixed(5, 3, "Constitution Day").whitSunday()
                .corpusChristi().fixed(8, 15, "Assumption").fixed(11, 1, "All Saints' Day")
                .fixed(11, 11, "Independence Day").fixedFrom(2025, 12, 24, "Christmas Eve")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("PT", Church.WESTERN).fixed(1, 1, "New Year's Day").goodFriday().easterSunday()
                .fixed(4, 25, "Freedom Day").fixed(5, 1, "Labour Day").corpusChristi().fixed(6, 10, "Portugal Day")
                .fixed(8, 15, "Assumption").fixed(10, 5, "Republic Day").fixed(11, 1, "All Saints' Day")
                .fixed(12, 1, "Restoration of Independence").fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day");
        new Country("RO", Church.ORTHODOX).fixed(1, 1, "New Year's Day").fixed(1, 2, "Day after New Year's Day")
                .fixedFrom(2024, 1, 6, "Epiphany").fixedFrom(2024, 1, 7, "St John the Baptist")
                .fixed(1, 24, "Union Day").goodFriday().easterSunday().easterMonday().fixed(5, 1, "Labour Day")
                .fixed(6, 1, "Children's Day").whitSunday().whitMonday().fixed(8, 15, "Assumption")
                .fixed(11, 30, "St Andrew's Day").fixed(12, 1, "National Day").fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Second Day of Christmas");
        new Country("SK", Church.WESTERN).fixed(1, 1, "Republic Day").fixed(1, 6, "Epiphany").goodFriday()
                .easterMonday().fixed(5, 1, "Labour Day").fixed(7, 5, "Saints Cyril and Methodius")
                .fixed(8, 29, "Slovak National Uprising").fixed(11, 1, "All Saints' Day")
                .fixed(12, 24, "Christmas Eve").fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("SI", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 2, "New Year's Day (second)")
                .fixed(2, 8, "Prešeren Day").easterSunday().easterMonday().fixed(4, 27, "Day of Uprising")
                .fixed(5, 1, "Labour Day").fixed(5, 2, "Labour Day (second)").whitSunday()
                .fixed(6, 25, "Statehood Day").fixed(8, 15, "Assumption").fixed(10, 31, "Reformation Day")
                .fixed(11, 1, "Remembrance Day").fixed(12, 25, "Christmas Day").fixed(12, 26, "Independence and Unity Day");
        new Country("ES", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").goodFriday()
                .fixed(5, 1, "Labour Day").fixed(8, 15, "Assumption").fixed(10, 12, "National Day")
                .fixed(11, 1, "All Saints' Day").fixed(12, 6, "Constitution Day").fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day");
        new Country("SE", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany").goodFriday()
                .easterSunday().easterMonday().fixed(5, 1, "May Day").ascension().fixed(6, 6, "National Day")
                .whitSunday().rule(new WeekdayOnOrAfter(MonthDay.of(6, 20), SATURDAY, "Midsummer Day"))
                .rule(new WeekdayOnOrAfter(MonthDay.of(10, 31), SATURDAY, "All Saints' Day"))
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("IS", Church.WESTERN).fixed(1, 1, "New Year's Day").maundyThursday().goodFriday()
                .easterSunday().easterMonday()
                .rule(new WeekdayOnOrAfter(MonthDay.of(4, 19), THURSDAY, "First Day of Summer"))
                .fixed(5, 1, "Labour Day").ascension().whitSunday().whitMonday().fixed(6, 17, "National Day")
                .rule(new NthWeekday(Month.AUGUST, MONDAY, 1, "Commerce Day"))
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "Second Day of Christmas");
        new Country("LI", Church.WESTERN).fixed(1, 1, "New Year's Day").fixed(1, 6, "Epiphany")
                .fixed(2, 2, "Candlemas").fixed(3, 19, "St Joseph's Day").easterMonday().fixed(5, 1, "Labour Day")
                .ascension().whitMonday().corpusChristi().fixed(8, 15, "National Day")
                .fixed(9, 8, "Nativity of Mary").fixed(11, 1, "All Saints' Day").fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day").fixed(12, 26, "St Stephen's Day");
        new Country("NO", Church.WESTERN).fixed(1, 1, "New Year's Day").maundyThursday().goodFriday()
                .easterSunday().easterMonday().fixed(5, 1, "Labour Day").fixed(5, 17, "Constitution Day")
                .ascension().whitSunday().whitMonday().fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Second Day of Christmas");
    }
}
