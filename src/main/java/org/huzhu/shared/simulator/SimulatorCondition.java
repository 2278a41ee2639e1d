package org.huzhu.shared.simulator;

import java.util.Arrays;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The rule of {@link ConditionalOnSimulator}: the property when set, else the demo profile. */
class SimulatorCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSimulator.class.getName());
        String property = attributes == null ? null : (String) attributes.get("value");
        String enabled = property == null ? null : context.getEnvironment().getProperty(property);
        if (enabled != null && !enabled.isBlank()) return Boolean.parseBoolean(enabled.strip());
        return Arrays.asList(context.getEnvironment().getActiveProfiles()).contains("demo");
    }
}
