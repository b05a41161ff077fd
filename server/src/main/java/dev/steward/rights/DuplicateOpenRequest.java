package dev.steward.rights;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The subject already has an open request of this type in the tenant: it is answered first. */
public final class DuplicateOpenRequest extends ProblemException {

    private final UUID existing;

    public DuplicateOpenRequest(RequestType type, UUID existing) {
        super("duplicate-open-request", HttpStatus.CONFLICT, "An open request of this type exists",
                "the subject already has an open " + type.label().toLowerCase(java.util.Locale.ROOT) + " request",
                Map.of("existingRequest", existing.toString(),
                        "errors", List.of(Map.of("field", "type", "message", "an open request of this type exists"))));
        this.existing = existing;
    }

    /** The open request the subject already has. */
    public UUID existing() {
        return existing;
    }
}
