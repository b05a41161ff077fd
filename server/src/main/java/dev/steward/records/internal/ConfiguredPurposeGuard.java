package dev.steward.records.internal;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.steward.records.Access;
import dev.steward.records.AccessGuard;
import dev.steward.records.Purpose;
import dev.steward.records.PurposeNotAllowed;

/**
 * The purpose guard (PROC-2): a named purpose must be one of {@code steward.records.purposes}, or
 * {@link Purpose#SUBJECT_RIGHTS}, always allowed. Stands
 * in for the {@code processing} feature's instructions of each customer, which will check the
 * purpose against the record's category ({@link Access#category()}) as a guard of its own.
 */
@Component
@Order(AccessGuard.PURPOSE)
class ConfiguredPurposeGuard implements AccessGuard {

    static final String DEFAULT = "contract,legal-obligation,legal-claims,storage,service-analytics,security,"
            + "marketing,support";

    private final Set<Purpose> allowed;

    ConfiguredPurposeGuard(@Value("${steward.records.purposes:" + DEFAULT + "}") List<String> allowed) {
        // answering the subject's own requests (Art. 12-22 GDPR) is every controller's obligation: no list forbids it
        this.allowed = Set.copyOf(java.util.stream.Stream.concat(allowed.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).map(Purpose::new), java.util.stream.Stream.of(Purpose.SUBJECT_RIGHTS))
                .distinct().toList());
    }

    @Override
    public String name() {
        return "purpose";
    }

    @Override
    public void check(Access access) {
        Purpose p = access.purpose();
        if (p != null && !allowed.contains(p)) {
            throw new PurposeNotAllowed("'" + p.name() + "' is not an allowed purpose (one of "
                    + allowed.stream().map(Purpose::name).sorted().toList() + ")");
        }
    }
}
