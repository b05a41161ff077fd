package dev.steward.residency;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.records.AccessRefused;

/** This node is in a country the tenant's contract does not allow its data in (STOR-1). Nothing was read or changed. */
public final class OutsideAllowedCountries extends AccessRefused {

    private final String nodeCountry;

    public OutsideAllowedCountries(String nodeCountry, List<String> allowed) {
        super("outside-allowed-countries", HttpStatus.FORBIDDEN, "Outside the allowed countries",
                "this node keeps data in " + nodeCountry + ", which the tenant's contract does not allow (allowed: "
                        + String.join(", ", allowed) + "); its personal data is not processed here",
                Map.of("nodeCountry", nodeCountry, "storageCountries", List.copyOf(allowed)));
        this.nodeCountry = nodeCountry;
    }

    @Override
    public String note() {
        return "node=" + nodeCountry;
    }
}
