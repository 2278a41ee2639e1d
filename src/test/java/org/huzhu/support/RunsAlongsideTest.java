package org.huzhu.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestContextManager;

/** Classes that run beside the rest of the suite ({@link RunsAlongside}) reach nothing the rest shares. */
class RunsAlongsideTest {

    /** What a class beside the chain must not touch: the shared context and its clock, and the JVM's global settings. */
    static final ArchRule SHARES_NOTHING = noClasses().that().areAnnotatedWith(RunsAlongside.class)
            .should().beAssignableTo(ApiTest.class)
            .orShould().dependOnClassesThat().belongToAnyOf(ApiTest.class, TestClock.class, TestContextManager.class,
                    SpringBootTest.class, Autowired.class)
            .orShould().callMethod(System.class, "setProperty", String.class, String.class)
            .orShould().callMethod(java.util.TimeZone.class, "setDefault", java.util.TimeZone.class)
            .orShould().callMethod(java.util.Locale.class, "setDefault", java.util.Locale.class)
            .because("a class marked @RunsAlongside runs at the same time as tests that use the shared context and clock");

    /** The suite's test classes, without this test's own examples of what is refused. */
    private static final JavaClasses TESTS = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("RunsAlongsideTest$"))
            .importPackages("org.huzhu");

    @Test
    void classesBesideTheChainShareNothingWithIt() {
        assertThat(TESTS.stream().filter(c -> c.isAnnotatedWith(RunsAlongside.class)).count())
                .as("classes marked to run alongside").isGreaterThanOrEqualTo(10);
        SHARES_NOTHING.check(TESTS);
    }

    @Test
    void onlyTheMarkSaysAClassRunsAtTheSameTimeAsOthers() {
        noClasses().that().doNotHaveFullyQualifiedName(RunsAlongside.class.getName())
                .should().beAnnotatedWith(Execution.class)
                .because("which classes run beside the chain is said in one way, @RunsAlongside").check(TESTS);
    }

    @Test
    void aMarkedClassThatReachesTheSharedContextIsRefused() {
        JavaClasses bad = new ClassFileImporter().importClasses(ReachesTheContext.class, SetsAProperty.class);
        assertThatThrownBy(() -> SHARES_NOTHING.check(bad)).hasMessageContaining("ReachesTheContext")
                .hasMessageContaining("SetsAProperty");
    }

    @RunsAlongside
    abstract static class ReachesTheContext extends ApiTest {
    }

    @RunsAlongside
    static class SetsAProperty {
        void set() {
            System.setProperty("user.timezone", "UTC");
        }
    }
}
