package dev.steward.evidence;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Only a provider-requested bundle that still waits for approval can be approved (once: a second approval finds it approved). */
public final class BundleNotAwaitingApproval extends ProblemException {

    public BundleNotAwaitingApproval(UUID bundleId, BundleState state) {
        super("bundle-not-awaiting-approval", HttpStatus.CONFLICT, "Evidence bundle not awaiting approval",
                "bundle " + bundleId + " is " + state + ", not awaiting approval");
    }
}
