package org.huzhu.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code enabled} only in demo mode; {@code membersPerUnit} sizes the seeded data. */
@ConfigurationProperties("huzhu.demo")
public record DemoProperties(boolean enabled, Integer membersPerUnit) {

    public DemoProperties {
        if (membersPerUnit == null) membersPerUnit = 100;
    }
}
