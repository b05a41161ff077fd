package dev.steward.residency;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.steward.records.Access;
import dev.steward.records.AccessGuard;
import dev.steward.records.Action;
import dev.steward.tenancy.Tenant;

/**
 * The residency guard (STOR-1): a tenant's personal data is processed only on a node whose country
 * ({@code steward.residency.node-country}, where its database is) the tenant's contract allows
 * ({@link Tenant#storageCountries()}). Deleting and erasing pass: they remove data, they process
 * none, and data found where it must not be must still be removable.
 */
@Component
@Order(AccessGuard.RESIDENCY)
public class NodeCountryGuard implements AccessGuard {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final String nodeCountry;

    NodeCountryGuard(@Value("${steward.residency.node-country}") String nodeCountry) {
        String c = nodeCountry.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(c).matches()) {
            throw new IllegalStateException("steward.residency.node-country must be an ISO 3166-1 alpha-2 code, not '"
                    + nodeCountry + "'");
        }
        this.nodeCountry = c;
    }

    @Override
    public String name() {
        return "residency";
    }

    @Override
    public void check(Access access) {
        if (access.action() == Action.DELETE || access.action() == Action.ERASE) {
            return;
        }
        Tenant tenant = access.tenant();
        if (!tenant.storageCountries().contains(nodeCountry)) {
            throw new OutsideAllowedCountries(nodeCountry, tenant.storageCountries());
        }
    }

    public String nodeCountry() {
        return nodeCountry;
    }
}
