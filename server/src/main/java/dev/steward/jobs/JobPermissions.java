package dev.steward.jobs;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** The background jobs' permission. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class JobPermissions implements FeaturePermissions {

    public static final Permission JOBS_READ = Permission.of("JOBS_READ", "See the installation's background jobs: last run, outcome, next run, alerts; and incomplete event publications.",
            Role.OPERATOR, Role.SECURITY_OFFICER);

    @Override
    public List<Permission> permissions() {
        return List.of(JOBS_READ);
    }
}
