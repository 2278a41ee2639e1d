package org.huzhu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirFrontDoors() {
        ApplicationModules.of(HuzhuApplication.class).verify();
    }
}
