package org.huzhu.benefits;

import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.TestCatalogue;

/** The shipped HB-2026 catalogue and its benefit rules, without Spring. */
final class TestTerms {

    static final CatalogueVersion HB_2026 = TestCatalogue.hb2026();
    static final BenefitEngine ENGINE = BenefitEngine.of(List.of(HB_2026), day -> HB_2026);

    private TestTerms() {
    }
}
