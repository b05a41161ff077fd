package dev.steward.rights;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/**
 * Who handles data-subject requests. The customer is the controller: its staff record and read
 * requests, its administrators decide them. Provider staff have no permission here, since requests carry
 * personal data the provider processes only on instruction (a managed-service contract acts with the
 * customer administrator's permissions).
 */
@Component
public final class RightsPermissions implements FeaturePermissions {

    public static final Permission RIGHTS_READ = Permission.of("RIGHTS_READ",
            "Read the data-subject requests of one's own tenant, with the requester's details.",
            Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);

    public static final Permission RIGHTS_RECORD = Permission.of("RIGHTS_RECORD",
            "Record a data-subject request received by email, phone, letter or from the customer's systems.",
            Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);

    public static final Permission RIGHTS_DECIDE = Permission.of("RIGHTS_DECIDE",
            "Verify identity, decide, extend, fulfil and close data-subject requests of one's own tenant.",
            Role.CUSTOMER_ADMIN);

    @Override
    public List<Permission> permissions() {
        return List.of(RIGHTS_READ, RIGHTS_RECORD, RIGHTS_DECIDE);
    }
}
