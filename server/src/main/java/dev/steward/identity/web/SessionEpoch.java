package dev.steward.identity.web;

import java.io.Serializable;

/**
 * The account's security epoch when its console session was opened, kept as the session's
 * authentication details; {@link SessionStandingFilter} ends the session once the account's epoch moved.
 */
record SessionEpoch(int value) implements Serializable {
}
