package dev.steward.records;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** A record was created under an id the tenant already uses; the field is data, never parsed from the message. */
public final class RecordIdTaken extends ProblemException {

    public static final String FIELD = "id";

    public RecordIdTaken(UUID id) {
        super("record-id-taken", HttpStatus.CONFLICT, "Record id taken", "a record with this id exists already",
                Map.of("errors", List.of(Map.of("field", FIELD, "message", "a record with this id exists already"))));
    }
}
