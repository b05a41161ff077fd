package dev.steward.calendars;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/**
 * The calendars' permissions. No provider role holds them: a customer's calendar is its own people's
 * business, and provider staff act inside a customer tenant only where a feature wires managed-service
 * access (not for calendars yet).
 */
@Component
public final class CalendarPermissions implements FeaturePermissions {

    public static final Permission CALENDAR_READ = Permission.of("CALENDAR_READ",
            "Read the tenant's calendar: its time zone, country and public holidays, as legal periods count them.",
            Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);

    public static final Permission CALENDAR_CONFIGURE = Permission.of("CALENDAR_CONFIGURE",
            "Set the tenant's time zone and country, add holidays and remove national ones.",
            Role.CUSTOMER_ADMIN);

    @Override
    public List<Permission> permissions() {
        return List.of(CALENDAR_READ, CALENDAR_CONFIGURE);
    }
}
