package dev.steward.complaints.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.complaints.Complainant;
import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals a complaint's personal data, its response and its steps' notes under a data key of the
 * complaint, bound to tenant, complaint and column (a sealed value copied to another complaint does
 * not open). The key's name begins with a control character no customer subject id may contain, in a
 * namespace of its own: no erasure of a subject reaches it by accident, and destroying it shreds the
 * complaint's file while its skeleton (dates, states, steps) stays as evidence of how it was handled.
 */
@Component
public class ComplaintSeal {

    private static final String NAMESPACE = "\u001fcomplaints/";
    static final String PURPOSE = "complaints: handle the complaint";

    /** What a complaint holds in clear only while it is handled. */
    public record Personal(Complainant complainant, String text) {
    }

    private final TenantKeyring keyring;
    private final JsonMapper json;

    ComplaintSeal(TenantKeyring keyring, JsonMapper json) {
        this.keyring = keyring;
        this.json = json;
    }

    public byte[] seal(UUID tenant, UUID complaint, Personal p) {
        ObjectNode n = json.createObjectNode();
        n.put("name", p.complainant().name());
        n.put("email", p.complainant().email());
        n.put("text", p.text());
        return keyring.seal(binding(tenant, complaint, "complaints.personal"), PersonalData.of(json.writeValueAsBytes(n)));
    }

    public Personal open(UUID tenant, UUID complaint, byte[] sealed) {
        JsonNode n = json.readTree(keyring.open(binding(tenant, complaint, "complaints.personal"), sealed, PURPOSE));
        return new Personal(new Complainant(text(n, "name"), text(n, "email")), text(n, "text"));
    }

    public byte[] sealResponse(UUID tenant, UUID complaint, String response) {
        return sealText(binding(tenant, complaint, "complaints.response"), response);
    }

    public String openResponse(UUID tenant, UUID complaint, byte[] sealed) {
        return openText(binding(tenant, complaint, "complaints.response"), sealed);
    }

    public byte[] sealNote(UUID tenant, UUID complaint, String note) {
        return sealText(binding(tenant, complaint, "complaint_steps.note"), note);
    }

    public String openNote(UUID tenant, UUID complaint, byte[] sealed) {
        return openText(binding(tenant, complaint, "complaint_steps.note"), sealed);
    }

    /** Destroys the complaint's key: its sealed personal data, response and notes can never be opened again. */
    public void destroy(UUID tenant, UUID complaint) {
        keyring.destroy(tenant, keyring.ref(tenant, NAMESPACE + "complaint/" + complaint));
    }

    /** The pseudonym of an address (case-insensitive), in this feature's namespace: no records pseudonym. */
    public String complainantKey(UUID tenant, String email) {
        return email == null ? null : keyring.ref(tenant, NAMESPACE + "email/" + email.toLowerCase(Locale.ROOT)).hmac();
    }

    private byte[] sealText(RecordBinding binding, String text) {
        return text == null ? null : keyring.seal(binding, PersonalData.ofText(text));
    }

    private String openText(RecordBinding binding, byte[] sealed) {
        return sealed == null ? null : new String(keyring.open(binding, sealed, PURPOSE), StandardCharsets.UTF_8);
    }

    private RecordBinding binding(UUID tenant, UUID complaint, String column) {
        return new RecordBinding(new TenantId(tenant), keyring.ref(tenant, NAMESPACE + "complaint/" + complaint),
                "complaint:" + complaint, column);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
