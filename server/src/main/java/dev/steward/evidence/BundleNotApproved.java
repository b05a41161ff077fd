package dev.steward.evidence;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** A bundle requested by provider staff cannot be built or downloaded before the customer administrator approves it. */
public final class BundleNotApproved extends ProblemException {

    public BundleNotApproved(String detail) {
        super("bundle-not-approved", HttpStatus.CONFLICT, "Evidence bundle awaits approval", detail);
    }
}
