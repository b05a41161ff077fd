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

    public static final Permission BUNDLE_REQUEST_FOR_CUSTOMER = Permission.of("BUNDLE_REQUEST_FOR_CUSTOMER", "Provider staff: ask for a customer tenant's evidence bundle on its request, and list those asked for; built only once its administrator approves, and never downloaded by the provider.",
            Role.SECURITY_OFFICER, Role.COMPLIANCE);

    public static final Permission BUNDLE_APPROVE = Permission.of("BUNDLE_APPROVE", "Approve an evidence bundle of one's own tenant that provider staff asked for; the single-use download link goes to the approver.",
            Role.CUSTOMER_ADMIN);

    @Override
    public List<Permission> permissions() {
        return List.of(EVIDENCE_READ, ACTOR_TRAIL_ERASE, BUNDLE_REQUEST_FOR_CUSTOMER, BUNDLE_APPROVE);
    }
}
