package dev.steward.rights.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.platform.InvalidField;
import dev.steward.records.Purpose;
import dev.steward.records.RecordCorrection;
import dev.steward.records.RecordStore;
import dev.steward.records.RevealedRecord;
import dev.steward.rights.RequestType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rectification (Art. 16): the corrections the customer's administrator decided, applied through
 * the records feature's correction, so each record gets a new version and keeps the previous one in
 * its history. Every correction is checked before anything is written (and before the approval):
 * it must name a record of this subject, once, with a JSON object. A record that already holds its
 * corrected document is left as it is, so a repeat after a partial failure corrects only the rest.
 */
@Component
class RectificationFulfiller implements Fulfiller {

    private final RecordStore records;
    private final JsonMapper json;

    RectificationFulfiller(RecordStore records, JsonMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    public RequestType type() {
        return RequestType.RECTIFICATION;
    }

    @Override
    public void check(Caller caller, ApprovedRequest request) {
        current(caller, request);
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        Map<UUID, RevealedRecord> current = current(caller, request);
        int corrected = 0;
        int already = 0;
        for (Correction c : request.corrections()) {
            RevealedRecord now = current.get(c.recordId());
            if (json.readTree(now.documentJson()).equals(json.readTree(c.document()))) {
                already++;
                continue;
            }
            records.correct(caller, c.recordId(), new RecordCorrection(null, null,
                    c.document().getBytes(StandardCharsets.UTF_8), now.info().version()));
            corrected++;
        }
        return Fulfilled.of("rectified: " + corrected + " records corrected" + (already > 0 ? ", " + already
                        + " already correct" : ""),
                "Your personal data was corrected: " + (corrected + already) + " records now hold the corrected"
                        + " data.");
    }

    /** The subject's records the corrections name, by id; a problem naming the field for the first bad one. */
    private Map<UUID, RevealedRecord> current(Caller caller, ApprovedRequest request) {
        List<Correction> corrections = request.corrections();
        if (corrections.isEmpty()) {
            throw new InvalidField("corrections", "is required: name each record to correct and its corrected document");
        }
        if (request.subjectId() == null) {
            throw new InvalidField("subjectId", "is required: verify the requester's identity and name the subject");
        }
        for (int i = 0; i < corrections.size(); i++) {
            JsonNode doc;
            try {
                doc = json.readTree(corrections.get(i).document());
            } catch (JacksonException e) {
                doc = null;
            }
            if (doc == null || !doc.isObject()) {
                throw new InvalidField("corrections[" + i + "].document", "must be a JSON object");
            }
        }
        Map<UUID, RevealedRecord> own = new HashMap<>();
        for (RevealedRecord r : records.allOfSubject(caller, request.subjectId(), Purpose.SUBJECT_RIGHTS)) {
            own.put(r.info().id(), r);
        }
        Set<UUID> named = new HashSet<>();
        for (int i = 0; i < corrections.size(); i++) {
            UUID id = corrections.get(i).recordId();
            if (!own.containsKey(id)) {
                throw new InvalidField("corrections[" + i + "].recordId", "is not a record of the request's subject");
            }
            if (!named.add(id)) {
                throw new InvalidField("corrections[" + i + "].recordId", "names a record corrected already above");
            }
        }
        return own;
    }
}
