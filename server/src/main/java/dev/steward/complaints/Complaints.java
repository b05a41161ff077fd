package dev.steward.complaints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.complaints.internal.ComplainantMessages;
import dev.steward.complaints.internal.ComplaintDeadlines;
import dev.steward.complaints.internal.ComplaintRow;
import dev.steward.complaints.internal.ComplaintRows;
import dev.steward.complaints.internal.ComplaintSeal;
import dev.steward.complaints.internal.ComplaintSeal.Personal;
import dev.steward.deadlines.PeriodEnd;
import dev.steward.evidence.LogEvent;
import dev.steward.identity.ProviderAccessLog;
import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.TenantRegister;

/**
 * Complaints from receipt to closure: the workflow of {@link ComplaintState}, each step committed
 * with its history entry, its system-log entry and the messages it causes, in one transaction.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A complaint lives in the tenant it concerns. A customer's callers reach only their own
 *       tenant's complaints; provider compliance staff reach every tenant's, and each of their acts
 *       and readings inside a customer tenant is in that tenant's system log and on its list of
 *       provider accesses.</li>
 *   <li>A step not allowed in the complaint's state, or naming a version that is no longer current,
 *       is refused and changes nothing; of two racing steps only one commits.</li>
 *   <li>The deadline is counted once at receipt and stops for good when the complaint is answered
 *       (responded or withdrawn).</li>
 * </ul>
 */
@Service
public class Complaints {

    /** Who acts when a complainant submits the public form, as the history and the system log name it. */
    public static final String FORM_ACTOR = "complainant (web form)";
    /** The role every complaint is assigned to: the provider's DPO contact point. */
    public static final String ASSIGNED_ROLE = Role.COMPLIANCE.name();
    private static final int LIST_LIMIT = 1000;

    private final ComplaintRows rows;
    private final ComplaintSeal seal;
    private final ComplaintDeadlines deadlines;
    private final ComplainantMessages complainants;
    private final ProviderAccessLog log;
    private final Notices notices;
    private final TenantRegister tenants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int formReceiptsPerDay;

    Complaints(ComplaintRows rows, ComplaintSeal seal, ComplaintDeadlines deadlines, ComplainantMessages complainants,
            ProviderAccessLog log, Notices notices, TenantRegister tenants, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock,
            @Value("${steward.complaints.form.receipts-per-address-per-day:3}") int formReceiptsPerDay) {
        this.rows = rows;
        this.seal = seal;
        this.deadlines = deadlines;
        this.complainants = complainants;
        this.log = log;
        this.notices = notices;
        this.tenants = tenants;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.formReceiptsPerDay = formReceiptsPerDay;
    }

    /** Records a complaint received by email or post. */
    public Complaint record(Caller caller, NewComplaint in) {
        caller.require(ComplaintPermissions.COMPLAINTS_RECORD);
        UUID t = concerning(caller, in.concerning());
        if (in.channel() == null || in.channel() == ComplaintChannel.WEB_FORM) {
            throw new InvalidField("channel", "must be email or post");
        }
        if (in.complainant() == null) {
            throw new InvalidField("complainant.name", "give the complainant's name or email address");
        }
        String text = ComplaintInputs.required(in.text(), "text", ComplaintInputs.MAX_TEXT);
        Instant now = now();
        Instant receivedAt = ComplaintInputs.receivedAt(in.receivedAt(), now);
        // the file is shown to its recorder in the same transaction: recording is not a reading of it
        return inTenant(t, () -> tx.execute(s -> view(load(t, received(t, caller, in.channel(), in.complainant(), text,
                receivedAt, now)), now)));
    }

    /** A complaint from the tenant's public form, received at once (see {@link ComplaintForm}). */
    ComplaintForm.Receipt receiveFromForm(UUID tenant, Complainant who, String text) {
        Instant now = now();
        return inTenant(tenant, () -> tx.execute(s -> {
            UUID id = received(tenant, null, ComplaintChannel.WEB_FORM, who, text, now, now);
            return new ComplaintForm.Receipt(id, load(tenant, id).lastDay());
        }));
    }

    public Complaint get(Caller caller, UUID complaintId) {
        caller.require(ComplaintPermissions.COMPLAINTS_READ);
        UUID t = locate(caller, complaintId);
        return inTenant(t, () -> tx.execute(s -> {
            ComplaintRow r = load(t, complaintId);
            if (caller.isProvider() && !t.equals(DataScope.PROVIDER_TENANT)) {
                // the complainant's details are opened for provider staff: the customer sees that they were
                log.record(LogEvent.success(t, caller, "complaints.complaint.read", object(r.id())));
            }
            return view(r, now());
        }));
    }

