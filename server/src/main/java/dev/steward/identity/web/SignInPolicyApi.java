package dev.steward.identity.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.identity.SignInPolicies;
import dev.steward.identity.SignInPolicy;
import dev.steward.platform.Callers;

/**
 * A tenant's sign-in policy, beside the tenant itself: {@code PUT {"mfaRequired": true}} makes
 * every account of a customer tenant enrol and use a second factor from its next sign-in.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/sign-in-policy")
class SignInPolicyApi {

    /** The body of a change. */
    record PolicyChange(Boolean mfaRequired) {
    }

    private final SignInPolicies policies;

    SignInPolicyApi(SignInPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    SignInPolicy get(@PathVariable UUID tenantId) {
        return policies.get(Callers.current(), tenantId);
    }

    @PutMapping
    SignInPolicy change(@PathVariable UUID tenantId, @RequestBody PolicyChange change) {
        return policies.change(Callers.current(), tenantId, change == null ? null : change.mfaRequired());
    }
}
