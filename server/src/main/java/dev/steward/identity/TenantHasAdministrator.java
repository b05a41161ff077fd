package dev.steward.identity;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Onboarding is only for a customer tenant without an administrator; once it has one, it invites its own people. */
public final class TenantHasAdministrator extends ProblemException {

    public TenantHasAdministrator(String detail) {
        super("tenant-has-administrator", HttpStatus.CONFLICT, "Tenant already has an administrator", detail);
    }
}
