package dev.steward.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Background work goes through the job runner, which runs it once across nodes: a {@code @Scheduled}
 * method would run on every node sharing the database.
 */
class NoScheduledMethodsTest {

    @Test
    void noServerMethodIsScheduledOutsideTheJobRunner() {
        noMethods().should().beAnnotatedWith("org.springframework.scheduling.annotation.Scheduled")
                .because("scheduled work runs once across nodes as a dev.steward.platform.Job")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.steward"));
    }
}