    /**
     * The complaints the caller may read, the most urgent first (overdue, then by due time; answered
     * ones last): its own tenant's, or every tenant's for provider compliance staff.
     */
    public List<ComplaintSummary> list(Caller caller, boolean openOnly) {
        caller.require(ComplaintPermissions.COMPLAINTS_READ);
        List<ComplaintRow> found = caller.isProvider()
                ? TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> rows.listEverywhere(openOnly, LIST_LIMIT)))
                : inTenant(caller.tenantId(), () -> tx.execute(s -> rows.list(caller.tenantId(), openOnly, LIST_LIMIT)));
        Instant now = now();
        return found.stream().map(r -> new ComplaintSummary(r.id(), r.tenantId(), r.channel(), r.state(),
                r.receivedAt(), clockOf(r, now), r.assignedRole(), r.assignee())).sorted(URGENCY).toList();
    }

    /** The handler takes the complaint up; they become its assignee and the complainant is told. */
    public Complaint startInvestigation(Caller caller, UUID complaintId, Integer version) {
        return take(caller, complaintId, ComplaintStep.START_INVESTIGATION, version, (r, now) -> {
            String email = personal(r).complainant().email();
            return new Taken(r.assignedTo(caller.actor()), null,
                    () -> complainants.investigationStarted(r.tenantId(), r.id(), email, r.lastDay()));
        });
    }

    /** A note of the investigation (what was found, what the customer said); seen by staff only. */
    public Complaint note(Caller caller, UUID complaintId, String note, Integer version) {
        return take(caller, complaintId, ComplaintStep.NOTE, version, (r, now) -> new Taken(r,
                ComplaintInputs.required(note, "note", ComplaintInputs.MAX_NOTE), () -> { }));
    }

    /** Points the complaint to a rights request, an incident or a record it is about. */
    public Complaint link(Caller caller, UUID complaintId, String kind, String reference, Integer version) {
        return take(caller, complaintId, ComplaintStep.LINK, version, (r, now) -> {
            ComplaintLinkKind k = ComplaintLinkKind.named(kind, "kind");
            ComplaintLink link = new ComplaintLink(k, k.reference(reference, "reference"), now, caller.actor());
            return new Taken(r, k.name().toLowerCase(java.util.Locale.ROOT) + " " + link.reference(), () -> {
                if (!rows.link(r.tenantId(), r.id(), link)) {
                    throw new ComplaintAlreadyLinked(k);
                }
            });
        });
    }

    /** The answer, with its outcome: told to the complainant with their remedies; the clock stops. */
    public Complaint respond(Caller caller, UUID complaintId, String outcome, String response, Integer version) {
        return take(caller, complaintId, ComplaintStep.RESPOND, version, (r, now) -> {
            ComplaintOutcome o = ComplaintOutcome.named(outcome, "outcome");
            String answer = ComplaintInputs.required(response, "response", ComplaintInputs.MAX_RESPONSE);
            String email = personal(r).complainant().email();
            return new Taken(r.answered(now, o, seal.sealResponse(r.tenantId(), r.id(), answer)), null, () -> {
                complainants.responded(r.tenantId(), r.id(), email, o, answer);
                tellCustomer(r.tenantId(), "Complaint answered: " + o.label(), "The complaint " + r.id()
                        + " received on " + day(r.receivedAt()) + " was answered on " + day(now) + " (" + o.label()
                        + "). /console/complaints/" + r.id());
            });
        });
    }

    /** The complainant withdrew the complaint; {@code note} says how they did (optional). */
    public Complaint withdraw(Caller caller, UUID complaintId, String note, Integer version) {
        return take(caller, complaintId, ComplaintStep.WITHDRAW, version, (r, now) -> {
            String how = ComplaintInputs.optional(note, "note", ComplaintInputs.MAX_NOTE);
            String email = personal(r).complainant().email();
            return new Taken(r.answered(now, null, null), how,
                    () -> complainants.withdrawn(r.tenantId(), r.id(), email));
        });
    }

    /** Closes an answered complaint: nothing more is to be done. */
    public Complaint close(Caller caller, UUID complaintId, Integer version) {
        return take(caller, complaintId, ComplaintStep.CLOSE, version, (r, now) -> new Taken(r, null, () -> { }));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * What a step does to the row, the note it records, and what follows once the row is updated
     * (after the version check, so a refused step has told and linked nothing).
     */
    private record Taken(ComplaintRow row, String note, Runnable then) {
    }

    @FunctionalInterface
    private interface StepWork {
        Taken apply(ComplaintRow current, Instant now);
    }

    private static final Comparator<ComplaintSummary> URGENCY = Comparator
            .comparingInt((ComplaintSummary s) -> switch (s.clock().state()) {
                case "OVERDUE" -> 0;
                case "RUNNING" -> 1;
                default -> 2;
            })
            .thenComparing(s -> s.clock().state().equals("ANSWERED")
                    ? Instant.MAX.minusSeconds(s.receivedAt().getEpochSecond()) : s.clock().dueAt());

    private UUID received(UUID t, Caller caller, ComplaintChannel channel, Complainant who, String text,
            Instant receivedAt, Instant now) {
        UUID id = UUID.randomUUID();
        PeriodEnd due = deadlines.dueFor(t, receivedAt);
        String key = seal.complainantKey(t, who.email());
        // a form may name anyone's address: past a few receipts a day to one address the complaint is
        // still received, but that mailbox is not written to again
        boolean tell = channel != ComplaintChannel.WEB_FORM || key == null
                || rows.formComplaintsFrom(t, key, now.minus(Duration.ofDays(1))) < formReceiptsPerDay;
        rows.insert(new ComplaintRow(t, id, ComplaintState.RECEIVED, channel, receivedAt, due.dueAt(), due.lastDay(),
                ASSIGNED_ROLE, null, key, seal.seal(t, id, new Personal(who, text)), null, null, null, 1), now);
        rows.step(t, id, ComplaintStep.RECEIVE, ComplaintState.RECEIVED, now, caller == null ? FORM_ACTOR
                : caller.actor(), null);
        LogEvent event = LogEvent.of(t, caller, ComplaintStep.RECEIVE.action()).object(object(id));
        log.record(caller == null ? event.actorName(FORM_ACTOR) : event);
        tellCustomer(t, "Complaint received", "A complaint (reference " + id + ") was received on " + day(receivedAt)
                + " by " + channel.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ". The provider's"
                + " compliance team handles it; it is due by the end of " + due.lastDay() + ". /console/complaints/" + id);
        events.publishEvent(new ComplaintReceived(t, id));
        if (tell) {
            complainants.received(t, id, who.email(), receivedAt, due.lastDay());
        }
        return id;
    }

    private Complaint take(Caller caller, UUID complaintId, ComplaintStep step, Integer version, StepWork work) {
        caller.require(step.isContribution() ? ComplaintPermissions.COMPLAINTS_RECORD
                : ComplaintPermissions.COMPLAINTS_HANDLE);
        UUID t = locate(caller, complaintId);
        return inTenant(t, () -> tx.execute(s -> {
            ComplaintRow current = load(t, complaintId);
            ComplaintState next = current.state().after(step)
                    .orElseThrow(() -> new ComplaintStepNotAllowed(current.state(), step));
            if (version != null && version != current.version()) {
                throw new ComplaintChangedMeanwhile(current.version());
            }
            Instant now = now();
            Taken taken = work.apply(current, now);
            if (!rows.update(taken.row().next(next), now)) {
                throw new ComplaintChangedMeanwhile(load(t, complaintId).version());
            }
            taken.then().run();
            rows.step(t, complaintId, step, next, now, caller.actor(), seal.sealNote(t, complaintId, taken.note()));
            log.record(LogEvent.of(t, caller, step.action()).object(object(complaintId)));
            return view(load(t, complaintId), now);
        }));
    }

    /** The tenant a new complaint goes to: the caller's own, or for compliance staff the customer it names. */
    private UUID concerning(Caller caller, UUID requested) {
        if (requested == null || requested.equals(caller.tenantId())) {
            return caller.tenantId();
        }
        if (!caller.isProvider() || !caller.role().allows(ComplaintPermissions.COMPLAINTS_HANDLE)) {
            throw new NotFound("tenant " + requested);
        }
        return tenants.find(requested).map(tenant -> tenant.id())
                .orElseThrow(() -> new InvalidField("tenantId", "is no tenant of this installation"));
    }

    /** The tenant a complaint lives in, as far as the caller may know it; else 404. */
    private UUID locate(Caller caller, UUID complaintId) {
        if (!caller.isProvider()) {
            return caller.tenantId();
        }
        return TenantScope.call(DataScope.wholeProvider(), () -> rows.tenantOf(complaintId))
                .orElseThrow(() -> new NotFound("complaint " + complaintId));
    }

    private void tellCustomer(UUID tenant, String subject, String body) {
        if (!tenant.equals(DataScope.PROVIDER_TENANT)) {
            notices.notify(new NoticeRequest(tenant, Topic.PRIVACY,
                    Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.PRIVACY), subject, body));
        }
    }

    private ComplaintRow load(UUID t, UUID complaintId) {
        return rows.find(t, complaintId).orElseThrow(() -> new NotFound("complaint " + complaintId));
    }

    private Personal personal(ComplaintRow r) {
        return seal.open(r.tenantId(), r.id(), r.personal());
    }

    private Complaint view(ComplaintRow r, Instant now) {
        UUID t = r.tenantId();
        // a retired file shows its skeleton: who, what and the answer are gone with its key
        Personal p = r.retired() ? new Personal(new Complainant(null, null), null) : personal(r);
        List<ComplaintEntry> history = rows.steps(t, r.id()).stream().map(st -> new ComplaintEntry(st.step(),
                st.state(), st.at(), st.actor(), seal.openNote(t, r.id(), st.note()))).toList();
        return new Complaint(r.id(), t, r.channel(), r.state(), r.receivedAt(), clockOf(r, now), r.assignedRole(),
                r.assignee(), p.complainant(), p.text(), r.outcome(), seal.openResponse(t, r.id(), r.response()),
                rows.links(t, r.id()), history, r.version());
    }

    private static ComplaintClock clockOf(ComplaintRow r, Instant now) {
        return ComplaintClock.of(r.dueAt(), r.lastDay(), r.state().isOpen(), r.answeredAt() != null ? r.answeredAt()
                : now);
    }

    /** Now, to the microsecond the databases keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }

    static String object(UUID id) {
        return "complaint:" + id;
    }

    private static <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(tenant), work);
    }
}
