package dev.steward.notices.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.TenantId;

/**
 * Seals the address and the body of a notice to one person (a data subject, a complainant) under one
 * key of the tenant's key hierarchy, bound to tenant, notice and column: a sealed body copied to another
 * notice, or into the recipient column, does not open. One key per tenant, not per notice: the sealed
 * columns are emptied once the email is delivered, so no per-notice shredding is needed. The key name
 * begins with a control character no customer subject id may contain, so no subject request reaches it.
 */
@Component
public class PersonNoticeSeal {

    /** What a person notice's clear columns hold instead of its content. */
    public static final String PLACEHOLDER = "(sealed: a notice to one person)";

    private static final String KEY = "\u001fnotices/person";
    private static final String PURPOSE = "notices: send an email to the person it is for";

    private final TenantKeyring keyring;

    PersonNoticeSeal(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    public byte[] sealBody(UUID tenant, UUID notice, String body) {
        return keyring.seal(binding(tenant, notice, "notices.sealed_body"), PersonalData.ofText(body));
    }

    public byte[] sealRecipient(UUID tenant, UUID notice, String address) {
        return keyring.seal(binding(tenant, notice, "notice_deliveries.sealed_recipient"), PersonalData.ofText(address));
    }

    /** The body in clear, only to send it. */
    public String openBody(UUID tenant, UUID notice, byte[] sealed) {
        return open(binding(tenant, notice, "notices.sealed_body"), sealed);
    }

    /** The address in clear, only to send to it. */
    public String openRecipient(UUID tenant, UUID notice, byte[] sealed) {
        return open(binding(tenant, notice, "notice_deliveries.sealed_recipient"), sealed);
    }

    private String open(RecordBinding binding, byte[] sealed) {
        return new String(keyring.open(binding, sealed, PURPOSE), StandardCharsets.UTF_8);
    }

    private RecordBinding binding(UUID tenant, UUID notice, String column) {
        return new RecordBinding(new TenantId(tenant), keyring.ref(tenant, KEY), "notice:" + notice, column);
    }
}
