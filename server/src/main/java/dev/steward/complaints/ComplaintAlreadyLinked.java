package dev.steward.complaints;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The complaint points to this object already. */
public final class ComplaintAlreadyLinked extends ProblemException {

    public ComplaintAlreadyLinked(ComplaintLinkKind kind) {
        super("complaint-already-linked", HttpStatus.CONFLICT, "Linked already",
                "the complaint is linked to this " + kind.name().toLowerCase(java.util.Locale.ROOT) + " already",
                Map.of("errors", List.of(Map.of("field", "reference", "message", "is linked already"))));
    }
}
