package dev.steward.evidence;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The download token is missing or is not the one issued for this bundle. */
public final class BundleTokenInvalid extends ProblemException {

    public BundleTokenInvalid() {
        super("bundle-token-invalid", HttpStatus.FORBIDDEN, "Download token invalid",
                "the download token is missing or not valid for this bundle");
    }
}
