package dev.steward.rights;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The request is in a state the step cannot be taken from: fulfilling a rejected request, deciding twice... */
public final class StepNotAllowed extends ProblemException {

    public StepNotAllowed(RequestState state, Step step) {
        super("request-step-not-allowed", HttpStatus.CONFLICT, "Step not allowed in this state",
                "the request is " + state + ": it cannot " + step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                Map.of("state", state.name(), "step", step.name(),
                        "errors", List.of(Map.of("field", "state", "message", "is " + state))));
    }
}
