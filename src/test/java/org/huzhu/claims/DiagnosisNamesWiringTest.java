package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In the application, the diagnosis names know the catalogue's lists as of today's business date. */
class DiagnosisNamesWiringTest extends ApiTest {

    @Autowired
    DiagnosisNames names;

    @Test
    void theApplicationsDiagnosisNamesCarryTheCataloguesLists() {
        var first = names.search("乳腺癌", 5).getFirst();

        assertThat(first.code()).isEqualTo("C50");
        assertThat(first.lists()).contains("重大疾病（重症）", "女性特定恶性肿瘤");
    }
}
