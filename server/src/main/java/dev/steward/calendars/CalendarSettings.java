package dev.steward.calendars;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Where a tenant's periods are counted: its zone and the country whose public holidays apply.
 *
 * @param country ISO 3166-1 alpha-2 code, or null for no national holidays
 * @param chosen whether the tenant set these (else they are the default of {@link TenantCalendars})
 * @param updatedAt when the tenant set them; null while defaulted
 * @param updatedBy who set them ({@code account:...} or {@code token:...}); null while defaulted
 */
public record CalendarSettings(ZoneId zone, String country, boolean chosen, Instant updatedAt, String updatedBy) {
}
