package dev.steward.evidence;

/** Life of an evidence bundle. Only {@link #READY} can be downloaded, once. */
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
    FAILED
}
