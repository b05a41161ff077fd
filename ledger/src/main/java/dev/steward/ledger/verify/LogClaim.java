package dev.steward.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Which log a bundle claims to be from: the log's id, the tenant its entries must name and the
 * checkpoint origin. Written as the bundle's {@code log} file, one {@code key value} line each.
 *
 * @param tenant the value every entry's top-level JSON {@code "tenant"} member must have; null when
 *     the log's entries are not JSON objects with a tenant (then the check is reported as not made)
 */
public record LogClaim(String log, String tenant, String origin) {

    public LogClaim {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(origin, "origin");
        if (!line(log) || !line(origin) || tenant != null && !line(tenant)) {
            throw new IllegalArgumentException("log claim values are single non-blank lines without spaces");
        }
    }

    byte[] bytes() {
        return ("log " + log + "\n" + (tenant == null ? "" : "tenant " + tenant + "\n") + "origin " + origin + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @return the claim, or null if the file is not one */
    static LogClaim parse(byte[] data) {
        String log = null;
        String tenant = null;
        String origin = null;
        for (String l : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int sp = l.indexOf(' ');
            if (l.isBlank()) {
                continue;
            }
            if (sp < 0) {
                return null;
            }
            String v = l.substring(sp + 1).strip();
            switch (l.substring(0, sp)) {
                case "log" -> log = v;
                case "tenant" -> tenant = v;
                case "origin" -> origin = v;
                default -> { }
            }
        }
        try {
            return log == null || origin == null ? null : new LogClaim(log, tenant, origin);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean line(String s) {
        return !s.isBlank() && s.chars().noneMatch(c -> c <= ' ');
    }
}
