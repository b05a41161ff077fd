package dev.steward.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.deadlines.DeadlineAlreadyPassed;
import dev.steward.deadlines.DeadlineStatus;
import dev.steward.deadlines.LegalPeriod;
import dev.steward.deadlines.TenantCalendar;
import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.rights.internal.Fulfiller;
import dev.steward.rights.internal.RequestDeadlines;
import dev.steward.rights.internal.RequestRow;
import dev.steward.rights.internal.RequestRows;
import dev.steward.rights.internal.RequestSeal;
import dev.steward.rights.internal.RequestSeal.Personal;
import dev.steward.rights.internal.RequesterMessages;

/**
 * Data-subject requests from receipt to closure: the workflow of {@link RequestState}, each step
 * committed with its history entry, its system-log entry and the notices it causes, in one
 * transaction; the legal clock of each request counted by the {@code deadlines} module.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A subject has at most one open request of each type in a tenant (a unique key, so two
 *       racing submissions cannot both pass).</li>
 *   <li>A step not allowed in the request's state is refused and changes nothing; two racing steps
 *       on one request cannot both commit.</li>
 *   <li>The clock stops while the requester is asked for proof of identity or a clarification, and
 *       stops for good when the request is answered (rejected or fulfilled).</li>
 *   <li>An approved request is carried out by the platform at once, with the approver's permissions;
 *       if that fails the request stays approved, the failure is logged and fulfilment can be retried.</li>
 * </ul>
 */
@Service
public class RightsRequests {

    private static final int LIST_LIMIT = 1000;
    /** Who acts when the subject submits on the self-service page, as the system log names it. */
    public static final String SELF_SERVICE_ACTOR = "data subject (self-service page)";

    private final RequestRows rows;
    private final RequestSeal seal;
    private final RequestDeadlines deadlines;
    private final RequesterMessages requester;
    private final SystemLog log;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<RequestType, Fulfiller> fulfillers = new EnumMap<>(RequestType.class);

    RightsRequests(RequestRows rows, RequestSeal seal, RequestDeadlines deadlines, RequesterMessages requester,
            SystemLog log, Notices notices, TransactionTemplate tx, Clock clock, List<Fulfiller> fulfillers) {
        this.rows = rows;
        this.seal = seal;
        this.deadlines = deadlines;
        this.requester = requester;
        this.log = log;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        for (Fulfiller f : fulfillers) {
            if (this.fulfillers.put(f.type(), f) != null) {
                throw new IllegalStateException("two fulfillers for " + f.type());
            }
        }
    }

    /** Records a request received from the customer's systems or by its staff. */
    public SubjectRequest receive(Caller caller, NewRequest request) {
        caller.require(RightsPermissions.RIGHTS_RECORD);
        UUID id = inTenant(caller.tenantId(), () -> received(caller.tenantId(), caller, request, null));
        return get(caller, id);
    }

    /**
     * Records a request the subject submitted on the tenant's privacy page after proving control of
     * its address; returns the request's reference. Answers the same whether or not the tenant holds
     * data of the subject: nothing here looks the subject up. {@code forRequesterOnly} is added to the
     * receipt sent to the requester and not stored with the request (their status link; it does sit in
     * the notices outbox with the email's body, the gap docs/design/rights.md names).
     */
    public UUID receiveFromSubject(UUID tenantId, NewRequest request, String forRequesterOnly) {
        if (request.channel() != RequestChannel.SELF_SERVICE || !request.requester().hasEmail()) {
            throw new IllegalArgumentException("a self-service request comes with its proven address");
        }
        return inTenant(tenantId, () -> received(tenantId, null, request, forRequesterOnly));
    }

    /**
     * What the requester may see of their own requests, found by the self-service page from the
     * address they proved: state, clock and outcome, no personal data and no staff notes.
     */
    public List<OwnRequest> ownRequests(UUID tenantId, List<UUID> requestIds) {
        return inTenant(tenantId, () -> tx.execute(s -> {
            TenantCalendar calendar = deadlines.calendarOf(tenantId);
            Instant now = now();
            List<OwnRequest> out = new ArrayList<>();
            for (UUID id : requestIds) {
                rows.find(tenantId, id).ifPresent(r -> out.add(new OwnRequest(r.id(), r.type(), r.state(),
                        r.receivedAt(), clockOf(r, calendar, now), r.outcome())));
            }
            return out;
        }));
    }

    public SubjectRequest get(Caller caller, UUID requestId) {
        caller.require(RightsPermissions.RIGHTS_READ);
        UUID t = caller.tenantId();
        return inTenant(t, () -> tx.execute(s -> view(load(t, requestId), now())));
    }

