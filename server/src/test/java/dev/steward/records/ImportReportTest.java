package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An import report stays bounded however many lines are sent, and lists the first lines of each status (SEC-10). */
class ImportReportTest {

    @Test
    void listsTheFirstLinesOfEachStatusWhateverOrderBatchesFinishInAndCountsTheRest() {
        long seed = System.nanoTime();
        List<ImportReport.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            lines.add(i % 3 == 0 ? ImportReport.Line.stored(i, UUID.randomUUID())
                    : ImportReport.Line.rejected(i, "category", "invalid-field", "category: unknown"));
        }
        Collections.shuffle(lines, new Random(seed));
        ImportReport.Tally tally = new ImportReport.Tally(50);
        lines.forEach(tally::add);

        ImportReport report = tally.report(10_000);

        assertThat(report.stored()).as("seed " + seed).isEqualTo(3_333);
        assertThat(report.rejected()).isEqualTo(6_667);
        assertThat(report.results()).hasSize(100);
        assertThat(report.results().stream().filter(l -> l.status() == ImportReport.Status.REJECTED)
                .map(ImportReport.Line::line)).as("seed " + seed)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 75).filter(i -> i % 3 != 0)
                        .boxed().toList());
        assertThat(report.results().stream().filter(l -> l.status() == ImportReport.Status.STORED)
                .map(ImportReport.Line::line)).containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 150).filter(i -> i % 3 == 0).boxed().toList());
        assertThat(report.rejectedNotListed()).isEqualTo(6_617);
        assertThat(report.storedNotListed()).isEqualTo(3_283);
        assertThat(report.note()).contains("6617 more rejected").contains("3283 more stored");
    }

    @Test
    void aReportThatListsEveryLineHasNoNote() {
        ImportReport.Tally tally = new ImportReport.Tally(ImportReport.LISTED);
        tally.add(ImportReport.Line.rejected(2, "line", "invalid-field", "line: is not valid JSON"));
        tally.add(ImportReport.Line.stored(1, UUID.randomUUID()));

        ImportReport report = tally.report(2);

        assertThat(report.results()).extracting(ImportReport.Line::line).containsExactly(1, 2);
        assertThat(report.note()).isNull();
        assertThat(report.storedNotListed()).isZero();
        assertThat(report.rejectedNotListed()).isZero();
    }
}
