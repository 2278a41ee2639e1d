package org.huzhu.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion.Item;
import org.huzhu.catalogue.CatalogueVersion.ItemPlan;
import org.huzhu.catalogue.CatalogueVersion.Plan;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped HB-2026 terms against domain §4, and the loader's refusal of terms that do not hang together. */
class CatalogueLoaderTest {

    private static final String YAML = TestCatalogue.hb2026Yaml();
    private static final CatalogueVersion HB_2026 = TestCatalogue.hb2026();

    /** The shipped file with one piece of text replaced; fails loudly if the text is not there. */
    private static String variant(String find, String replace) {
        assertThat(YAML).as("fixture text").contains(find);
        return YAML.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
    }

    private static String version(String code, String effectiveFrom, String hospitalPrice) {
        return YAML.replace("code: HB-2026", "code: " + code)
                .replace("effectiveFrom: 2025-01-01", "effectiveFrom: " + effectiveFrom)
                .replace("price: \"100.00\"", "price: \"" + hospitalPrice + "\"");
    }

    // ---- the shipped terms ------------------------------------------------------------------

    @Test
    void shippedCatalogueHasTheGeneralTermsOfTheDomainGuide() {
        assertThat(HB_2026.code()).isEqualTo("HB-2026");
        assertThat(HB_2026.ageAtStart().min()).isEqualTo(16);
        assertThat(HB_2026.ageAtStart().max()).isEqualTo(65);
        assertThat(HB_2026.renewalGapDays()).isEqualTo(30);
        assertThat(HB_2026.claimDeadlineYears()).isEqualTo(2);
        assertThat(HB_2026.unitParticipation().minimumShare()).isEqualByComparingTo("0.50");
        assertThat(HB_2026.unitParticipation().enrolEveryoneAtOrBelow()).isEqualTo(30);
        assertThat(HB_2026.items()).extracting(Item::code).containsExactlyInAnyOrder(
                "HOSPITAL", "CRITICAL_ILLNESS", "FEMALE_SPECIAL", "ACCIDENT", "GIG_ACCIDENT", "SHORT_ACCIDENT");
    }

    @ParameterizedTest(name = "{0}:{1} {3} × up to {4}, waiting {6} days, {7} months")
    @CsvSource(nullValues = "-", value = {
            "HOSPITAL,         STD, 住院医疗互助保障,                       100.00, 4, -, 30, 12, 0.00",
            "CRITICAL_ILLNESS, A,   重大疾病互助保障（A款）,                  60.00, 5, -, 90, 12, 0.00",
            "FEMALE_SPECIAL,   STD, 女职工特殊疾病互助保障（标准版）,          25.00, 5, F, 90, 12, 0.00",
            "FEMALE_SPECIAL,   UPG, 女职工特殊疾病互助保障（升级版）,          40.00, 5, F, 90, 12, 0.00",
            "ACCIDENT,         STD, 意外伤害互助保障,                        30.00, 4, -, 0,  12, 0.00",
            "GIG_ACCIDENT,     STD, 新就业形态劳动者专项意外伤害互助保障,        0.00, 1, -, 0,  12, 25.00",
            "SHORT_ACCIDENT,   M1,  短期意外伤害互助保障（1个月）,              5.00, 4, -, 0,  1,  0.00",
            "SHORT_ACCIDENT,   M3,  短期意外伤害互助保障（3个月）,             12.00, 4, -, 0,  3,  0.00",
            "SHORT_ACCIDENT,   M6,  短期意外伤害互助保障（6个月）,             20.00, 4, -, 0,  6,  0.00"})
    void shippedItemsAndPlansMatchTheDomainTable(String itemCode, String planCode, String name, String price, int maxShares,
                                                  Gender onlyGender, int waitingDays, int termMonths, String giftPrice) {
        Item item = HB_2026.item(itemCode).orElseThrow();
        Plan plan = item.plan(planCode).orElseThrow();

        assertThat(plan.name()).isEqualTo(name);
        assertThat(plan.price()).isEqualTo(Money.of(price));
        assertThat(plan.giftPrice()).isEqualTo(Money.of(giftPrice));
        assertThat(plan.termMonths()).isEqualTo(termMonths);
        assertThat(item.maxShares()).isEqualTo(maxShares);
        assertThat(item.onlyGender()).isEqualTo(onlyGender);
        assertThat(item.illnessWaitingDays()).isEqualTo(waitingDays);
    }

