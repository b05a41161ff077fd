package dev.steward.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * What an NDJSON import did. Lines are committed in batches: every line reported {@code STORED} is
 * committed; a line reported {@code REJECTED} changed nothing.
 *
 * <p>The report stays bounded however many lines are sent (SEC-10): the counts cover every line,
 * {@code results} lists at most the first {@link #LISTED} stored and the first {@link #LISTED}
 * rejected lines (by line number), and when any were left out {@code storedNotListed} /
 * {@code rejectedNotListed} count them and {@code note} says so.
 */
public record ImportReport(int lines, int stored, int rejected, List<Line> results, int storedNotListed,
        int rejectedNotListed, String note) {

    /** How many lines of each status a report lists at most. */
    public static final int LISTED = 1000;

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

    /**
     * Collects a report while an import runs, holding at most {@code listed} lines of each status
     * whatever the upload's size. Batches finish out of order, so it keeps the lowest line numbers.
     * Not thread-safe: the request's thread adds every finished batch.
     */
    static final class Tally {

        private static final Comparator<Line> LAST_FIRST = Comparator.comparingInt(Line::line).reversed();

        private final int listed;
        private final PriorityQueue<Line> storedLines = new PriorityQueue<>(LAST_FIRST);
        private final PriorityQueue<Line> rejectedLines = new PriorityQueue<>(LAST_FIRST);
        private int stored;
        private int rejected;

        Tally(int listed) {
            this.listed = listed;
        }

        void add(Line line) {
            boolean isStored = line.status() == Status.STORED;
            if (isStored) {
                stored++;
            } else {
                rejected++;
            }
            PriorityQueue<Line> kept = isStored ? storedLines : rejectedLines;
            kept.add(line);
            if (kept.size() > listed) {
                kept.poll();
            }
        }

        void addAll(List<Line> lines) {
            lines.forEach(this::add);
        }

        ImportReport report(int lines) {
            List<Line> results = new ArrayList<>(storedLines.size() + rejectedLines.size());
            results.addAll(storedLines);
            results.addAll(rejectedLines);
            results.sort(Comparator.comparingInt(Line::line));
            int storedNotListed = stored - storedLines.size();
            int rejectedNotListed = rejected - rejectedLines.size();
            String note = storedNotListed == 0 && rejectedNotListed == 0 ? null
                    : "results lists the first " + listed + " stored and the first " + listed + " rejected lines; "
                            + rejectedNotListed + " more rejected and " + storedNotListed
                            + " more stored lines are counted but not listed";
            return new ImportReport(lines, stored, rejected, List.copyOf(results), storedNotListed, rejectedNotListed,
                    note);
        }
    }
}
