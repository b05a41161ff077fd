package dev.steward.notices;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** The notices' permissions. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class NoticePermissions implements FeaturePermissions {

    public static final Permission NOTICES_MANAGE = Permission.of("NOTICES_MANAGE",
            "Manage the own tenant's notice contacts and webhook endpoints, and see its notices' deliveries.",
            Role.CUSTOMER_ADMIN);

    public static final Permission NOTICES_REPLAY = Permission.of("NOTICES_REPLAY",
            "See notice deliveries parked on any tenant (their state only, never their content) and replay them.",
            Role.OPERATOR, Role.SECURITY_OFFICER);

    @Override
    public List<Permission> permissions() {
        return List.of(NOTICES_MANAGE, NOTICES_REPLAY);
    }
}
