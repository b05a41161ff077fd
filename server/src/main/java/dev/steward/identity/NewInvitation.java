package dev.steward.identity;

import dev.steward.platform.Role;

/**
 * Whom to invite. {@code password} exists only to be refused: the invited person sets their
 * own, and a request that carries one changes nothing.
 */
public record NewInvitation(String username, String displayName, Role role, String password) {
}
