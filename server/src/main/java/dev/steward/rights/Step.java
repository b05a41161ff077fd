package dev.steward.rights;

/** What can happen to a request; each step taken is logged with its actor and time. */
public enum Step {
    RECEIVE, ASK_FOR_IDENTITY, VERIFY_IDENTITY, APPROVE, REJECT, ASK_FOR_CLARIFICATION, CLARIFIED, EXTEND, FULFIL,
    CLOSE;

    /** The system-log action of this step: {@code rights.request.verify-identity}. */
    public String action() {
        return "rights.request." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
