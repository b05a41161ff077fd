package dev.steward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Server code reads the time only from the injected {@link Clock} bean, so every deadline, expiry
 * and sweep can be tested by moving the test clock instead of sleeping. Fails on any call or method
 * reference to a {@code java.time} {@code now(...)} that takes no {@code Clock}, to
 * {@code System.currentTimeMillis()}, or to the system clocks ({@code Clock.systemUTC()} ...),
 * outside the exceptions below. ({@code System.nanoTime()} stays allowed: it measures durations,
 * never the time of day.)
 */
@AnalyzeClasses(packages = "dev.steward", importOptions = ImportOption.DoNotIncludeTests.class)
class SystemTimeArchitectureTest {

    /**
     * Code units that may read the system clock, each because no Clock bean can reach it. Add to
     * this list only with such a reason.
     */
    static final Set<String> EXCEPTIONS = Set.of(
            // The Clock bean itself: the one place the system clock enters the application.
            "dev.steward.platform.PlatformConfiguration.clock()",
            // Runs on the environment-prepared event, before any bean exists; hands the clock to
            // SelfSignedCertificate, which takes it as a parameter.
            "dev.steward.platform.SelfSignedTls.create(java.nio.file.Path, java.nio.file.Path, java.nio.file.Path)");

    /** Plain-Java libraries on the server's class path with rules of their own, not server code. */
    private static final String[] LIBRARIES = { "dev.steward.ledger..", "dev.steward.keys.." };

    @ArchTest
    static final ArchRule serverCodeReadsTimeOnlyFromTheClockBean = classes()
            .that().resideInAPackage("dev.steward..").and().resideOutsideOfPackages(LIBRARIES)
            .should(readTimeOnlyFromTheClockBean())
            .because("time is read from the injected java.time.Clock (tests move it); exceptions are listed in "
                    + "SystemTimeArchitectureTest.EXCEPTIONS");

    private static ArchCondition<JavaClass> readTimeOnlyFromTheClockBean() {
        return new ArchCondition<>("read the time only from the Clock bean") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                // calls and method references (Instant::now) alike
                for (JavaCodeUnitAccess<?> access : javaClass.getCodeUnitAccessesFromSelf()) {
                    List<String> parameters = access.getTarget().getRawParameterTypes().stream()
                            .map(JavaClass::getName).toList();
                    if (isSystemClock(access.getTargetOwner(), access.getName(), parameters)
                            && !EXCEPTIONS.contains(access.getOrigin().getFullName())) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    static boolean isSystemClock(JavaClass owner, String name, List<String> parameters) {
        if (owner.getPackageName().equals("java.time") && name.equals("now")) {
            return !parameters.contains(Clock.class.getName());
        }
        if (owner.isEquivalentTo(Clock.class)) {
            return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
        }
        return owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
    }
}
