package dev.steward.rights.internal;

import dev.steward.records.RevealedRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The access report as JSON, in the schema of docs/rights-export-schema.md ({@value #SCHEMA}). */
final class ReportJson {

    static final String SCHEMA = "steward.rights.access-report/1";

    private ReportJson() {
    }

    static byte[] write(JsonMapper json, SubjectReport report) {
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("organisation", report.tenantName());
        root.put("requestId", report.requestId().toString());
        root.put("generatedAt", report.generatedAt().toString());
        root.put("subjectId", report.subjectId());
        ArrayNode categories = root.putArray("categories");
        for (SubjectReport.Category c : report.categories()) {
            ObjectNode n = categories.addObject();
            n.put("name", c.name());
            n.put("records", c.records());
            c.purposes().forEach(n.putArray("purposes")::add);
            c.sources().forEach(n.putArray("sources")::add);
        }
        ObjectNode retention = root.putObject("retention");
        retention.put("note", report.retention());
        if (report.keeping().contractEnd() != null) {
            retention.put("contractEnd", report.keeping().contractEnd().toString());
        }
        ArrayNode holds = retention.putArray("legalHolds");
        for (var h : report.keeping().holds()) {
            ObjectNode n = holds.addObject();
            n.put("since", h.placedAt().toString());
            n.put("reason", h.reason());
            if (h.recordId() != null) {
                n.put("recordId", h.recordId().toString());
            }
        }
        ObjectNode recipients = root.putObject("recipients");
        recipients.putArray("entries");
        recipients.put("note", SubjectReport.RECIPIENTS_NOTE);
        ObjectNode transfers = root.putObject("transfers");
        transfers.putArray("entries");
        report.keeping().storageCountries().forEach(transfers.putArray("storageCountries")::add);
        transfers.put("note", report.transfers());
        ArrayNode records = root.putArray("records");
        for (RevealedRecord r : report.records()) {
            ObjectNode n = records.addObject();
            n.put("id", r.info().id().toString());
            n.put("category", r.info().category());
            n.put("source", r.info().source().name());
            n.put("purpose", r.info().purpose().name());
            n.put("version", r.info().version());
            n.put("createdAt", r.info().createdAt().toString());
            n.put("updatedAt", r.info().updatedAt().toString());
            n.set("data", json.readTree(r.documentJson()));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }
}
