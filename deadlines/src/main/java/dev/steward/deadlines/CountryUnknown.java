package dev.steward.deadlines;

/** No public-holiday rules are held for the given country code. */
public final class CountryUnknown extends DeadlinesException {

    private final String country;

    CountryUnknown(String country) {
        super("no public-holiday calendar for country \"" + country + "\"; known: " + CountryHolidays.countries());
        this.country = country;
    }

    public String country() {
        return country;
    }
}
