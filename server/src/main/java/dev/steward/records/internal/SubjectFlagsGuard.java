package dev.steward.records.internal;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.steward.records.Access;
import dev.steward.records.AccessGuard;
import dev.steward.records.ProcessingFlags;
import dev.steward.records.ProcessingObjected;
import dev.steward.records.ProcessingRestricted;
import dev.steward.records.Purpose;

/**
 * The subject's restriction (RIGHT-3) and objection (RIGHT-4), read from the database at every
 * access, so a flag set by one request holds for the very next one.
 * <ul>
 *   <li>Restricted: reads and exports are refused unless for {@link Purpose#STORAGE} or
 *       {@link Purpose#LEGAL_CLAIMS}, or for {@link Purpose#SUBJECT_RIGHTS} (the subject's own access,
 *       portability or rectification request is answered under a restriction too). Writes still pass: storing is what a restriction allows, and
 *       a correction is how contested accuracy (Art. 18(1)(a)) gets resolved.</li>
 *   <li>Objected: every access for a purpose of {@code steward.records.legitimate-interest-purposes}
 *       is refused, reads and writes alike.</li>
 * </ul>
 */
@Component
@Order(AccessGuard.SUBJECT_FLAGS)
class SubjectFlagsGuard implements AccessGuard {

    private static final Set<Purpose> ALLOWED_WHEN_RESTRICTED = Set.of(Purpose.STORAGE, Purpose.LEGAL_CLAIMS,
            Purpose.SUBJECT_RIGHTS);

    private final SubjectFlagRows flags;
    private final Set<Purpose> legitimateInterest;

    SubjectFlagsGuard(SubjectFlagRows flags,
            @Value("${steward.records.legitimate-interest-purposes:service-analytics,marketing}") List<String> li) {
        this.flags = flags;
        this.legitimateInterest = Set.copyOf(li.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Purpose::new).toList());
    }

    @Override
    public String name() {
        return "subject-flags";
    }

    @Override
    public void check(Access access) {
        Purpose p = access.purpose();
        if (access.subject() == null || p == null) {
            return;
        }
        boolean restrictionApplies = access.action().reveals() && !ALLOWED_WHEN_RESTRICTED.contains(p);
        boolean objectionApplies = legitimateInterest.contains(p);
        if (!restrictionApplies && !objectionApplies) {
            return;
        }
        ProcessingFlags f = flags.find(access.tenant().id(), access.subject().hmac()).orElse(ProcessingFlags.NONE);
        if (restrictionApplies && f.restricted()) {
            throw new ProcessingRestricted(p);
        }
        if (objectionApplies && f.objected()) {
            throw new ProcessingObjected(p);
        }
    }
}
