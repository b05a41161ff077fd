package dev.steward.identity;

import dev.steward.platform.Role;

/**
 * A change of an account by an administrator; null fields stay as they are. With
 * {@code expectedVersion} (the {@code version} last read), a change made meanwhile by someone
 * else is refused (409) instead of being undone.
 */
public record AccountPatch(String displayName, Role role, Boolean disabled, Boolean unlock, Boolean resetMfa,
        Integer expectedVersion) {

    public AccountPatch(String displayName, Role role, Boolean disabled, Boolean unlock, Boolean resetMfa) {
        this(displayName, role, disabled, unlock, resetMfa, null);
    }
}
