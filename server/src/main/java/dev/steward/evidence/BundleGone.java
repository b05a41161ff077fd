package dev.steward.evidence;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The bundle's single-use download was spent, or it expired: its file is (or is about to be) deleted. */
public final class BundleGone extends ProblemException {

    public BundleGone(String detail) {
        super("bundle-gone", HttpStatus.GONE, "Evidence bundle gone", detail);
    }
}
