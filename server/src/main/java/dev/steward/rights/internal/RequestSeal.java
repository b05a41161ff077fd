package dev.steward.rights.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.rights.Requester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals a request's personal data and its steps' notes under a data key of the request, bound to
 * tenant, request and column (a sealed value copied to another request does not open). Key names
 * begin with a control character no customer subject id may contain, so no erasure of a subject
 * reaches a request's key by accident: the request file outlives the subject's data as the proof
 * that the request was answered.
 */
@Component
public class RequestSeal {

    private static final String NAMESPACE = "\u001frights/";
    static final String PURPOSE = "rights: handle the data-subject request";

    /** What a request holds in clear only while it is handled. */
    public record Personal(String subjectId, Requester requester, String details) {

        public Personal withSubjectId(String id) {
            return new Personal(id, requester, details);
        }
    }

    private final TenantKeyring keyring;
    private final JsonMapper json;

    RequestSeal(TenantKeyring keyring, JsonMapper json) {
        this.keyring = keyring;
        this.json = json;
    }

    public byte[] seal(UUID tenant, UUID request, Personal p) {
        return keyring.seal(binding(tenant, request, "rights_requests.personal"), PersonalData.of(bytes(p)));
    }

    public Personal open(UUID tenant, UUID request, byte[] sealed) {
        return personal(keyring.open(binding(tenant, request, "rights_requests.personal"), sealed, PURPOSE));
    }

    /** Destroys the request's key: its sealed personal data and notes can never be opened again. */
    public void destroy(UUID tenant, UUID request) {
        keyring.destroy(tenant, keyring.ref(tenant, NAMESPACE + "request/" + request));
    }

    /**
     * A self-service submission's form, sealed under one key of the tenant's submissions (not one per
     * submission: most are confirmed within minutes, the rest deleted within a day, and a key per
     * deleted row would be a key kept for nothing).
     */
    public byte[] sealSubmission(UUID tenant, UUID submission, Personal p) {
        return keyring.seal(submissionBinding(tenant, submission), PersonalData.of(bytes(p)));
    }

    public Personal openSubmission(UUID tenant, UUID submission, byte[] sealed) {
        return personal(keyring.open(submissionBinding(tenant, submission), sealed, PURPOSE));
    }

    /** A result file of the request (an access report, an export), sealed under the request's key. */
    public byte[] sealFile(UUID tenant, UUID request, UUID download, byte[] content) {
        return keyring.seal(fileBinding(tenant, request, download), PersonalData.of(content));
    }

    public byte[] openFile(UUID tenant, UUID request, UUID download, byte[] sealed) {
        return keyring.open(fileBinding(tenant, request, download), sealed, PURPOSE);
    }

    /** The pseudonym of an address: the same as a request's {@link #subjectKey} before its subject is known. */
    public String addressKey(UUID tenant, String email) {
        return subjectKey(tenant, new Personal(null, new Requester(null, email), null));
    }

    public byte[] sealNote(UUID tenant, UUID request, String note) {
        return note == null ? null
                : keyring.seal(binding(tenant, request, "rights_request_steps.note"), PersonalData.ofText(note));
    }

    public String openNote(UUID tenant, UUID request, byte[] sealed) {
        return sealed == null ? null : new String(keyring.open(binding(tenant, request, "rights_request_steps.note"),
                sealed, PURPOSE), StandardCharsets.UTF_8);
    }

    /**
     * The pseudonym duplicates are found by: of the subject's id once known, else of the requester's
     * address (case-insensitive), in a namespace of their own so neither is a records pseudonym.
     */
    public String subjectKey(UUID tenant, Personal p) {
        String name = p.subjectId() != null ? "subject/" + p.subjectId()
                : p.requester().email() != null ? "email/" + p.requester().email().toLowerCase(Locale.ROOT)
                : "request/" + UUID.randomUUID();
        return keyring.ref(tenant, NAMESPACE + name).hmac();
    }

    private byte[] bytes(Personal p) {
        ObjectNode n = json.createObjectNode();
        n.put("subjectId", p.subjectId());
        n.put("name", p.requester().name());
        n.put("email", p.requester().email());
        n.put("details", p.details());
        return json.writeValueAsBytes(n);
    }

    private Personal personal(byte[] opened) {
        JsonNode n = json.readTree(opened);
        return new Personal(text(n, "subjectId"), new Requester(text(n, "name"), text(n, "email")), text(n, "details"));
    }

    private RecordBinding submissionBinding(UUID tenant, UUID submission) {
        SubjectRef key = keyring.ref(tenant, NAMESPACE + "submissions");
        return new RecordBinding(new TenantId(tenant), key, "rights-submission:" + submission,
                "rights_submissions.personal");
    }

    private RecordBinding fileBinding(UUID tenant, UUID request, UUID download) {
        SubjectRef key = keyring.ref(tenant, NAMESPACE + "request/" + request);
        return new RecordBinding(new TenantId(tenant), key, "rights-request:" + request + "/download:" + download,
                "rights_downloads.content");
    }

    private RecordBinding binding(UUID tenant, UUID request, String context) {
        SubjectRef key = keyring.ref(tenant, NAMESPACE + "request/" + request);
        return new RecordBinding(new TenantId(tenant), key, "rights-request:" + request, context);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
