package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.keys.ErasureReceipt.ErasureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureJournalTest {

    private static final SubjectRef ALICE = new SubjectRef("a".repeat(64));
    private static final SubjectRef BOB = new SubjectRef("b".repeat(64));

    @TempDir
    Path dir;

    @Test
    void linesChainAndSurviveReopening() {
        Path file = dir.resolve("erasures.log");
        TenantId tenant = TenantId.random();
        List<ErasureReceipt> receipts = new ArrayList<>();
        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            assertThat(journal.headHash()).isEqualTo(ErasureJournal.GENESIS);
            receipts.add(journal.append(ErasureKind.SUBJECT, tenant, ALICE));
            receipts.add(journal.append(ErasureKind.TENANT, tenant, null));
        }

        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            assertThat(journal.receipts()).isEqualTo(receipts);
            assertThat(journal.headHash()).isEqualTo(receipts.get(1).journalHash());
            assertThat(journal.isErased(tenant, ALICE)).isTrue();
            assertThat(journal.isErased(tenant, BOB)).as("whole tenant erased").isTrue();
            assertThat(journal.isErased(TenantId.random(), ALICE)).isFalse();
        }
    }

    @Test
    void alteredLineIsDetectedOnOpening() throws Exception {
        Path file = journalWithTwoLines();
        Files.writeString(file, Files.readString(file).replaceFirst("a{64}", "c".repeat(64)));

        assertThatThrownBy(() -> ErasureJournal.open(file, Fixture.CLOCK))
                .isInstanceOf(ErasureJournalTampered.class).hasMessageContaining("line 1");
    }

    @Test
    void removedLineIsDetectedOnOpening() throws Exception {
        Path file = journalWithTwoLines();
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(1) + "\n");

        assertThatThrownBy(() -> ErasureJournal.open(file, Fixture.CLOCK))
                .isInstanceOf(ErasureJournalTampered.class).hasMessageContaining("does not chain");
    }

    @Test
    void lineTornByACrashIsDroppedAndTheJournalGoesOn() throws Exception {
        Path file = journalWithTwoLines();
        Files.writeString(file, "0c0ffee half a line", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            assertThat(journal.receipts()).hasSize(2);
            journal.append(ErasureKind.SUBJECT, TenantId.random(), ALICE);
        }
        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            assertThat(journal.receipts()).hasSize(3);
        }
    }

    @Test
    void oneJournalFileHasOneOwner() {
        Path file = dir.resolve("erasures.log");
        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            assertThatThrownBy(() -> ErasureJournal.open(file, Fixture.CLOCK))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }
    }

    private Path journalWithTwoLines() {
        Path file = dir.resolve("erasures.log");
        try (ErasureJournal journal = ErasureJournal.open(file, Fixture.CLOCK)) {
            journal.append(ErasureKind.SUBJECT, TenantId.random(), ALICE);
            journal.append(ErasureKind.SUBJECT, TenantId.random(), BOB);
        }
        return file;
    }
}
