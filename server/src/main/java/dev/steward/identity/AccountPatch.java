package dev.steward.identity;

import dev.steward.platform.Role;

/** A change of an account by an administrator; null fields stay as they are. */
public record AccountPatch(String displayName, Role role, Boolean disabled, Boolean unlock, Boolean resetMfa) {
}
