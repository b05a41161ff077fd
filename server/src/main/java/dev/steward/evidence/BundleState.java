package dev.steward.evidence;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of an evidence bundle. Only {@link #READY} can be downloaded, once. The moves a bundle may
 * make are {@link #next()}: a request waits for approval (provider-requested) or is built at once;
 * a build ends ready or failed; a ready bundle is downloaded or expires; an unapproved request
 * expires. The last three states are final.
 */
public enum BundleState {
    /** Requested by provider staff; waits for the customer administrator. Nothing is built yet. */
    PENDING_APPROVAL,
    /** Entries are being awaited and the file written. */
    BUILDING,
    /** The file exists and its single-use link is valid until it expires. */
    READY,
    /** Downloaded once; the file is deleted. */
    DOWNLOADED,
    /** Expired before it was downloaded (or approved); the file, if any, is deleted. */
    EXPIRED,
    /** Building failed (entries not integrated in time); nothing is kept. */
    FAILED;

    /** The states a bundle in this state may move to; none for a final state. */
    public Set<BundleState> next() {
        return switch (this) {
            case PENDING_APPROVAL -> EnumSet.of(BUILDING, EXPIRED);
            case BUILDING -> EnumSet.of(READY, FAILED);
            case READY -> EnumSet.of(DOWNLOADED, EXPIRED);
            case DOWNLOADED, EXPIRED, FAILED -> EnumSet.noneOf(BundleState.class);
        };
    }

    public boolean mayBecome(BundleState state) {
        return next().contains(state);
    }

    /** Whether the bundle's file may (still) exist on disk: being written, or waiting for its download. */
    public boolean keepsFile() {
        return this == BUILDING || this == READY;
    }
}
