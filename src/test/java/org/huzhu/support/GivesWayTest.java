package org.huzhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A class that gives way runs its thread, and the threads it starts, at nice 10, and is set back after; only classes
 * beside the chain give way (a class of the chain doing so would lengthen the suite's longest path).
 */
class GivesWayTest {

    @Test
    void onlyClassesBesideTheChainGiveWay() {
        List<Class<?>> giving = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.huzhu").stream()
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT) && c.getName().endsWith("Test"))
                .<Class<?>>map(c -> c.reflect())
                .filter(c -> Arrays.stream(c.getAnnotationsByType(ExtendWith.class)).anyMatch(e -> List.of(e.value()).contains(GivesWay.class)))
                .toList();
        assertThat(giving).as("classes that give way").hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(c -> assertThat(c.isAnnotationPresent(RunsAlongside.class)).as(c.getName() + " runs alongside").isTrue());
    }

    @Test
    void aClassThatGivesWayRunsAtNiceTenAndIsSetBackAfter() throws Exception {
        AtomicInteger during = new AtomicInteger(-1), started = new AtomicInteger(-1), after = new AtomicInteger(-1);
        Thread thread = new Thread(() -> {
            try {
                GivesWay way = new GivesWay();
                way.beforeAll(null);
                during.set(GivesWay.nice());
                Thread child = new Thread(() -> {
                    try {
                        started.set(GivesWay.nice());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                child.start();
                child.join();
                way.afterAll(null);
                after.set(GivesWay.nice());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();
        assertThat(during.get()).as("the class's thread while it runs").isEqualTo(GivesWay.NICE);
        assertThat(started.get()).as("a thread it starts").isEqualTo(GivesWay.NICE);
        assertThat(after.get()).as("the thread after the class (the suite runs as root)").isZero();
        assertThat(GivesWay.nice()).as("this test's own thread, untouched").isZero();
    }
}
