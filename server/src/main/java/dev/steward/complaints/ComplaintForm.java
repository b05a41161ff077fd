package dev.steward.complaints;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.steward.complaints.internal.ComplaintThrottle;
import dev.steward.notices.Contacts;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * The tenant's public complaint form (/privacy/&lt;slug&gt;/complaint): anyone may complain, without an
 * account. The complaint is received at once (a complaint is not held back until an address is
 * proven: the clock starts when it arrives), and the receipt goes to the address given.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Only an active customer tenant has a form; the provider's slug, unknown and inactive tenants
 *       answer the same "not found".</li>
 *   <li>One network address sends at most a few forms an hour ({@link ComplaintThrottle}); an address
 *       gets at most a few receipts a day, and a receipt repeats nothing of what was typed.</li>
 * </ul>
 */
@Service
public class ComplaintForm {

    /** A tenant as the public sees it above its form. */
    public record FormPage(UUID tenantId, String slug, String name, List<String> privacyContacts) {
    }

    /** What the complainant is shown once the form is sent. */
    public record Receipt(UUID complaintId, LocalDate lastDay) {
    }

    private final TenantRegister tenants;
    private final Contacts contacts;
    private final Complaints complaints;
    private final ComplaintThrottle throttle;

    ComplaintForm(TenantRegister tenants, Contacts contacts, Complaints complaints, ComplaintThrottle throttle) {
        this.tenants = tenants;
        this.contacts = contacts;
        this.complaints = complaints;
        this.throttle = throttle;
    }

    /** The form page of an active customer tenant; empty for anything else, the provider included. */
    public Optional<FormPage> page(String slug) {
        return customer(slug).map(t -> new FormPage(t.id(), t.slug(), t.name(), contacts.publishedPrivacyContacts(t.id())));
    }

    /**
     * Receives a complaint from the form.
     *
     * @param source the sender's network address, for the throttle only (not stored)
     */
    public Receipt submit(String slug, String source, String name, String email, String text) {
        Tenant tenant = customer(slug).orElseThrow(() -> new NotFound("complaint form " + slug));
        if (email == null || email.isBlank()) {
            throw new InvalidField("email", "is required: the answer to your complaint is sent to it");
        }
        Complainant who = Complainant.of(name, email, "");
        String words = ComplaintInputs.required(text, "text", ComplaintInputs.MAX_TEXT);
        if (!throttle.admit(tenant.id(), source)) {
            throw new ComplaintsThrottled(throttle.retryAfter());
        }
        return complaints.receiveFromForm(tenant.id(), who, words);
    }

    private Optional<Tenant> customer(String slug) {
        if (slug == null || slug.length() > 100) {
            return Optional.empty();
        }
        return tenants.findBySlug(slug).filter(t -> !t.isProvider() && t.isActive());
    }
}
