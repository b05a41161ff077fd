package dev.steward.evidence;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** The system log's and evidence bundles' permissions. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class EvidencePermissions implements FeaturePermissions {

    public static final Permission EVIDENCE_READ = Permission.of("EVIDENCE_READ", "Read system logs and evidence.",
            Role.SECURITY_OFFICER, Role.COMPLIANCE, Role.CUSTOMER_ADMIN, Role.AUDITOR);

    public static final Permission ACTOR_TRAIL_ERASE = Permission.of("ACTOR_TRAIL_ERASE", "Erase an actor's personal fields (name, source address) in the own tenant's system log; never one's own.",
            Role.SECURITY_OFFICER, Role.CUSTOMER_ADMIN);

    @Override
    public List<Permission> permissions() {
        return List.of(EVIDENCE_READ, ACTOR_TRAIL_ERASE);
    }
}
