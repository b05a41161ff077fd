package dev.steward.rights.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.records.Purpose;
import dev.steward.records.RevealedRecord;
import dev.steward.rights.RequestType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access (Art. 15): a report of all the subject's records, decrypted for {@link Purpose#SUBJECT_RIGHTS}
 * through the records feature (which logs each record revealed), as a readable PDF ({@code report.pdf})
 * and as JSON ({@code report.json}) in one zip behind a single-use download link sent to the requester.
 * A subject without records gets a report that says so, the same answer whatever exists. Repeating it
 * issues a new link.
 */
@Component
class AccessFulfiller implements Fulfiller {

    private final SubjectExports exports;
    private final JsonMapper json;

    AccessFulfiller(SubjectExports exports, JsonMapper json) {
        this.exports = exports;
        this.json = json;
    }

    @Override
    public RequestType type() {
        return RequestType.ACCESS;
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        List<RevealedRecord> found = exports.recordsOf(caller, request);
        SubjectReport report = new SubjectReport(exports.organisation(request), request.requestId(), exports.now(),
                request.subjectId(), found, exports.keeping(caller, request, found));
        String link = exports.issue(caller, request, "access-report", new ZipFile()
                .with("report.pdf", ReportPdf.write(json, report)).with("report.json", ReportJson.write(json, report)));
        return new Fulfilled("access report of " + found.size() + " records sent by a single-use link",
                "The report of your personal data (" + found.size() + " records) is ready: it lists your data, why"
                        + " it is processed, where it came from, how long it is kept, and what is known of its"
                        + " recipients and transfers.",
                link);
    }
}
