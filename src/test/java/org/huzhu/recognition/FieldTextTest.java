package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {
        "42O1Ol26 → 42010126",
        "OOl2345678 → 0012345678",
        "4201 0126 → 42010126",
        "|42010126| → 42010126",
        "42032631.,.。 → 42032631",
        "、42032631 → 42032631",
        "”42402648 → 42402648",
        ":”42402648 → 42402648",
        "4201B126 → 4201B126",
        "l2345678 → 12345678",
        "ZY2026 → ZY2026"})
    void codesBecomeDigitsOnlyWhereALetterCannotBeMeant(String read, String code) {
        assertThat(FieldText.code(read)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {
        "8200.00 → 8200.00",
        "¥15,000.00 → 15000.00",
        "0,00 → 0.00",
        "450,00 → 450.00",
        "8456.78元 → 8456.78",
        "|8200.00| → 8200.00",
        "45O.0O → 450.00",
        "1500000 → 1500000",
        "15000.0 → 15000.0",
        "100.00 200.00 → 100.00200.00",
        "12595.68mw → 12595.68",
        "10044.875” → 10044.875”",
        "10396.0:+ → 10396.0:+",
        "976.21喜ee人柱sx75]噶 → 976.21",
        "976.2喜75 → 976.2喜75",
        "9762.1喜5 → 9762.1喜5",
        "x12595.68 → 12595.68",
        "Y#13287.93 → 13287.93",
        "YX1227.68 → 1227.68",
        "#2050.47 → 2050.47",
        "##2050.47 → ##2050.47",
        "Y#X12.00 → Y#X12.00",
        "a12.00 → a12.00",
        "Y1652.02 → 1652.02",
        "YY1567.63 → 1567.63",
        "XY160.38 → 160.38",
        "半1730.01 → 1730.01",
        "兰0.00 → 0.00",
        "Y 12.00元 → 12.00",
        "YYY12.00 → YYY12.00",
        "1¥515.17 → 1¥515.17",
        "1 ￥515.17 → 1 ￥515.17",
        "¥515.17 → 515.17"})
    void amountsAreTheOneAmountInTheValueOrTheTextAsRead(String read, String amount) {
        assertThat(FieldText.money(read)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{0}: money {1}, a 0 before its first digit {2}")
    @CsvSource({"10044.87, true, false", "0.00, true, false", "0.35, true, false", "100.00, true, false",
        "0044.87, false, true", "00.00, false, true", "05.10, false, true", "1044.8, false, false", "¥10044.87, false, false"})
    void anAmountHasNoZeroBeforeItsFirstDigit(String text, boolean money, boolean leadingZero) {
        assertThat(FieldText.isMoney(text)).isEqualTo(money);
        assertThat(FieldText.leadingZero(text)).isEqualTo(leadingZero);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {
        "2026-05-12 → 2026-05-12",
        "2026年5月2日 → 2026-05-02",
        "2026/5/2 → 2026-05-02",
        "2026.05.12 → 2026-05-12",
        "20260512 → 2026-05-12",
        "2O26-O5-l2 → 2026-05-12",
        "2025/03V/14 → 2025-03-14",
        "2026/02V10 → 2026-02-10",
        "2026/V02/10 → 2026-02-10",
        "2026V02V10 → 2026-02-10",
        "2026-02-30 → 2026-02-30",
        "五月十二日 → 五月十二日"})
    void datesBecomeYearMonthDayWithoutJudgingThem(String read, String date) {
        assertThat(FieldText.date(read)).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"fcO97l → fc0971", "FC0971 → fc0971", "fc 0971 → fc0971", "clcef5 → c1cef5",
        "b5Ibc2 → b51bc2", "aoa1c2 → a0a1c2", "clcez5 → clcez5"})
    void checkCodesBecomeLowerCaseHexadecimal(String read, String code) {
        assertThat(FieldText.checkCode(read)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"|张三 → 张三", "武汉市第一医院| → 武汉市第一医院", "买买提·艾力 → 买买提·艾力", "京山、市人民医院 → 京山市人民医院",
            "”利川市人民医院 → 利川市人民医院", "“林秀 → 林秀", "‘张三’ → 张三"})
    void namesLoseTheStrokesReadFromRules(String read, String name) {
        assertThat(FieldText.name(read)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"麦克-李 → 麦克·李", "阿依.买买提 → 阿依·买买提", "买买提 • 艾力 → 买买提·艾力",
            "古丽・阿不都 → 古丽·阿不都", "巴图—孟和 → 巴图·孟和", "王芳. → 王芳", "|张三 → 张三", "张三 → 张三"})
    void aPersonsNameKeepsTheMiddleDotOCRReadAsAnotherMark(String read, String name) {
        assertThat(FieldText.personName(read)).isEqualTo(name);
    }

    /** The number of the next cell read on after the name (its label under the seal) is not the name's; a short run of digits is left for the checks. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"吴梅420882199510121265 → 吴梅", "高杰 422801197812228038住院号 → 高杰",
            "买买提·艾力650102199001011234 → 买买提·艾力", "张三12 → 张三12", "张420882199510121265 → 张420882199510121265"})
    void aPersonsNameIsNotTheNumberReadOnAfterIt(String read, String name) {
        assertThat(FieldText.personName(read)).isEqualTo(name);
    }

    /**
     * A payer's name read after the seal's strokes over its label (marks, digits, the label's last characters): the
     * Chinese characters after the last that is not, when they are two to four and begin with a surname; Chinese strokes
     * run into the name, or what is left beginning with no surname, stay as read for the checks to refuse.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"+陈怡军 → 陈怡军", "+3陈怡军 → 陈怡军", "3人)赵静 → 赵静", "A者`唐丽 → 唐丽",
            "交光人)由二)黄明 → 黄明", "了陈怡军 → 了陈怡军", "-2责伟 → -2责伟", "7会人二亿玛 → 7会人二亿玛", "王芳 → 王芳",
            "买买提·艾力 → 买买提·艾力", "+欧阳明华 → 欧阳明华", "陈x → 陈x", "5赵 → 5赵"})
    void aPayersNameIsWhatFollowsTheStrokesReadBeforeIt(String read, String name) {
        assertThat(FieldText.nameAfterStrokes(read)).isEqualTo(name);
    }

    /**
     * The marks a name drops as stray strokes (colons, quotes, commas) still part what the seal left of the payer's label
     * from the name: the characters after the last mark, when they make a name and what was read whole does not. A
     * name read whole, a speck in it read as a comma or not, stays whole; what is left beginning with no surname, too.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"患者如:;:“王强雪 → 王强雪", "取:林超 → 林超", "志古;徐雪涛 → 徐雪涛",
            "交款八蝇恩者厂:,刘梅秀 → 刘梅秀", "张,明华 → 张明华", "王强雪 → 王强雪", "“王强雪， → 王强雪", "患者如:;:“丽红 → 患者如丽红",
            "+，陈怡军 → 陈怡军", "买买提. 艾力 → 买买提·艾力", "吴梅420882199510121265 → 吴梅", "交款人:欧阳明华 → 欧阳明华"})
    void aPayersNameIsWhatFollowsTheLastMarkWhenWhatWasReadWholeIsNoName(String read, String name) {
        assertThat(FieldText.payerName(read)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"利川市人民医院龟， → 利川市人民医院", "武汉市中心医院; → 武汉市中心医院",
            "华中科技大学同济医学院附属协和医院岂 → 华中科技大学同济医学院附属协和医院", "武汉市中心医院 → 武汉市中心医院",
            "宜昌市中心人民医院许霞刚 → 宜昌市中心人民医院许霞刚", "利川ff → 利川ff", "京山市中医医院复和 → 京山市中医医院",
            "华中科技大学同济医学院附属协和医院复忆 → 华中科技大学同济医学院附属协和医院", "利川市人民医院收款; → 利川市人民医院",
            "武汉大学人民医院东院 → 武汉大学人民医院东院", "京山市中医医院复核人 → 京山市中医医院复核人",
            "宜昌市中心人民医吃复忆 → 宜昌市中心人民医吃", "宜昌市ok复和 → 宜昌市ok", "宜昌市LEE复让; → 宜昌市LEE", "复和 → 复和",
            "宜昌市中心人民医 → 宜昌市中心人民医"})
    void aHospitalReadWithWhatFollowedItEndsAtItsUsualEnding(String read, String hospital) {
        assertThat(FieldText.upToItsEnding(read)).isEqualTo(hospital);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"(章)天门市第一人民医院 → 天门市第一人民医院", "〈章】:恩施州中心医院 → 恩施州中心医院",
            "i):京山市人民医院 → 京山市人民医院", "1京h志人民医院 → 京h志人民医院",
            "章)武汉市普仁医院 → 武汉市普仁医院", "章丘市人民医院 → 章丘市人民医院", "武汉市第一医院 → 武汉市第一医院",
            "〈(章):，江陵县熊河镇卫生院 → 江陵县熊河镇卫生院", "i章)随州市中心医院 → 随州市中心医院"})
    void hospitalsLoseTheStampMarkOfTheirLabel(String read, String hospital) {
        assertThat(FieldText.hospital(read)).isEqualTo(hospital);
    }

    /**
     * A grey scan's 武汉市第一医院, its 一 read as two hyphens, a tilde and a hyphen, a dash; three dashes stay, and a dash
     * before the name is no 一 but, as anything before its first character, no part of it.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"武汉市第--医院 → 武汉市第一医院", "武汉市第~-医院复本 → 武汉市第一医院复本", "天门市第—人民医院 → 天门市第一人民医院",
            "武汉市第---医院 → 武汉市第---医院", "-武汉市中心医院 → 武汉市中心医院"})
    void aHospitalsOneReadAsDashesIsOne(String read, String hospital) {
        assertThat(FieldText.hospital(read)).isEqualTo(hospital);
    }

    /** A worn scanner's 人 read as 入 in a hospital's name is its 人: no listed hospital's name holds 入. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"利川市入民医院 → 利川市人民医院", "荆门市筝二入民医贬 → 荆门市筝二人民医贬", "武汉市第一医院 → 武汉市第一医院"})
    void aHospitalsPersonReadAsEnterIsAPerson(String read, String hospital) {
        assertThat(FieldText.hospital(read)).isEqualTo(hospital);
    }

    @Test
    void noListedHospitalsNameHoldsTheCharacterItsPersonIsMisreadAs() {
        assertThat(HospitalList.shipped().names()).isNotEmpty()
                .noneMatch(name -> name.indexOf(FieldText.READ_FOR_PERSON) >= 0);
    }

    @Test
    void aPersonsNameKeepsItsDashAsAMiddleDot() {
        assertThat(FieldText.personName("买买提-艾力")).isEqualTo("买买提·艾力");
    }
}
