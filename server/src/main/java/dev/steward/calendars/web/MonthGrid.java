package dev.steward.calendars.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.steward.calendars.CalendarYear;
import dev.steward.calendars.YearHoliday;

/** One month of the console's calendar: weeks from Monday, each day marked working, weekend or holiday. */
record MonthGrid(String name, List<List<Day>> weeks) {

    /** A cell of the grid; {@code date} is null for the blanks before the 1st and after the last day. */
    record Day(LocalDate date, String kind, String title) {
    }

    static List<MonthGrid> of(CalendarYear year, Map<LocalDate, YearHoliday> holidays) {
        List<MonthGrid> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year.year(), m);
            List<Day> days = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1,
                    new Day(null, "blank", "")));
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                days.add(day(year, holidays, month.atDay(d)));
            }
            while (days.size() % 7 != 0) {
                days.add(new Day(null, "blank", ""));
            }
            List<List<Day>> weeks = new ArrayList<>();
            for (int i = 0; i < days.size(); i += 7) {
                weeks.add(days.subList(i, i + 7));
            }
            months.add(new MonthGrid(month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), weeks));
        }
        return months;
    }

    private static Day day(CalendarYear year, Map<LocalDate, YearHoliday> holidays, LocalDate date) {
        YearHoliday holiday = holidays.get(date);
        if (holiday != null) {
            return new Day(date, holiday.origin() == YearHoliday.Origin.ADDED ? "added" : "holiday", holiday.name());
        }
        DayOfWeek d = date.getDayOfWeek();
        if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
            return new Day(date, "weekend", "weekend");
        }
        return new Day(date, year.isWorkingDay(date) ? "working" : "holiday", "working day");
    }
}
