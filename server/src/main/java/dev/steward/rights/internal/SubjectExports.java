package dev.steward.rights.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.records.LegalHold;
import dev.steward.records.LegalHolds;
import dev.steward.records.Purpose;
import dev.steward.records.RecordStore;
import dev.steward.records.RevealedRecord;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * What the access and portability fulfillers share: the subject's records read through the records
 * feature for {@link Purpose#SUBJECT_RIGHTS}, the organisation's name and the time for the files'
 * headings, and the single-use link their zip goes behind.
 */
@Component
class SubjectExports {

    private final RecordStore records;
    private final LegalHolds legalHolds;
    private final DownloadLinks links;
    private final TenantRegister tenants;
    private final Clock clock;

    SubjectExports(RecordStore records, LegalHolds legalHolds, DownloadLinks links, TenantRegister tenants, Clock clock) {
        this.records = records;
        this.legalHolds = legalHolds;
        this.links = links;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** All the subject's records, decrypted; none when the request names no subject. */
    List<RevealedRecord> recordsOf(Caller caller, Fulfiller.ApprovedRequest request) {
        return request.subjectId() == null ? List.of()
                : records.allOfSubject(caller, request.subjectId(), Purpose.SUBJECT_RIGHTS);
    }

    String organisation(Fulfiller.ApprovedRequest request) {
        return tenants.find(request.tenantId()).map(Tenant::name).orElse("");
    }

    /** Where and how long the subject's records are kept: the tenant's contract and the subject's legal holds. */
    SubjectReport.Keeping keeping(Caller caller, Fulfiller.ApprovedRequest request, List<RevealedRecord> found) {
        Tenant t = tenants.find(request.tenantId()).orElse(null);
        // holds keep records: a subject without any has none (and the records feature knows no such subject)
        List<LegalHold> holds = found.isEmpty() ? List.of() : legalHolds.ofSubject(caller, request.subjectId());
        return t == null ? SubjectReport.Keeping.UNKNOWN
                : new SubjectReport.Keeping(List.copyOf(t.storageCountries()), t.contractEnd(), holds);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Seals the zip behind a new link; answers the link's text for the requester. */
    String issue(Caller caller, Fulfiller.ApprovedRequest request, String name, ZipFile zip) {
        return links.issue(caller, request.requestId(), name + "-" + request.requestId() + ".zip", ZipFile.CONTENT_TYPE,
                zip.bytes());
    }
}
