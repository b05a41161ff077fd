package dev.steward.notices;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who of a tenant is told: the accounts holding {@code roles} (console inbox) and the tenant's
 * contacts of {@code contacts} (email). The tenant's verified webhook endpoints receive every notice.
 */
public record Audience(Set<dev.steward.platform.Role> roles, Set<ContactKind> contacts) {

    public Audience {
        roles = Set.copyOf(roles);
        contacts = Set.copyOf(contacts);
        if (roles.isEmpty() && contacts.isEmpty()) {
            throw new IllegalArgumentException("a notice needs an audience");
        }
    }

    public static Audience of(Set<dev.steward.platform.Role> roles, ContactKind... contacts) {
        return new Audience(roles, contacts.length == 0 ? Set.of() : EnumSet.of(contacts[0], contacts));
    }
}