    /** The tenant's requests, the most urgent first: overdue, then by due time; answered ones last. */
    public List<RequestSummary> list(Caller caller, boolean openOnly) {
        caller.require(RightsPermissions.RIGHTS_READ);
        UUID t = caller.tenantId();
        return inTenant(t, () -> tx.execute(s -> {
            TenantCalendar calendar = deadlines.calendarOf(t);
            Instant now = now();
            List<RequestSummary> out = new ArrayList<>();
            for (RequestRow r : rows.list(t, openOnly, LIST_LIMIT)) {
                out.add(new RequestSummary(r.id(), r.type(), r.channel(), r.state(), r.receivedAt(),
                        clockOf(r, calendar, now)));
            }
            out.sort(URGENCY);
            return out;
        }));
    }

    /** Asks the requester for proof of identity; the clock stops until it is given. */
    public SubjectRequest askForIdentity(Caller caller, UUID requestId, String whatIsNeeded) {
        return take(caller, requestId, Step.ASK_FOR_IDENTITY, (r, now) -> {
            String note = RequestInputs.required(whatIsNeeded, "message", RequestInputs.MAX_REASON);
            pauseIfRunning(r, now, "identity");
            return new Taken(r, note);
        });
    }

    /** The customer is satisfied of the requester's identity and names the subject in its systems. */
    public SubjectRequest verifyIdentity(Caller caller, UUID requestId, String subjectId) {
        return take(caller, requestId, Step.VERIFY_IDENTITY, (r, now) -> {
            String given = RequestInputs.subjectId(subjectId, "subjectId");
            Personal p = seal.open(r.tenantId(), r.id(), r.personal());
            if (given == null && p.subjectId() == null) {
                throw new InvalidField("subjectId", "is required: name the subject in the customer's systems");
            }
            resumeIfPaused(r, now);
            if (given == null || given.equals(p.subjectId())) {
                return new Taken(r, null);
            }
            Personal identified = p.withSubjectId(given);
            String key = seal.subjectKey(r.tenantId(), identified);
            rows.openOf(r.tenantId(), key + "/" + r.type().name()).filter(other -> !other.equals(r.id()))
                    .ifPresent(other -> {
                        throw new DuplicateOpenRequest(r.type(), other);
                    });
            return new Taken(with(r, key, seal.seal(r.tenantId(), r.id(), identified)), null);
        });
    }

    /**
     * Approves the request and carries it out at once. {@code note} is what the requester is told
     * with the result (optional); for a rectification it may say what was corrected.
     */
    public SubjectRequest approve(Caller caller, UUID requestId, String note) {
        return approve(caller, requestId, note, null);
    }

    /**
     * As {@link #approve(Caller, UUID, String)}, a rectification with the corrections decided. What the
     * fulfilment could not carry out (a malformed correction, a record of another subject) is refused
     * before the approval, naming the field, and changes nothing.
     */
    public SubjectRequest approve(Caller caller, UUID requestId, String note, List<Correction> corrections) {
        caller.require(RightsPermissions.RIGHTS_DECIDE);
        List<Fulfiller.Correction> given = RequestInputs.corrections(corrections);
        Fulfiller.ApprovedRequest planned = opened(caller.tenantId(), requestId, Step.APPROVE, given);
        Fulfiller planner = fulfillers.get(planned.type());
        if (planner != null) {
            planner.check(caller, planned);
        }
        take(caller, requestId, Step.APPROVE,
                (r, now) -> new Taken(r, RequestInputs.text(note, "reason", RequestInputs.MAX_TEXT)));
        try {
            return carryOut(caller, requestId, given);
        } catch (RuntimeException e) {
            // the approval stands: the request stays approved, and is carried out on retry
            inTenant(caller.tenantId(), () -> tx.execute(s -> {
                log.record(LogEvent.of(caller.tenantId(), caller, Step.FULFIL.action())
                        .object(object(requestId, load(caller.tenantId(), requestId).type())).failed());
                return null;
            }));
            return get(caller, requestId);
        }
    }

    /** Rejects the request; {@code reason} is told to the requester (Art. 12(4): the reasons, and the right to complain). */
    public SubjectRequest reject(Caller caller, UUID requestId, String reason) {
        return take(caller, requestId, Step.REJECT, (r, now) -> {
            String why = RequestInputs.required(reason, "reason", RequestInputs.MAX_REASON);
            resumeIfPaused(r, now);
            return new Taken(answered(r, now, "rejected"), why);
        });
    }

