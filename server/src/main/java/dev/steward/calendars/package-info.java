/**
 * Per-tenant public-holiday calendars and time zones, in which legal periods are counted.
 * Public API: {@link dev.steward.calendars.TenantCalendars}.
 */
package dev.steward.calendars;
