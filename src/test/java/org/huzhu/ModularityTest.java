package org.huzhu;

import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

@RunsAlongside
class ModularityTest {

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirFrontDoors() {
        ApplicationModules.of(HuzhuApplication.class).verify();
    }
}
