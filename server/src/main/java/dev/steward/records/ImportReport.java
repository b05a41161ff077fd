package dev.steward.records;

import java.util.List;
import java.util.UUID;

/**
 * What an NDJSON import did, line by line. Lines are committed in batches: every line reported
 * {@code STORED} is committed; a line reported {@code REJECTED} changed nothing.
 */
public record ImportReport(int lines, int stored, int rejected, List<Line> results) {

    public enum Status { STORED, REJECTED }

    /**
     * @param line 1-based line number in the uploaded stream
     * @param field what was wrong (for a rejection), e.g. {@code category}, {@code document}, {@code line}
     */
    public record Line(int line, Status status, UUID recordId, String field, String problem, String message) {

        static Line stored(int line, UUID id) {
            return new Line(line, Status.STORED, id, null, null, null);
        }

        static Line rejected(int line, String field, String problem, String message) {
            return new Line(line, Status.REJECTED, null, field, problem, message);
        }
    }
}
