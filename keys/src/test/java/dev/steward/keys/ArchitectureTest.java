package dev.steward.keys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.steward.keys", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule keysDoesNotSeeSpring = noClasses().that().resideInAPackage("dev.steward.keys..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the keys module is plain Java, usable by the CLI without a framework");

    @ArchTest
    static final ArchRule keysDoesNotPrintOrLog = noClasses().that().resideInAPackage("dev.steward.keys..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("nothing in the key hierarchy may print; callers decide what to log");
}
