package dev.steward.support;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

/**
 * A flow through the API written against a client generated from the OpenAPI document at test
 * time ({@code src/test/resources/clientflow}); the test sees it through this interface only, so
 * the test compiles whatever the generator produces.
 */
public interface ClientFlow {

    /** What the flow saw, for the test to judge. */
    record Observed(String tokenRole, boolean secretShown, int createdVersion, String readEmail, int correctedVersion,
            String correctedEmail, int imported, List<String> exportedEmails, String erasedSubjectRef, int readAfterErasure,
            String problemType, String problemMediaType, String bundleState, Path bundleZip, int secondDownload,
            String secondDownloadType) {
    }

    /**
     * Runs the flow as a customer's system would: issue its own token with the administrator's,
     * then write, read, correct, import (NDJSON), export and erase a subject's record, and fetch an evidence bundle.
     */
    Observed run(String baseUri, HttpClient.Builder http, String adminToken, String subjectId) throws Exception;
}
