package dev.steward.complaints;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a complaint stands: received, under investigation, responded (the answer given, the clock
 * stopped), closed; or withdrawn by the complainant at any time before the response. The table below
 * is the whole workflow: a step it does not list is refused and changes nothing.
 */
public enum ComplaintState {
    RECEIVED, UNDER_INVESTIGATION, RESPONDED, CLOSED, WITHDRAWN;

    private static final Map<ComplaintState, Map<ComplaintStep, ComplaintState>> NEXT = Map.of(
            RECEIVED, Map.of(ComplaintStep.START_INVESTIGATION, UNDER_INVESTIGATION, ComplaintStep.NOTE, RECEIVED,
                    ComplaintStep.LINK, RECEIVED, ComplaintStep.WITHDRAW, WITHDRAWN),
            UNDER_INVESTIGATION, Map.of(ComplaintStep.NOTE, UNDER_INVESTIGATION, ComplaintStep.LINK,
                    UNDER_INVESTIGATION, ComplaintStep.RESPOND, RESPONDED, ComplaintStep.WITHDRAW, WITHDRAWN),
            RESPONDED, Map.of(ComplaintStep.NOTE, RESPONDED, ComplaintStep.LINK, RESPONDED, ComplaintStep.CLOSE,
                    CLOSED),
            CLOSED, Map.of(),
            WITHDRAWN, Map.of());

    private static final Set<ComplaintState> OPEN = Set.of(RECEIVED, UNDER_INVESTIGATION);

    /** The state {@code step} leads to, or empty when the step is not allowed from here. */
    public Optional<ComplaintState> after(ComplaintStep step) {
        return Optional.ofNullable(NEXT.get(this).get(step));
    }

    /** Still to be answered: the clock runs, reminders and alerts go out. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public static Set<ComplaintState> open() {
        return OPEN;
    }

    /** {@code under investigation}, as pages show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