    @Test
    void eachItemHasExactlyThePlansOfTheDomainTable() {
        assertThat(HB_2026.item("FEMALE_SPECIAL").orElseThrow().plans()).extracting(Plan::code).containsExactly("STD", "UPG");
        assertThat(HB_2026.item("SHORT_ACCIDENT").orElseThrow().plans()).extracting(Plan::code).containsExactly("M1", "M3", "M6");
        assertThat(HB_2026.item("HOSPITAL").orElseThrow().plans()).hasSize(1);
        assertThat(HB_2026.item("CRITICAL_ILLNESS").orElseThrow().plans()).extracting(Plan::code).containsExactly("A");
    }

    @Test
    void onlyTheFemaleSpecialItemIsLimitedToOneSex() {
        assertThat(HB_2026.items()).filteredOn(i -> i.onlyGender() != null).extracting(Item::code).containsExactly("FEMALE_SPECIAL");
        assertThat(HB_2026.item("FEMALE_SPECIAL").orElseThrow().onlyGender()).isEqualTo(Gender.F);
    }

    @Test
    void onlyTheGigAccidentItemIsAGiftForVerifiedNewFormWorkers() {
        assertThat(HB_2026.items()).filteredOn(Item::giftOnly).extracting(Item::code).containsExactly("GIG_ACCIDENT");
    }

    @Test
    void basicBundleIsThreeItemsFor190ForMenAndFourFor215ForWomen() {
        var basic = HB_2026.bundle("BASIC").orElseThrow();

        assertThat(basic.itemsFor(Gender.M)).containsExactly(
                new ItemPlan("HOSPITAL", "STD"), new ItemPlan("CRITICAL_ILLNESS", "A"), new ItemPlan("ACCIDENT", "STD"));
        assertThat(basic.itemsFor(Gender.F)).containsExactly(
                new ItemPlan("HOSPITAL", "STD"), new ItemPlan("CRITICAL_ILLNESS", "A"), new ItemPlan("ACCIDENT", "STD"),
                new ItemPlan("FEMALE_SPECIAL", "STD"));
        assertThat(priceOf(basic.itemsFor(Gender.M))).isEqualTo(Money.of("190.00"));
        assertThat(priceOf(basic.itemsFor(Gender.F))).isEqualTo(Money.of("215.00"));
    }

    private static Money priceOf(List<ItemPlan> items) {
        return items.stream()
                .map(ip -> HB_2026.item(ip.item()).flatMap(i -> i.plan(ip.plan())).orElseThrow().price())
                .reduce(Money.ZERO, Money::plus);
    }

