package org.huzhu;

import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.core.ApplicationModules;

@RunsAlongside
@ExtendWith(GivesWay.class)
class ModularityTest {

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirFrontDoors() {
        ApplicationModules.of(HuzhuApplication.class).verify();
    }
}
