package dev.steward.complaints;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The complaint is in a state the step cannot be taken from: answering a withdrawn complaint, closing an open one... */
public final class ComplaintStepNotAllowed extends ProblemException {

    public ComplaintStepNotAllowed(ComplaintState state, ComplaintStep step) {
        super("complaint-step-not-allowed", HttpStatus.CONFLICT, "Step not allowed in this state",
                "the complaint is " + state.label() + ": it cannot " + step.label(),
                Map.of("state", state.name(), "step", step.name(),
                        "errors", List.of(Map.of("field", "state", "message", "is " + state))));
    }
}