    @Test
    void fundingPoliciesFollowTheSeed() {
        var funding = HB_2026.funding();

        assertThat(funding.defaultPolicyByOwnership())
                .containsEntry("GOVERNMENT", "UNIT_PAYS_WITH_SUBSIDY")
                .containsEntry("STATE_OWNED", "UNIT_PAYS_WITH_SUBSIDY")
                .containsEntry("PRIVATE", "PRIVATE_HALF")
                .containsEntry("OTHER", "UNIT_PAYS");
        assertThat(funding.policy("PRIVATE_HALF").orElseThrow().unionShare()).isEqualByComparingTo("0.50");
        assertThat(funding.policy("PRIVATE_HALF").orElseThrow().unionSubsidyPerPerson()).isEqualTo(Money.ZERO);
        assertThat(funding.policy("UNIT_PAYS_WITH_SUBSIDY").orElseThrow().unionSubsidyPerPerson()).isEqualTo(Money.of("20.00"));
        assertThat(funding.policy("UNIT_PAYS_WITH_SUBSIDY").orElseThrow().unionShare()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(funding.policy("MEMBER_PAYS").orElseThrow().memberPays()).isTrue();
        assertThat(funding.policy("UNIT_PAYS").orElseThrow().memberPays()).isFalse();
    }

    @ParameterizedTest(name = "headcount {0} → at least {1}")
    @CsvSource({"1, 1", "10, 10", "30, 30", "31, 16", "32, 16", "50, 25", "99, 50", "100, 50", "101, 51", "11650, 5825"})
    void unitsOfThirtyOrFewerEnrolEveryoneOthersAtLeastHalf(int headcount, int required) {
        assertThat(HB_2026.unitParticipation().required(headcount)).isEqualTo(required);
    }

    @Test
    void theApplicationLoadsTheShippedVersionFromTheClasspath() throws IOException {
        assertThat(CatalogueLoader.load(null)).extracting(CatalogueVersion::code).contains("HB-2026");
    }

    // ---- terms that do not hang together ------------------------------------------------------

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "items: [HOSPITAL:STD, CRITICAL_ILLNESS:A, ACCIDENT:STD] | items: [HOSPITAL:GOLD, CRITICAL_ILLNESS:A, ACCIDENT:STD]"
                    + " | bundle BASIC names unknown HOSPITAL:GOLD",
            "forWomenAlso: [FEMALE_SPECIAL:STD] | forWomenAlso: [MATERNITY:STD] | bundle BASIC names unknown MATERNITY:STD",
            "defaultPlan: STD | defaultPlan: PLATINUM | HOSPITAL: defaultPlan PLATINUM is not one of its plans",
            "defaultPlan: M1 | defaultPlan: M12 | SHORT_ACCIDENT: defaultPlan M12 is not one of its plans",
            "PRIVATE: PRIVATE_HALF | PRIVATE: NOBODY_PAYS | ownership PRIVATE uses unknown funding policy NOBODY_PAYS",
            "maxShares: 4 | maxShares: 0 | HOSPITAL: maxShares must be at least 1",
            "price: \"30.00\" | price: \"-30.00\" | ACCIDENT:STD: negative price",
            "termMonths: 3} | termMonths: 0} | SHORT_ACCIDENT:M3: termMonths must be at least 1",
            "code: HB-2026 | name0: x | code and effectiveFrom are required",
            "ageAtStart: {min: 16, max: 65} | ageAtStartX: {min: 16, max: 65} | ageAtStart, unitParticipation, funding and items are required"})
    void refusesInconsistentTermsNamingTheProblem(String find, String replace, String problem) {
        String yaml = variant(find, replace);

        assertThatThrownBy(() -> TestCatalogue.read(yaml, "HB-2026-broken.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HB-2026-broken.yaml")
                .hasMessageContaining(problem);
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        String yaml = variant("PRIVATE: PRIVATE_HALF", "PRIVATE: NOBODY_PAYS")
                .replace("forWomenAlso: [FEMALE_SPECIAL:STD]", "forWomenAlso: [FEMALE_SPECIAL:XL]");

        assertThatThrownBy(() -> TestCatalogue.read(yaml, "two-problems.yaml"))
                .hasMessageContaining("bundle BASIC names unknown FEMALE_SPECIAL:XL")
                .hasMessageContaining("ownership PRIVATE uses unknown funding policy NOBODY_PAYS");
    }

    @Test
    void refusesAPlanWithoutAPriceNamingItInsteadOfCrashing() {
        String yaml = variant("{code: STD, name: 住院医疗互助保障, price: \"100.00\", termMonths: 12}",
                "{code: STD, name: 住院医疗互助保障, termMonths: 12}");

        assertThatThrownBy(() -> TestCatalogue.read(yaml, "no-price.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-price.yaml")
                .hasMessageContaining("HOSPITAL:STD");
    }

    @Test
    void refusesTwoItemsWithTheSameCode() {
        String yaml = variant("  - code: SHORT_ACCIDENT", "  - code: ACCIDENT");

        assertThatThrownBy(() -> TestCatalogue.read(yaml, "twice.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice.yaml")
                .hasMessageContaining("ACCIDENT");
    }

    @Test
    void refusesAnAgeRangeWhoseMinimumExceedsItsMaximum() {
        String yaml = variant("ageAtStart: {min: 16, max: 65}", "ageAtStart: {min: 65, max: 16}");

        assertThatThrownBy(() -> TestCatalogue.read(yaml, "ages.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ages.yaml")
                .hasMessageContaining("ageAtStart");
    }

    @Test
    void bundlesAreOptional() {
        String yaml = YAML.substring(0, YAML.indexOf("bundles:"));

        CatalogueVersion v = TestCatalogue.read(yaml, "no-bundles.yaml");

        assertThat(v.bundles()).isEmpty();
        assertThat(v.bundle("BASIC")).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotACatalogue() {
        assertThatThrownBy(() -> TestCatalogue.read("items: [unclosed", "junk.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("junk.yaml");
        assertThatThrownBy(() -> TestCatalogue.read(variant("price: \"100.00\"", "price: \"100.001\""), "fen.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fen.yaml");
    }

    // ---- versions ------------------------------------------------------------------------------

    @ParameterizedTest(name = "coverage starting {0} → {1}")
    @CsvSource({
            "2025-01-01, HB-2026",
            "2026-12-31, HB-2026",
            "2027-01-01, HB-2027",
            "2027-01-02, HB-2027",
            "2035-06-30, HB-2027"})
    void theVersionInForceIsTheLatestEffectiveOnOrBeforeTheDay(LocalDate day, String code) {
        CatalogueVersion v2027 = TestCatalogue.read(version("HB-2027", "2027-01-01", "110.00"), "HB-2027.yaml");
        Catalogue catalogue = new Catalogue(List.of(HB_2026, v2027));

        assertThat(catalogue.activeOn(day).code()).isEqualTo(code);
    }

    @Test
    void versionsDroppedIntoTheCatalogueDirectoryAreLoadedInDateOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("HB-2027.yaml"), version("HB-2027", "2027-01-01", "110.00"));
        Files.writeString(dir.resolve("HB-2024.yml"), version("HB-2024", "2024-01-01", "90.00"));
        Files.writeString(dir.resolve("notes.txt"), "not a catalogue");

        Catalogue catalogue = new Catalogue(CatalogueLoader.load(dir));

        assertThat(catalogue.versions()).extracting(CatalogueVersion::code).containsExactly("HB-2024", "HB-2026", "HB-2027");
        assertThat(catalogue.activeOn(LocalDate.of(2024, 12, 31)).code()).isEqualTo("HB-2024");
        assertThat(catalogue.activeOn(LocalDate.of(2025, 1, 1)).code()).isEqualTo("HB-2026");
        assertThat(catalogue.activeOn(LocalDate.of(2027, 1, 1)).item("HOSPITAL").orElseThrow().plan("STD").orElseThrow().price())
                .isEqualTo(Money.of("110.00"));
    }

    @Test
    void aBrokenFileInTheCatalogueDirectoryStopsTheLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("HB-2027.yaml"), version("HB-2027", "2027-01-01", "110.00").replace("PRIVATE: PRIVATE_HALF", "PRIVATE: HALF"));

        assertThatThrownBy(() -> CatalogueLoader.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HB-2027.yaml")
                .hasMessageContaining("unknown funding policy HALF");
    }
}
