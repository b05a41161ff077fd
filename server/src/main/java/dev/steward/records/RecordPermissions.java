package dev.steward.records;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** The personal-data store's permissions. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class RecordPermissions implements FeaturePermissions {

    public static final Permission RECORDS_READ = Permission.of("RECORDS_READ", "Read (decrypt, for a named purpose) the personal-data records of one's own tenant.",
            Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);

    public static final Permission RECORDS_WRITE = Permission.of("RECORDS_WRITE", "Create, correct, delete and import personal-data records of one's own tenant.",
            Role.CUSTOMER_ADMIN, Role.CUSTOMER_USER);

    public static final Permission RECORDS_ERASE = Permission.of("RECORDS_ERASE", "Erase a data subject: destroy its key and purge all its records (crypto-shredding).",
            Role.CUSTOMER_ADMIN);

    public static final Permission RECORDS_CONFIGURE = Permission.of("RECORDS_CONFIGURE", "Change the tenant's record settings (allowed categories).",
            Role.CUSTOMER_ADMIN);

    @Override
    public List<Permission> permissions() {
        return List.of(RECORDS_READ, RECORDS_WRITE, RECORDS_ERASE, RECORDS_CONFIGURE);
    }
}
