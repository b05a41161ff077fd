package dev.steward.complaints.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.complaints.ComplaintOutcome;
import dev.steward.notices.Notices;
import dev.steward.notices.PersonNotice;
import dev.steward.notices.Topic;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * What the complainant is told, by email when they gave an address, in the transaction of the step
 * (the notices outbox): the receipt with the date of the answer, the start of the investigation, the
 * response with its outcome, a withdrawal. The receipt repeats nothing the complainant wrote, so the
 * public form cannot be used to send chosen words to someone else's mailbox; the subject line names
 * only the organisation.
 */
@Component
public class ComplainantMessages {

    private final Notices notices;
    private final TenantRegister tenants;

    ComplainantMessages(Notices notices, TenantRegister tenants) {
        this.notices = notices;
        this.tenants = tenants;
    }

    public void received(UUID tenant, UUID complaint, String email, Instant receivedAt, LocalDate lastDay) {
        tell(tenant, complaint, email, "We received your complaint on " + receivedAt.toString().substring(0, 10)
                + ". We will look into it and answer you by the end of " + lastDay + " at the latest.");
    }

    public void investigationStarted(UUID tenant, UUID complaint, String email, LocalDate lastDay) {
        tell(tenant, complaint, email, "We have started to investigate your complaint. You will have our answer by"
                + " the end of " + lastDay + " at the latest.");
    }

    public void responded(UUID tenant, UUID complaint, String email, ComplaintOutcome outcome, String response) {
        tell(tenant, complaint, email, "Our answer to your complaint: " + outcome.label() + ".\n\n" + response
                + "\n\nIf you are not satisfied with this answer, you may lodge a complaint with a data-protection"
                + " supervisory authority and seek a judicial remedy.");
    }

    public void withdrawn(UUID tenant, UUID complaint, String email) {
        tell(tenant, complaint, email, "Your complaint is withdrawn, as you asked: we will take no further steps on it.");
    }

    private void tell(UUID tenant, UUID complaint, String email, String text) {
        if (email == null) {
            return;
        }
        String name = tenants.find(tenant).map(Tenant::name).orElse("the organisation");
        notices.tellPerson(new PersonNotice(tenant, Topic.PRIVACY, email, "Your complaint to " + name,
                text + "\n\nReference: " + complaint + "\n\n" + name));
    }
}
