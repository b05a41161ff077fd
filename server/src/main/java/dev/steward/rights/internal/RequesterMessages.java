package dev.steward.rights.internal;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.deadlines.DeadlineStatus;
import dev.steward.notices.Notices;
import dev.steward.notices.PersonNotice;
import dev.steward.notices.Topic;
import dev.steward.rights.RequestType;
import dev.steward.rights.Requester;
import dev.steward.rights.Step;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * What the requester is told, by email when they gave an address, in the transaction of the step
 * (the notices outbox): the receipt with its due date, a request for proof of identity or for a
 * clarification, an extension with its reason, a rejection with its reason and their remedies, the
 * result. The subject line names only the tenant: an email travels beyond Steward's encryption.
 */
@Component
public class RequesterMessages {

    private final Notices notices;
    private final RequestSeal seal;
    private final TenantRegister tenants;

    RequesterMessages(Notices notices, RequestSeal seal, TenantRegister tenants) {
        this.notices = notices;
        this.seal = seal;
        this.tenants = tenants;
    }

    public void received(UUID tenant, UUID request, RequestType type, Requester who, DeadlineStatus due,
            String forRequesterOnly) {
        if (!who.hasEmail()) {
            return;
        }
        tell(tenant, who.email(), "We received your " + kind(type) + " request on "
                + due.at().toString().substring(0, 10) + ". Its reference is " + request + ".\n"
                + "We answer by the end of " + due.lastDay() + " at the latest."
                + (forRequesterOnly == null ? "" : "\n\n" + forRequesterOnly));
    }

    public void stepTaken(UUID tenant, RequestRow r, Step step, String note, String forRequesterOnly,
            DeadlineStatus status) {
        String text = switch (step) {
            case ASK_FOR_IDENTITY -> "Before we can answer your " + kind(r.type()) + " request we need to be sure"
                    + " it is yours:\n\n" + note + "\n\nThe time for our answer is paused until we hear from you.";
            case ASK_FOR_CLARIFICATION -> "Please tell us more about your " + kind(r.type()) + " request:\n\n"
                    + note + "\n\nThe time for our answer is paused until we hear from you.";
            case EXTEND -> "We need more time to answer your " + kind(r.type()) + " request: the deadline is"
                    + " extended by " + r.extensionMonths() + " month" + (r.extensionMonths() > 1 ? "s" : "")
                    + ", to the end of " + status.lastDay() + ".\n\nWhy: " + note;
            case REJECT -> "We cannot grant your " + kind(r.type()) + " request.\n\nWhy: " + note + "\n\n"
                    + "You may lodge a complaint with a supervisory authority and seek a judicial remedy.";
            case FULFIL -> "Your " + kind(r.type()) + " request was carried out."
                    + (note == null ? "" : "\n\n" + note)
                    + (forRequesterOnly == null ? "" : "\n\n" + forRequesterOnly);
            default -> null;
        };
        if (text == null) {
            return;
        }
        Requester who = seal.open(tenant, r.id(), r.personal()).requester();
        if (who.hasEmail()) {
            tell(tenant, who.email(), text + "\n\nReference: " + r.id());
        }
    }

    private void tell(UUID tenant, String address, String body) {
        String name = tenants.find(tenant).map(Tenant::name).orElse("the organisation");
        notices.tellPerson(new PersonNotice(tenant, Topic.PRIVACY, address, "Your data-protection request to " + name,
                body + "\n\n" + name));
    }

    private static String kind(RequestType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
