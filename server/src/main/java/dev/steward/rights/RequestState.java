package dev.steward.rights;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request stands. The workflow: received, identity verified (after asking for proof if in
 * doubt), decided by the customer (approved, rejected with a reason, or a clarification asked),
 * fulfilled by the platform, closed. The transitions below are the whole of it.
 */
public enum RequestState {
    RECEIVED, AWAITING_IDENTITY, VERIFIED, AWAITING_CLARIFICATION, APPROVED, REJECTED, FULFILLED, CLOSED;

    private static final Map<RequestState, Map<Step, RequestState>> NEXT = Map.of(
            RECEIVED, Map.of(Step.ASK_FOR_IDENTITY, AWAITING_IDENTITY, Step.VERIFY_IDENTITY, VERIFIED,
                    Step.REJECT, REJECTED, Step.EXTEND, RECEIVED),
            AWAITING_IDENTITY, Map.of(Step.VERIFY_IDENTITY, VERIFIED, Step.REJECT, REJECTED,
                    Step.EXTEND, AWAITING_IDENTITY),
            VERIFIED, Map.of(Step.APPROVE, APPROVED, Step.REJECT, REJECTED,
                    Step.ASK_FOR_CLARIFICATION, AWAITING_CLARIFICATION, Step.EXTEND, VERIFIED),
            AWAITING_CLARIFICATION, Map.of(Step.CLARIFIED, VERIFIED, Step.REJECT, REJECTED,
                    Step.EXTEND, AWAITING_CLARIFICATION),
            APPROVED, Map.of(Step.FULFIL, FULFILLED, Step.EXTEND, APPROVED),
            REJECTED, Map.of(Step.CLOSE, CLOSED),
            FULFILLED, Map.of(Step.CLOSE, CLOSED),
            CLOSED, Map.of());

    /** The states in which the request still waits for its answer: a second one of the same type is a duplicate. */
    private static final Set<RequestState> OPEN = Set.of(RECEIVED, AWAITING_IDENTITY, VERIFIED, AWAITING_CLARIFICATION,
            APPROVED);

    /** The state {@code step} leads to, or empty when the step is not allowed from here. */
    public Optional<RequestState> after(Step step) {
        return Optional.ofNullable(NEXT.get(this).get(step));
    }

    /** Still to be answered: the legal clock runs (or is paused) and reminders go out. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Waiting for the requester: the clock is paused. */
    public boolean waitsForRequester() {
        return this == AWAITING_IDENTITY || this == AWAITING_CLARIFICATION;
    }

    public static Set<RequestState> open() {
        return OPEN;
    }
}
