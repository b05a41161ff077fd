package dev.steward.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NoSpringArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses ledger = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.steward.ledger");

    @Test
    void ledgerDoesNotDependOnSpring() {
        noClasses().that().resideInAPackage("dev.steward.ledger..").should().dependOnClassesThat()
                .resideInAPackage("org.springframework..").check(ledger);
    }

    @Test
    void verificationAndPureLayersKnowNothingOfStorage() {
        noClasses().that().resideInAnyPackage("dev.steward.ledger.verify..", "dev.steward.ledger.merkle..",
                        "dev.steward.ledger.tiles..", "dev.steward.ledger.note..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.steward.ledger.jdbc..",
                        "dev.steward.ledger.memory..", "java.sql..", "javax.sql..")
                .check(ledger);
    }
}