    /** Asks the requester what exactly they request; the clock stops until they answer. */
    public SubjectRequest askForClarification(Caller caller, UUID requestId, String question) {
        return take(caller, requestId, Step.ASK_FOR_CLARIFICATION, (r, now) -> {
            String q = RequestInputs.required(question, "reason", RequestInputs.MAX_REASON);
            pauseIfRunning(r, now, "clarification");
            return new Taken(r, q);
        });
    }

    /** The requester's answer to a clarification; the clock runs again. */
    public SubjectRequest clarified(Caller caller, UUID requestId, String clarification) {
        return take(caller, requestId, Step.CLARIFIED, clarification(clarification));
    }

    /**
     * The requester's answer to a clarification, given on the self-service page by the proven owner
     * of the request's address ({@link SelfService} checks that); the clock runs again.
     */
    public void clarifiedBySubject(UUID tenantId, UUID requestId, String clarification) {
        take(tenantId, null, requestId, Step.CLARIFIED, clarification(clarification), null);
    }

    private StepWork clarification(String clarification) {
        return (r, now) -> {
            String c = RequestInputs.required(clarification, "clarification", RequestInputs.MAX_TEXT);
            resumeIfPaused(r, now);
            return new Taken(r, c);
        };
    }

    /** Extends the deadline once by one or two further months; the reason is told to the requester. */
    public SubjectRequest extend(Caller caller, UUID requestId, Integer months, String reason) {
        return take(caller, requestId, Step.EXTEND, (r, now) -> {
            if (months == null || months < 1 || months > 2) {
                throw new InvalidField("months", "must be 1 or 2: a deadline is extended by up to two further months");
            }
            String why = RequestInputs.required(reason, "reason", RequestInputs.MAX_REASON);
            if (r.extensionMonths() > 0) {
                throw new ExtensionAlreadyGranted();
            }
            try {
                deadlines.of(r).extend(LegalPeriod.months(months), why, now);
            } catch (DeadlineAlreadyPassed e) {
                throw new RequestDeadlinePassed(deadlines.of(r).statusAt(now).dueAt());
            }
            rows.clearReminder(r.tenantId(), r.id());
            return new Taken(new RequestRow(r.tenantId(), r.id(), r.type(), r.channel(), r.state(), r.receivedAt(),
                    r.subjectKey(), r.personal(), months, now, r.outcome(), null, r.overdueAlertedAt(),
                    r.answeredAt(), r.version(), r.pauses()), why);
        });
    }

    /** Carries out an approved request (again, after a failure). */
    public SubjectRequest fulfil(Caller caller, UUID requestId) {
        return fulfil(caller, requestId, null);
    }

    /** As {@link #fulfil(Caller, UUID)}; a rectification names its corrections again (they are not stored). */
    public SubjectRequest fulfil(Caller caller, UUID requestId, List<Correction> corrections) {
        return carryOut(caller, requestId, RequestInputs.corrections(corrections));
    }

    private SubjectRequest carryOut(Caller caller, UUID requestId, List<Fulfiller.Correction> corrections) {
        caller.require(RightsPermissions.RIGHTS_DECIDE);
        Fulfiller.ApprovedRequest approved = opened(caller.tenantId(), requestId, Step.FULFIL, corrections);
        // a fulfiller checks what it is given before it changes anything (Fulfiller#check runs before an approval)
        Fulfiller.Fulfilled done = fulfillerOf(approved.type()).fulfil(caller, approved);
        return take(caller, requestId, Step.FULFIL,
                (r, now) -> new Taken(answered(r, now, done.outcome()), done.note()), done.forRequesterOnly());
    }

    /** The request opened for its fulfiller, if {@code step} may be taken now; else {@link StepNotAllowed}. */
    private Fulfiller.ApprovedRequest opened(UUID t, UUID requestId, Step step, List<Fulfiller.Correction> corrections) {
        return inTenant(t, () -> tx.execute(s -> {
            RequestRow r = load(t, requestId);
            if (r.state().after(step).isEmpty()) {
                throw new StepNotAllowed(r.state(), step);
            }
            if (!corrections.isEmpty() && r.type() != RequestType.RECTIFICATION) {
                throw new InvalidField("corrections", "are given only with a rectification request");
            }
            Personal p = seal.open(t, r.id(), r.personal());
            String decision = rows.steps(t, r.id()).stream().filter(st -> st.step() == Step.APPROVE)
                    .reduce((a, b) -> b).map(st -> seal.openNote(t, r.id(), st.note())).orElse(null);
            return new Fulfiller.ApprovedRequest(t, r.id(), r.type(), p.subjectId(), p.requester(), p.details(),
                    decision, corrections);
        }));
    }

