package dev.steward.rights.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.records.Purpose;
import dev.steward.records.RecordSource;
import dev.steward.records.RevealedRecord;
import dev.steward.rights.RequestType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Portability (Art. 20): the data the subject provided, as {@code data.json} and one CSV per
 * category in a zip (schema: docs/rights-export-schema.md), behind a single-use download link.
 * Read through the records feature for {@link Purpose#SUBJECT_RIGHTS}; repeating it issues a new link.
 */
@Component
class PortabilityFulfiller implements Fulfiller {

    static final String SCHEMA = "steward.rights.portability/1";
    static final String CSV_HEADER = "record_id,created_at,updated_at,field,value";

    private final SubjectExports exports;
    private final JsonMapper json;

    PortabilityFulfiller(SubjectExports exports, JsonMapper json) {
        this.exports = exports;
        this.json = json;
    }

    @Override
    public RequestType type() {
        return RequestType.PORTABILITY;
    }

    /**
     * Whether a record's data counts as provided by the subject. Read with the Article 29 Working
     * Party's guidelines (WP242 rev.01): data the subject gave and data observed from their use of
     * the service both do; data inferred or derived by the controller does not. Every source known
     * today is one of the first two; a new source must be decided here (the switch has no default).
     */
    static boolean provided(RecordSource source) {
        return switch (source) {
            case CUSTOMER, SERVICE_USAGE -> true;
        };
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        List<RevealedRecord> found = exports.recordsOf(caller, request).stream()
                .filter(r -> provided(r.info().source())).toList();
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("organisation", exports.organisation(request));
        root.put("requestId", request.requestId().toString());
        root.put("generatedAt", exports.now().toString());
        root.put("subjectId", request.subjectId());
        ArrayNode items = root.putArray("records");
        Map<String, StringBuilder> csv = new TreeMap<>();
        for (RevealedRecord r : found) {
            JsonNode data = json.readTree(r.documentJson());
            ObjectNode n = items.addObject();
            n.put("id", r.info().id().toString());
            n.put("category", r.info().category());
            n.put("source", r.info().source().name());
            n.put("createdAt", r.info().createdAt().toString());
            n.put("updatedAt", r.info().updatedAt().toString());
            n.set("data", data);
            StringBuilder rows = csv.computeIfAbsent(r.info().category(), c -> new StringBuilder(CSV_HEADER + "\r\n"));
            String prefix = r.info().id() + "," + r.info().createdAt() + "," + r.info().updatedAt() + ",";
            DocumentFields.each(data, (field, value) -> rows.append(prefix).append(cell(field)).append(',')
                    .append(cell(value)).append("\r\n"));
        }
        ZipFile zip = new ZipFile().with("data.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        csv.forEach((category, rows) -> zip.with(category + ".csv", rows.toString().getBytes(StandardCharsets.UTF_8)));
        String link = exports.issue(caller, request, "portability", zip);
        return new Fulfilled("export of " + found.size() + " records sent by a single-use link",
                "The data you provided (" + found.size() + " records) is ready as JSON and CSV files, to take to"
                        + " another service.",
                link);
    }

    /** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
