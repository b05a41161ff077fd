package dev.steward.keys;

/**
 * The outcome of rotating a tenant's KEK.
 *
 * @param newVersion the KEK version now current
 * @param rewrapped data keys re-wrapped under it by this call
 */
public record RotationReport(TenantId tenant, KeyVersion newVersion, int rewrapped) {
}
