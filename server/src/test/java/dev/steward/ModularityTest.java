package dev.steward;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages talk only through each other's root package: a test fails when one reaches
 * into another's internals or when packages depend on each other in a cycle. Also writes the
 * module diagram into docs/modules.
 */
class ModularityTest {

    /**
     * The plain-Java libraries (ledger, keys, deadlines) share the base package but are not feature modules:
     * their own tests keep them free of Spring; here they are libraries any feature may use.
     */
    private final ApplicationModules modules = ApplicationModules.of(StewardApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("dev.steward.keys..",
                    "dev.steward.ledger..", "dev.steward.deadlines.."));

    @Test
    void featurePackagesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
