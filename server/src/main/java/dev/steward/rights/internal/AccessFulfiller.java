package dev.steward.rights.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.records.Purpose;
import dev.steward.records.RecordStore;
import dev.steward.records.RevealedRecord;
import dev.steward.rights.RequestType;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access (Art. 15): a report of all the subject's records, decrypted for {@link Purpose#SUBJECT_RIGHTS}
 * through the records feature (which logs each record revealed), as a readable PDF ({@code report.pdf})
 * and as JSON ({@code report.json}) in one zip behind a single-use download link sent to the requester. A subject without records gets a
 * report that says so, the same answer whatever exists. Repeating it issues a new link.
 */
@Component
class AccessFulfiller implements Fulfiller {

    private final RecordStore records;
    private final DownloadLinks links;
    private final TenantRegister tenants;
    private final JsonMapper json;
    private final Clock clock;

    AccessFulfiller(RecordStore records, DownloadLinks links, TenantRegister tenants, JsonMapper json, Clock clock) {
        this.records = records;
        this.links = links;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RequestType type() {
        return RequestType.ACCESS;
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        List<RevealedRecord> found = request.subjectId() == null ? List.of()
                : records.allOfSubject(caller, request.subjectId(), Purpose.SUBJECT_RIGHTS);
        SubjectReport report = new SubjectReport(tenants.find(request.tenantId()).map(Tenant::name).orElse(""),
                request.requestId(), clock.instant().truncatedTo(ChronoUnit.SECONDS), request.subjectId(), found);
        byte[] zip = new ZipFile().with("report.pdf", ReportPdf.write(json, report))
                .with("report.json", ReportJson.write(json, report)).bytes();
        String link = links.issue(caller, request.requestId(), "access-report-" + request.requestId() + ".zip",
                ZipFile.CONTENT_TYPE, zip);
        return new Fulfilled("access report of " + found.size() + " records sent by a single-use link",
                "The report of your personal data (" + found.size() + " records) is ready: it lists your data, why"
                        + " it is processed, where it came from, how long it is kept and who received it.",
                link);
    }
}
