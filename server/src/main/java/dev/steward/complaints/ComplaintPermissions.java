package dev.steward.complaints;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/**
 * Who deals with complaints. The provider's COMPLIANCE staff are the contact point that handles
 * them, in whichever tenant a complaint concerns; a customer's administrators (its DPO) read and
 * record the complaints concerning their own tenant, and add what they know (notes, links), but do
 * not answer them.
 */
@Component
public final class ComplaintPermissions implements FeaturePermissions {

    public static final Permission COMPLAINTS_READ = Permission.of("COMPLAINTS_READ",
            "Read complaints with the complainant's details: one's own tenant's, or every tenant's for provider"
                    + " compliance staff.",
            Role.CUSTOMER_ADMIN, Role.COMPLIANCE);

    public static final Permission COMPLAINTS_RECORD = Permission.of("COMPLAINTS_RECORD",
            "Record a complaint received by email or post; add notes and links to a complaint.",
            Role.CUSTOMER_ADMIN, Role.COMPLIANCE);

    public static final Permission COMPLAINTS_HANDLE = Permission.of("COMPLAINTS_HANDLE",
            "Investigate, answer, withdraw and close complaints of any tenant (the provider's DPO contact point).",
            Role.COMPLIANCE);

    @Override
    public List<Permission> permissions() {
        return List.of(COMPLAINTS_READ, COMPLAINTS_RECORD, COMPLAINTS_HANDLE);
    }
}
