package org.huzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks on a node's GB/T 2260 code against its parent's, lenient where the code system has no relation. */
class DivisionCodeTest {

    private static final OrgNode HUBEI = new OrgNode(1, "湖北省总工会", Level.PROVINCE, null, "/1/", "420000", false);
    private static final OrgNode WUHAN = new OrgNode(2, "武汉市总工会", Level.CITY, 1L, "/1/2/", "420100", false);
    private static final OrgNode XIANTAO = new OrgNode(3, "仙桃市总工会", Level.CITY, 1L, "/1/3/", "429004", false);

    @ParameterizedTest(name = "{0} {1} under {2}: {3}")
    @CsvSource({
            "420000, PROVINCE, -,       ok",
            "420100, PROVINCE, -,       wrong",
            "420800, CITY,     HUBEI,   ok",
            "429004, CITY,     HUBEI,   ok",
            "429021, CITY,     HUBEI,   ok",
            "430100, CITY,     HUBEI,   wrong",
            "420101, CITY,     HUBEI,   wrong",
            "420102, COUNTY,   WUHAN,   ok",
            "420802, COUNTY,   WUHAN,   wrong",
            "420100, COUNTY,   WUHAN,   wrong",
            "429099, COUNTY,   XIANTAO, ok",
            "430199, COUNTY,   XIANTAO, wrong",
            "42010,  COUNTY,   WUHAN,   wrong",
            "4201A2, COUNTY,   WUHAN,   wrong",
    })
    void checksTheCodeAgainstTheParent(String code, Level level, String parent, String expected) {
        OrgNode node = switch (parent) {
            case "HUBEI" -> HUBEI;
            case "WUHAN" -> WUHAN;
            case "XIANTAO" -> XIANTAO;
            default -> null;
        };

        assertThat(DivisionCode.problem(code, level, node).isEmpty()).isEqualTo(expected.equals("ok"));
    }
}
