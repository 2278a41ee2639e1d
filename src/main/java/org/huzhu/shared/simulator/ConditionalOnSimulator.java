package org.huzhu.shared.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A simulated outside party (the bank, the SMS centre …) that Huzhu starts on 127.0.0.1: on when the
 * property {@link #value} is {@code true}, off when it is {@code false}, and when it is not set, on
 * exactly with the demo profile (demo mode and tests).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(SimulatorCondition.class)
public @interface ConditionalOnSimulator {

    /** The property that switches the simulator, e.g. {@code huzhu.bank.simulator.enabled}. */
    String value();
}
