package dev.steward.identity;

import dev.steward.platform.Role;

/** What an administrator gives to create an account. */
public record NewAccount(String username, String displayName, Role role, String password) {
}
