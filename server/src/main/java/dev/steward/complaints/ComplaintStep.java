package dev.steward.complaints;

import java.util.Locale;

/** What can happen to a complaint; each step taken is in its history and the system log, with actor and time. */
public enum ComplaintStep {
    RECEIVE, START_INVESTIGATION, NOTE, LINK, RESPOND, WITHDRAW, CLOSE;

    /** The system-log action of this step: {@code complaints.complaint.start-investigation}. */
    public String action() {
        return "complaints.complaint." + label().replace(' ', '-');
    }

    /** {@code start investigation}, as pages show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Steps anyone who records complaints may take; the rest are the handler's. */
    public boolean isContribution() {
        return this == NOTE || this == LINK;
    }
}
