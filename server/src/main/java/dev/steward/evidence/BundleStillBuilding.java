package dev.steward.evidence;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The bundle's file is still being written; its link works once it is ready. */
public final class BundleStillBuilding extends ProblemException {

    public BundleStillBuilding(UUID bundleId) {
        super("bundle-still-building", HttpStatus.CONFLICT, "Evidence bundle still being built",
                "bundle " + bundleId + " is still being built");
    }
}
