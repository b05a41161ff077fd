package dev.steward.records;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** A record document exceeds {@link RecordStore#MAX_DOCUMENT_BYTES}. Nothing was stored. */
public final class DocumentTooLarge extends ProblemException {

    public DocumentTooLarge(String field) {
        super("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Document too large",
                field + ": must be at most " + RecordStore.MAX_DOCUMENT_BYTES + " bytes of JSON",
                Map.of("errors", List.of(Map.of("field", field, "message", "must be at most "
                        + RecordStore.MAX_DOCUMENT_BYTES + " bytes of JSON"))));
    }
}
