package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.benefits.BenefitEngine;
import org.huzhu.benefits.DiagnosisListName;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.TestCatalogue;
import org.huzhu.claims.DiagnosisNames.Match;
import org.huzhu.shared.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding a diagnosis by the plain Chinese words a worker types, over the shipped name list. */
class DiagnosisNamesTest {

    private static final CatalogueVersion HB_2026 = TestCatalogue.hb2026();
    private static final BenefitEngine ENGINE = BenefitEngine.of(List.of(HB_2026), day -> HB_2026);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final DiagnosisNames NAMES = new DiagnosisNames(DataTable.read(DiagnosisNames.SHIPPED, "", DiagnosisNames.HEADER),
            code -> ENGINE.listsContaining(code, TODAY).stream().map(DiagnosisListName::name).toList());

    @Test
    void breastCancerFindsTheBreastCancerFamilyFirstWithItsLists() {
        List<Match> found = NAMES.search("乳腺癌", 10);

        assertThat(found.getFirst()).isEqualTo(new Match("C50", "乳房恶性肿瘤", "乳腺癌", List.of("重大疾病（重症）", "女性特定恶性肿瘤")));
        assertThat(NAMES.search("乳房", 20)).extracting(Match::code).contains("C50", "C50.4", "C50.9", "D05", "D24");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"心梗, I21", "心肌梗死, I21", "急性心肌梗死, I21", "脑梗, I63", "脑梗死, I63", "脑出血, I61", "桡骨远端骨折, S52.5",
            "肺炎, J18", "阑尾炎, K35", "尿毒症, N18.5", "渐冻症, G12.2", "肝移植, Z94.4", "顺产, O80", "剖腹产, O82", "宫颈癌, C53",
            "乳腺原位癌, D05", "胆结石, K80", "腰椎间盘突出, M51", "股骨颈骨折, S72.0", "崴脚, S93.4", "煤气中毒, T58", "化疗, Z51.1", "脊柱骨折, T08"})
    void aPlainWordFindsItsCodeFirst(String typed, String code) {
        assertThat(NAMES.search(typed, 5)).first().extracting(Match::code).isEqualTo(code);
    }

    @Test
    void fractureFindsFracturesByBodyPart() {
        List<Match> found = NAMES.search("骨折", 50);

        assertThat(found).hasSizeGreaterThan(30)
                .allSatisfy(m -> assertThat(m.name() + m.matched()).contains("骨折"))
                .extracting(Match::code).contains("S02", "S22.3", "S32.0", "S42.0", "S52.5", "S62.6", "S72.0", "S82.0", "S92.0");
    }

    @Test
    void standardNamesRankBeforeSynonymsAndShorterBeforeLonger() {
        List<Match> found = NAMES.search("心肌梗死", 10);

        assertThat(found).extracting(Match::code).startsWith("I21").contains("I21.0", "I21.4", "I22", "I25.2");
        assertThat(found.subList(1, found.size())).extracting(m -> m.matched().equals(m.name())).startsWith(true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'乳腺 癌', C50", "'  心梗  ', I21", "ｃ５０, C50", "c50.9, C50.9", "C509, C50.9", "i21, I21"})
    void spacesWidthAndLetterCaseDoNotMatterAndCodesAreFoundToo(String typed, String code) {
        assertThat(NAMES.search(typed, 5)).first().extracting(Match::code).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "　"})
    void blankInputFindsNothing(String typed) {
        assertThat(NAMES.search(typed, 10)).isEmpty();
    }

    @Test
    void oneCharacterFindsOnlyNamesStartingWithIt() {
        assertThat(NAMES.search("癌", 10)).first().extracting(Match::code).isEqualTo("C80");
        assertThat(NAMES.search("胃", 50)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.matched()).startsWith("胃"))
                .extracting(Match::code).contains("C16", "K25", "K29").doesNotContain("C15");
        assertThat(NAMES.search("折", 10)).as("no name starts with 折").isEmpty();
    }

    @Test
    void nothingMatchingFindsNothing() {
        assertThat(NAMES.search("飞机票", 10)).isEmpty();
        assertThat(NAMES.search("Z99.9", 10)).isEmpty();
    }

    @Test
    void theLimitIsKeptAndCapped() {
        assertThat(NAMES.search("骨折", 3)).hasSize(3);
        assertThat(NAMES.search("骨折", 0)).isEmpty();
        assertThat(NAMES.search("恶性肿瘤", 1000)).hasSize(DiagnosisNames.MAX_LIMIT);
    }

    @Test
    void eachMatchNamesTheBenefitListsItsCodeIsOn() {
        assertThat(only("皮肤癌").lists()).containsExactly("重大疾病（轻症）");
        assertThat(only("乳腺原位癌").lists()).containsExactly("重大疾病（轻症）", "女性特定原位癌");
        assertThat(only("烧伤面积30%-39%").lists()).containsExactly("重大疾病（重症）");
        assertThat(only("烧伤面积20%-29%").lists()).isEmpty();
        assertThat(only("阑尾炎").lists()).isEmpty();
    }

    @Test
    void nameOfANationalClinicalCodeFallsBackToItsSubcategoryThenCategory() {
        assertThat(NAMES.nameOf("C50.900x001")).contains("乳房未特指部位的恶性肿瘤");
        assertThat(NAMES.nameOf("I21.901")).contains("急性心肌梗死");
        assertThat(NAMES.nameOf("i63")).contains("脑梗死");
        assertThat(NAMES.nameOf("Y99")).isEmpty();
        assertThat(NAMES.nameOf(null)).isEmpty();
    }

    @Test
    void anOfficeFileAddsSynonymsRenamesAndAddsCodes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hubei.csv"), """
                # 湖北的说法
                code,name,synonyms
                I21,,心肌梗
                K35,急性阑尾炎（湖北）,
                A37,百日咳,鸡咳
                """);

        DiagnosisNames names = DiagnosisNames.load(dir.toString());

        assertThat(names.search("心肌梗", 1)).first().extracting(Match::code).isEqualTo("I21");
        assertThat(names.nameOf("K35")).contains("急性阑尾炎（湖北）");
        assertThat(names.search("急性阑尾炎", 1)).first().extracting(Match::code).isEqualTo("K35");
        assertThat(names.search("鸡咳", 1)).first().extracting(Match::name).isEqualTo("百日咳");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X1,名字,", "C5O,名字,", "A37,,"})
    void aBadOfficeRowStopsTheStartNamingFileAndLine(String row, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "code,name,synonyms\n" + row + "\n");

        assertThatThrownBy(() -> DiagnosisNames.load(dir.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad.csv line 2");
    }

    private static Match only(String typed) {
        return NAMES.search(typed, 1).getFirst();
    }
}
