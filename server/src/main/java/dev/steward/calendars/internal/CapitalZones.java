package dev.steward.calendars.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone of each EU/EEA country's capital: a tenant's default zone. Countries with more
 * than one zone (PT: Azores, ES: Canaries, DK: Faroes, FR: overseas) count in the capital's,
 * which is where their authorities and courts reckon statutory periods; a tenant elsewhere sets its own.
 */
public final class CapitalZones {

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("AT", ZoneId.of("Europe/Vienna")), Map.entry("BE", ZoneId.of("Europe/Brussels")),
            Map.entry("BG", ZoneId.of("Europe/Sofia")), Map.entry("HR", ZoneId.of("Europe/Zagreb")),
            Map.entry("CY", ZoneId.of("Asia/Nicosia")), Map.entry("CZ", ZoneId.of("Europe/Prague")),
            Map.entry("DK", ZoneId.of("Europe/Copenhagen")), Map.entry("EE", ZoneId.of("Europe/Tallinn")),
            Map.entry("FI", ZoneId.of("Europe/Helsinki")), Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")), Map.entry("GR", ZoneId.of("Europe/Athens")),
            Map.entry("HU", ZoneId.of("Europe/Budapest")), Map.entry("IE", ZoneId.of("Europe/Dublin")),
            Map.entry("IT", ZoneId.of("Europe/Rome")), Map.entry("LV", ZoneId.of("Europe/Riga")),
            Map.entry("LT", ZoneId.of("Europe/Vilnius")), Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
            Map.entry("MT", ZoneId.of("Europe/Malta")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("PT", ZoneId.of("Europe/Lisbon")),
            Map.entry("RO", ZoneId.of("Europe/Bucharest")), Map.entry("SK", ZoneId.of("Europe/Bratislava")),
            Map.entry("SI", ZoneId.of("Europe/Ljubljana")), Map.entry("ES", ZoneId.of("Europe/Madrid")),
            Map.entry("SE", ZoneId.of("Europe/Stockholm")), Map.entry("IS", ZoneId.of("Atlantic/Reykjavik")),
            Map.entry("LI", ZoneId.of("Europe/Vaduz")), Map.entry("NO", ZoneId.of("Europe/Oslo")));

    private CapitalZones() {
    }

    public static Optional<ZoneId> of(String country) {
        return Optional.ofNullable(country == null ? null : ZONES.get(country));
    }
}
