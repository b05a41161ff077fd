package dev.steward.rights;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** A request's deadline can be extended once (Art. 12(3) GDPR: "by two further months"). */
public final class ExtensionAlreadyGranted extends ProblemException {

    public ExtensionAlreadyGranted() {
        super("extension-already-granted", HttpStatus.CONFLICT, "The deadline was already extended",
                "a request's deadline is extended once, by up to two further months",
                Map.of("errors", List.of(Map.of("field", "months", "message", "the deadline was already extended"))));
    }
}
