package dev.steward.records.internal;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.records.Action;
import dev.steward.records.PurposeNotAllowed;
import dev.steward.records.PurposePolicy;
import dev.steward.tenancy.Tenant;

/**
 * The default purpose rule: any purpose of {@code steward.records.purposes}. Stands in for the
 * {@code processing} feature's check against the customer's instructions.
 */
@Component
class ConfiguredPurposePolicy implements PurposePolicy {

    private final Set<String> allowed;

    ConfiguredPurposePolicy(
            @Value("${steward.records.purposes:contract,legal-obligation,service-analytics,security,marketing,support}")
            List<String> allowed) {
        this.allowed = Set.copyOf(allowed.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public void check(Caller caller, Tenant tenant, SubjectRef subject, String purpose, Action action) {
        if (purpose == null || purpose.isBlank()) {
            throw new PurposeNotAllowed("is required: name why the personal data is processed (one of "
                    + allowed.stream().sorted().toList() + ")");
        }
        if (!allowed.contains(purpose)) {
            throw new PurposeNotAllowed("'" + abbreviate(purpose) + "' is not an allowed purpose (one of "
                    + allowed.stream().sorted().toList() + ")");
        }
    }

    private static String abbreviate(String s) {
        String printable = s.codePoints().filter(c -> c >= 32 && c < 127).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }
}
