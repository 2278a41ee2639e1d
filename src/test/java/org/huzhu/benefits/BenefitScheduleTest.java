package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.junit.jupiter.api.Test;

/** The benefit rules file: found under catalogue/benefits, joined to its catalogue version, refused when inconsistent. */
class BenefitScheduleTest {

    private static final CatalogueVersion HB = TestTerms.HB_2026;

    @Test
    void shipsRulesForEveryItemOfTheCatalogue() throws IOException {
        List<BenefitSchedule> schedules = BenefitScheduleLoader.load(null);
        assertThat(schedules).extracting(BenefitSchedule::code).containsExactly("HB-2026");
        assertThat(schedules.getFirst().effectiveFrom()).isEqualTo(HB.effectiveFrom());
        assertThat(schedules.getFirst().items().keySet())
                .containsExactlyInAnyOrderElementsOf(HB.items().stream().map(CatalogueVersion.Item::code).toList());
    }

    @Test
    void refusesRulesThatMatchNoCatalogueVersion() throws IOException {
        BenefitSchedule other = read(ship().replace("effectiveFrom: 2025-01-01", "effectiveFrom: 2025-02-01"));
        assertThatThrownBy(() -> BenefitTerms.compile(List.of(HB), d -> HB, List.of(other)))
                .hasMessageContaining("match no catalogue version");
    }

    @Test
    void refusesAnItemWithoutRules() throws IOException {
        String yaml = ship();
        String withoutGig = yaml.substring(0, yaml.indexOf("  GIG_ACCIDENT:"));
        assertThatThrownBy(() -> BenefitTerms.compile(List.of(HB), d -> HB, List.of(read(withoutGig))))
                .hasMessageContaining("GIG_ACCIDENT: no benefit rules");
    }

    @Test
    void refusesALumpSumWithoutAnAmountForEveryPlan() throws IOException {
        BenefitSchedule schedule = read(ship().replace("{STD: \"2000.00\", UPG: \"3000.00\"}", "{STD: \"2000.00\"}"));
        assertThatThrownBy(() -> BenefitTerms.compile(List.of(HB), d -> HB, List.of(schedule)))
                .hasMessageContaining("FEMALE_SPECIAL: class FEMALE_IN_SITU has no amount for plan UPG");
    }

    @Test
    void refusesAnUnreadableRange() throws IOException {
        BenefitSchedule schedule = read(ship().replace("T31.3-T31.9", "T31.9-T31.3"));
        assertThatThrownBy(() -> BenefitTerms.compile(List.of(HB), d -> HB, List.of(schedule)))
                .hasMessageContaining("bad range T31.9-T31.3");
    }

    @Test
    void refusesTiersThatDoNotRise() throws IOException {
        BenefitSchedule schedule = read(ship().replace("{upTo: \"20000.00\", ratio: \"0.70\"}", "{upTo: \"4000.00\", ratio: \"0.70\"}"));
        assertThatThrownBy(() -> BenefitTerms.compile(List.of(HB), d -> HB, List.of(schedule)))
                .hasMessageContaining("HOSPITAL: tiers must rise");
    }

    @Test
    void takesItsFiguresFromTheFileNotFromCode() throws IOException {
        // An office with a 300.00 deductible and a 40% first tier: selfPaid 1,300 → base 1,000 → 400.00.
        BenefitSchedule schedule = read(ship().replace("deductible: \"200.00\"", "deductible: \"300.00\"")
                .replace("{upTo: \"5000.00\", ratio: \"0.60\"}", "{upTo: \"5000.00\", ratio: \"0.40\"}"));
        BenefitEngine engine = new BenefitEngine(BenefitTerms.compile(List.of(HB), d -> HB, List.of(schedule)));
        BenefitRequest request = Claims.illness("2026-03-01").stay("2026-03-01", "2026-03-02").selfPaid("1300.00")
                .cover("HOSPITAL", "STD", 1, "2026-01-10").request();
        assertThat(engine.calculate(request).total()).hasToString("400.00");
        assertThat(TestTerms.ENGINE.calculate(request).total()).hasToString("660.00");
    }

    private static String ship() throws IOException {
        try (var in = BenefitScheduleTest.class.getClassLoader().getResourceAsStream("catalogue/benefits/HB-2026.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BenefitSchedule read(String yaml) {
        return BenefitScheduleLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
