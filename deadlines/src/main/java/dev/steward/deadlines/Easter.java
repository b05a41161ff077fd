package dev.steward.deadlines;

import java.time.LocalDate;

/** Easter Sunday, in the Gregorian calendar, for the Western and the Orthodox churches. */
public final class Easter {

    private Easter() {
    }

    /** Western (Gregorian computus), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate western(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Orthodox (Julian computus, Meeus's Julian algorithm), converted to the Gregorian calendar
     * the countries use for their civil dates: GR, CY, BG, RO.
     */
    public static LocalDate orthodox(int year) {
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        // The Julian calendar lags the Gregorian by 13 days from 1900 to 2099; the general rule follows.
        int lag = year / 100 - year / 400 - 2;
        return LocalDate.of(year, month, day).plusDays(lag);
    }
}
