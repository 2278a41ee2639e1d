package org.huzhu.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test class that may run at the same time as the rest of the suite: it needs no Spring context,
 * no shared database, no test clock and no global setting, only what it makes itself (an OCR
 * engine, its own PostgreSQL and application JVM, a temporary folder). The suite runs every other
 * class one after another, in one order, on one thread; classes marked so run beside that chain on
 * the second of two threads (src/test/resources/junit-platform.properties), which keeps the second
 * core busy while the browser tests wait on Chromium. {@code RunsAlongsideTest} checks that no
 * marked class reaches the shared context.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface RunsAlongside {
}