    /** Closes an answered request: nothing more is to be done. */
    public SubjectRequest close(Caller caller, UUID requestId) {
        return take(caller, requestId, Step.CLOSE, (r, now) -> new Taken(r, null));
    }

    /** Which request types the platform carries out itself. */
    public Set<RequestType> fulfilledByThePlatform() {
        return Set.copyOf(fulfillers.keySet());
    }

    // ---------------------------------------------------------------------------------------------

    private record Taken(RequestRow row, String note) {
    }

    @FunctionalInterface
    private interface StepWork {
        Taken apply(RequestRow current, Instant now);
    }

    private static final Comparator<RequestSummary> URGENCY = Comparator
            .comparingInt((RequestSummary s) -> switch (s.clock().state()) {
                case "OVERDUE" -> 0;
                case "RUNNING" -> 1;
                case "PAUSED" -> 2;
                default -> 3;
            })
            .thenComparing(s -> s.clock().state().equals("ANSWERED") ? Instant.MAX.minusSeconds(
                    s.receivedAt().getEpochSecond()) : s.clock().dueAt());

    private UUID received(UUID t, Caller caller, NewRequest in, String forRequesterOnly) {
        if (in.type() == null) {
            throw new InvalidField("type", "is required");
        }
        String subjectId = RequestInputs.subjectId(in.subjectId(), "subjectId");
        Requester who = in.requester() == null ? Requester.NONE : in.requester();
        String details = RequestInputs.text(in.details(), "details", RequestInputs.MAX_TEXT);
        if (subjectId == null && who.email() == null && who.name() == null) {
            throw new InvalidField("subjectId", "name the subject, or give the requester's name or email address");
        }
        RequestChannel channel = in.channel() == null ? RequestChannel.API : in.channel();
        Instant now = now();
        Instant receivedAt = RequestInputs.receivedAt(in.receivedAt(), now);
        try {
            return tx.execute(s -> {
                UUID id = UUID.randomUUID();
                Personal p = new Personal(subjectId, who, details);
                String key = seal.subjectKey(t, p);
                rows.openOf(t, key + "/" + in.type().name()).ifPresent(other -> {
                    throw new DuplicateOpenRequest(in.type(), other);
                });
                RequestRow row = new RequestRow(t, id, in.type(), channel, RequestState.RECEIVED, receivedAt, key,
                        seal.seal(t, id, p), 0, null, null, null, null, null, 1, List.of());
                rows.insert(row, now);
                rows.step(t, id, Step.RECEIVE, RequestState.RECEIVED, now, actorOf(caller), null);
                logStep(t, caller, Step.RECEIVE, id, in.type());
                DeadlineStatus due = deadlines.of(row).statusAt(now);
                notices.notify(new NoticeRequest(t, Topic.PRIVACY,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.PRIVACY),
                        "Data-subject request received: " + in.type().label(),
                        "A " + in.type().label().toLowerCase(java.util.Locale.ROOT) + " request (reference " + id
                                + ") was received on " + receivedAt + " via " + channel + ". It is due by the end of "
                                + due.lastDay() + " (" + due.dueAt() + "). Open it in the console: /console/rights/"
                                + id));
                requester.received(t, id, in.type(), who, due, forRequesterOnly);
                return id;
            });
        } catch (DuplicateKeyException raced) {
            UUID other = inTenant(t, () -> rows.openOf(t, seal.subjectKey(t, new Personal(subjectId, who, details))
                    + "/" + in.type().name()).orElse(new UUID(0, 0)));
            throw new DuplicateOpenRequest(in.type(), other);
        }
    }

    private SubjectRequest take(Caller caller, UUID requestId, Step step, StepWork work) {
        return take(caller, requestId, step, work, null);
    }

    /** {@code forRequesterOnly}: told to the requester with the step, never stored with it (a download link). */
    private SubjectRequest take(Caller caller, UUID requestId, Step step, StepWork work, String forRequesterOnly) {
        Permission needed = step == Step.CLARIFIED ? RightsPermissions.RIGHTS_RECORD : RightsPermissions.RIGHTS_DECIDE;
        caller.require(needed);
        return take(caller.tenantId(), caller, requestId, step, work, forRequesterOnly);
    }

    /** A step in tenant {@code t}, by {@code caller} or, when null, by the subject on the self-service page. */
    private SubjectRequest take(UUID t, Caller caller, UUID requestId, Step step, StepWork work,
            String forRequesterOnly) {
        return inTenant(t, () -> tx.execute(s -> {
            RequestRow current = load(t, requestId);
            RequestState next = current.state().after(step)
                    .orElseThrow(() -> new StepNotAllowed(current.state(), step));
            Instant now = now();
            Taken taken = work.apply(current, now);
            RequestRow r = taken.row();
            RequestRow updated = new RequestRow(t, r.id(), r.type(), r.channel(), next, r.receivedAt(), r.subjectKey(),
                    r.personal(), r.extensionMonths(), r.extendedAt(), r.outcome(), r.remindedAt(),
                    r.overdueAlertedAt(), r.answeredAt(), current.version() + 1, r.pauses());
            try {
                if (!rows.update(updated, now)) {
                    throw new RequestChangedMeanwhile();
                }
            } catch (DuplicateKeyException e) {
                throw new DuplicateOpenRequest(r.type(), rows.openOf(t, r.subjectKey() + "/" + r.type().name())
                        .orElse(new UUID(0, 0)));
            }
            rows.step(t, r.id(), step, next, now, actorOf(caller), seal.sealNote(t, r.id(), taken.note()));
            logStep(t, caller, step, r.id(), r.type());
            RequestRow stored = load(t, requestId);
            requester.stepTaken(t, stored, step, taken.note(), forRequesterOnly, deadlines.of(stored).statusAt(now));
            return view(stored, now);
        }));
    }

    /** Who took a step as the history names them: the caller, or the subject on the self-service page. */
    private static String actorOf(Caller caller) {
        return caller == null ? SELF_SERVICE_ACTOR : caller.actor();
    }

    private void logStep(UUID t, Caller caller, Step step, UUID id, RequestType type) {
        LogEvent event = LogEvent.of(t, caller, step.action()).object(object(id, type));
        log.record(caller == null ? event.actorName(SELF_SERVICE_ACTOR) : event);
    }

    private void pauseIfRunning(RequestRow r, Instant now, String reason) {
        DeadlineStatus status = deadlines.of(r).statusAt(now);
        // a clock that ran out cannot be stopped any more: the request is late whatever the requester does
        if (!status.overdue() && !status.paused()) {
            rows.pause(r.tenantId(), r.id(), now, reason);
        }
    }

    private void resumeIfPaused(RequestRow r, Instant now) {
        if (!r.pauses().isEmpty() && r.pauses().getLast().resumedAt() == null) {
            rows.resume(r.tenantId(), r.id(), now);
        }
    }

    private static RequestRow answered(RequestRow r, Instant now, String outcome) {
        return new RequestRow(r.tenantId(), r.id(), r.type(), r.channel(), r.state(), r.receivedAt(), r.subjectKey(),
                r.personal(), r.extensionMonths(), r.extendedAt(), outcome, r.remindedAt(), r.overdueAlertedAt(),
                now, r.version(), r.pauses());
    }

    private static RequestRow with(RequestRow r, String subjectKey, byte[] personal) {
        return new RequestRow(r.tenantId(), r.id(), r.type(), r.channel(), r.state(), r.receivedAt(), subjectKey,
                personal, r.extensionMonths(), r.extendedAt(), r.outcome(), r.remindedAt(), r.overdueAlertedAt(),
                r.answeredAt(), r.version(), r.pauses());
    }

    private Fulfiller fulfillerOf(RequestType type) {
        Fulfiller f = fulfillers.get(type);
        if (f == null) {
            throw new FulfilmentUnavailable(type);
        }
        return f;
    }

    private RequestRow load(UUID t, UUID requestId) {
        return rows.find(t, requestId).orElseThrow(() -> new NotFound("request " + requestId));
    }

    private SubjectRequest view(RequestRow r, Instant now) {
        UUID t = r.tenantId();
        Personal p = r.retired() ? new Personal(null, Requester.NONE, null) : seal.open(t, r.id(), r.personal());
        List<RequestEntry> history = rows.steps(t, r.id()).stream()
                .map(st -> new RequestEntry(st.step(), st.state(), st.at(), st.actor(), seal.openNote(t, r.id(), st.note())))
                .toList();
        return new SubjectRequest(r.id(), r.type(), r.channel(), r.state(), r.receivedAt(),
                clockOf(r, deadlines.calendarOf(t), now), p.subjectId(), p.requester(), p.details(), r.outcome(),
                history, r.version());
    }

    private RequestClock clockOf(RequestRow r, TenantCalendar calendar, Instant now) {
        return RequestClock.of(deadlines.statusAt(r, calendar, now), r.state().isOpen(), r.extensionMonths());
    }

    /** Now, to the microsecond the databases keep: a pause stored and read back covers the instant it began. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static String object(UUID id, RequestType type) {
        return "rights-request:" + id + "/" + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(tenant), work);
    }
}
