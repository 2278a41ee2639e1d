package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptExtractorTest {

    @Test
    void readsEveryFieldAndFeeLineOfTheInpatientReceiptInTheDocs() {
        TestReceipt receipt = TestReceipt.inpatient();

        ReceiptReading reading = ReceiptExtractor.extract(List.of(receipt.page()));

        assertThat(reading.kind()).isEqualTo(DocumentKind.INPATIENT_RECEIPT);
        assertThat(texts(reading)).isEqualTo(receipt.fields);
        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
        assertThat(reading.allLinesRead()).isTrue();
        assertThat(reading.warnings()).isEmpty();
    }

    @Test
    void readsAnOutpatientReceiptWithAVisitDateAndNoStay() {
        TestReceipt receipt = TestReceipt.outpatient();

        ReceiptReading reading = ReceiptExtractor.extract(List.of(receipt.page()));

        assertThat(reading.kind()).isEqualTo(DocumentKind.OUTPATIENT_RECEIPT);
        assertThat(texts(reading)).isEqualTo(receipt.fields).containsKey("visitDate").doesNotContainKey("admissionDate");
        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
    }

    /**
     * A grey scan's grid rule and specks before an item's name come back as marks (床位费 23.00|”诊察费 792.46): the item
     * is named without them, as the receipt prints it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"”", "|”", "“", "'", "\"", "‘|"})
    void anItemsNameIsReadWithoutTheMarksAScanPutBeforeIt(String marks) {
        TestReceipt receipt = TestReceipt.inpatient();
        Set<String> names = receipt.lines.stream().map(FeeLine::name).collect(Collectors.toSet());
        PageText clean = receipt.page();
        PageText marked = new PageText(0, clean.width(), clean.height(), clean.boxes().stream()
                .map(b -> names.contains(b.text()) ? new TextBox(marks + b.text(), b.x(), b.y(), b.width(), b.height(), b.confidence()) : b)
                .toList());

        ReceiptReading reading = ReceiptExtractor.extract(List.of(marked));

        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
    }

    @ParameterizedTest(name = "shuffle seed {0}")
    @CsvSource({"1", "2", "3"})
    void readsTheSameFromOneBoxPerCharacterInAnyOrder(long seed) {
        TestReceipt receipt = TestReceipt.inpatient();

        ReceiptReading reading = ReceiptExtractor.extract(List.of(receipt.glyphPage(seed)));

        assertThat(texts(reading)).isEqualTo(receipt.fields);
        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
    }

    @ParameterizedTest(name = "words of up to {0} characters, seed {1}")
    @CsvSource({"2, 7", "4, 8", "6, 9"})
    void readsTheSameFromWordBoxesWithSmallGapsAndSlightlyUnevenBaselines(int maxWord, long seed) {
        TestReceipt receipt = TestReceipt.outpatient();
        Random random = new Random(seed);
        List<TextBox> boxes = new ArrayList<>();
        for (TestReceipt.Placed s : receipt.drawing()) {
            double x = s.x();
            String text = s.text();
            for (int i = 0; i < text.length(); ) {
                int n = Math.min(text.length() - i, 1 + random.nextInt(maxWord));
                String word = text.substring(i, i + n);
                double width = new TestReceipt.Placed(word, 0, 0, s.size()).width();
                double jitter = (random.nextDouble() - 0.5) * 0.6;
                boxes.add(new TextBox(word, x, s.y() + jitter, width * 0.95, s.size() * (0.9 + 0.2 * random.nextDouble()), 0.9));
                x += width + 0.3;
                i += n;
            }
        }

        ReceiptReading reading = ReceiptExtractor.extract(List.of(new PageText(0, 240, 140, boxes)));

        assertThat(texts(reading)).isEqualTo(receipt.fields);
        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
        assertThat(reading.fields().get(ReceiptField.TOTAL).confidence()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest(name = "tilted {0}°")
    @CsvSource({"1.5", "-1.5", "3", "-4"})
    void readsAPageReadAskewAsIfItWereStraight(double degrees) {
        TestReceipt receipt = TestReceipt.inpatient();
        double angle = Math.toRadians(degrees);
        List<TextBox> tilted = new ArrayList<>();
        for (TextBox b : receipt.glyphPage(5).boxes()) {
            double x = b.x() + b.width() / 2 - 120;
            double y = b.y() + b.height() / 2 - 70;
            double nx = 120 + x * Math.cos(angle) - y * Math.sin(angle);
            double ny = 70 + x * Math.sin(angle) + y * Math.cos(angle);
            tilted.add(new TextBox(b.text(), nx - b.width() / 2, ny - b.height() / 2, b.width(), b.height(), 1.0));
        }

        ReceiptReading reading = ReceiptExtractor.extract(List.of(new PageText(0, 240, 140, tilted)));

        assertThat(texts(reading)).isEqualTo(receipt.fields);
        assertThat(reading.lines()).containsExactlyElementsOf(receipt.lines);
        assertThat(TextLine.skew(tilted)).isCloseTo(angle, org.assertj.core.data.Offset.offset(Math.toRadians(0.2)));
    }

    @Test
    void keepsALineTogetherAroundSpecksAndTallGlyphs() {
        PageText page = page(
                new TextBox("4", 56, 19.9, 0.2, 0.2, 0.02),
                new TextBox("医保统筹基金支付", 10, 20, 28, 3.5, 0.95),
                new TextBox("：", 38, 19.6, 0.6, 5.4, 0.9),
                new TextBox("15000.00", 42, 20.1, 14, 3.3, 0.9),
                new TextBox(".", 57, 23, 0.4, 0.4, 0.5),
                new TextBox("其他支付：0.00", 72, 20, 24.5, 3.5, 0.9),
                new TextBox("个人自付：5000.00", 10, 27, 30, 3.5, 0.9));

        List<TextLine> lines = TextLine.of(page);

        assertThat(lines).extracting(TextLine::text).containsExactly("医保统筹基金支付:15000.00.其他支付:0.00", "个人自付:5000.00");
    }

    /**
     * A row printed off the form's grid: the values 1.8 mm above their labels, too far for the half of a height boxes share
     * on one line, are that row (票据代码：42010126). Rows a line height and more apart stay apart; so do bands whose boxes
     * stand over each other, a seal's character between rows, and a band of fewer than four characters.
     */
    @Test
    void joinsARowWhoseValuesArePrintedOffTheGrid() {
        PageText offGrid = page(
                new TextBox("票据代码：", 10, 20, 17.5, 3.5, 0.9), new TextBox("42010126", 30, 18.2, 14, 3.5, 0.9),
                new TextBox("票据号码：", 80, 20, 17.5, 3.5, 0.9), new TextBox("0044468893", 100, 18.2, 17.5, 3.5, 0.9),
                new TextBox("住院号：", 10, 26, 14, 3.5, 0.9), new TextBox("ZY2026944016", 30, 24.2, 21, 3.5, 0.9),
                new TextBox("交款人：", 10, 32, 14, 3.5, 0.9), new TextBox("黄明", 30, 30.2, 7, 3.5, 0.9));
        PageText stacked = page(new TextBox("收款单位：", 10, 20, 17.5, 3.5, 0.9), new TextBox("华中科技大学同济医院", 12, 22.8, 35, 3.5, 0.9));
        PageText seal = page(new TextBox("票据代码：", 10, 20, 17.5, 3.5, 0.9), new TextBox("42010126", 30, 20, 14, 3.5, 0.9),
                new TextBox("章", 50, 17.5, 3.5, 3.5, 0.2));

        // a two-character name alone is not joined: a seal's words stand so
        assertThat(TextLine.of(offGrid)).extracting(TextLine::text)
                .containsExactly("票据代码:42010126票据号码:0044468893", "住院号:ZY2026944016", "黄明", "交款人:");
        assertThat(texts(ReceiptExtractor.extract(List.of(offGrid)))).containsEntry("invoiceCode", "42010126")
                .containsEntry("invoiceNumber", "0044468893");
        assertThat(TextLine.of(stacked)).hasSize(2);
        assertThat(TextLine.of(seal)).extracting(TextLine::text).containsExactly("章", "票据代码:42010126");
    }

    /**
     * A colour photo of a form whose data was printed 1.8 mm below its labels' rows (or above them): each row's values
     * stand more than half their height off it, on the next row's labels (交款人： beside 票据代码's 42010126), and were
     * read as that row's. Read in two layers, the data's offset from the form's rows is the one its boxes share
     * ({@code TextLine.dataOffset}), and its boxes are grouped as if moved back onto the rows: each line holds its labels
     * and its values, where they were read. A page read whole, its inks untold, is grouped as before; data a little off
     * its rows is grouped on them as before.
     */
    @ParameterizedTest(name = "data {0} below its labels, read in two layers: {1}")
    @CsvSource({"2.6, true", "-2.6, true", "2.6, false", "0.6, true"})
    void aPhotosDataPrintedOffItsLabelsRowsIsGroupedOntoThem(double drop, boolean parted) {
        String[][] rows = {{"票据代码：", "42010126", "票据号码：", "0044468893"}, {"交款人：", "黄明", "开票日期：", "2026-05-02"},
                {"住院号：", "ZY2026944016", "入院日期：", "2026-04-17"}, {"出院日期：", "2026-04-30", "医保类型：", "职工基本医疗保险"},
                {"个人自付：", "1106.62", "个人自费：", "176.43"}};
        List<TextBox> boxes = new ArrayList<>();
        double[] rowsAt = {20, 25, 30.5, 35.3, 40.5}; // a form's rows stand at pitches of their own
        for (int r = 0; r < rows.length; r++) {
            double y = rowsAt[r];
            for (int c = 0; c < 4; c++) {
                String text = rows[r][c];
                double x = 10 + 70 * (c / 2) + 20 * (c % 2);
                boolean value = c % 2 == 1;
                TextBox.Ink ink = !parted ? TextBox.Ink.EITHER : value ? TextBox.Ink.DATA : TextBox.Ink.FORM;
                // the data printed in a larger size than the labels, as a photo's values read taller
                boxes.add(new TextBox(text, x, value ? y + drop : y, new TestReceipt.Placed(text, 0, 0, 3.5).width(), value ? 4.2 : 3.5, 0.9, ink));
            }
        }
        PageText page = new PageText(0, 240, 140, boxes);

        List<String> lines = TextLine.of(page).stream().map(TextLine::text).toList();

        List<String> onTheirRows = List.of("票据代码:42010126票据号码:0044468893", "交款人:黄明开票日期:2026-05-02",
                "住院号:ZY2026944016入院日期:2026-04-17", "出院日期:2026-04-30医保类型:职工基本医疗保险", "个人自付:1106.62个人自费:176.43");
        if (parted) {
            assertThat(lines).containsExactlyElementsOf(onTheirRows);
            assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "黄明").containsEntry("issueDate", "2026-05-02")
                    .containsEntry("dischargeDate", "2026-04-30").containsEntry("selfPaid", "1106.62");
        } else {
            assertThat(lines).as("a page read whole is grouped by where its boxes stand").doesNotContainAnyElementsOf(onTheirRows);
        }
        TextLine payer = TextLine.of(page).stream().filter(l -> l.text().contains("黄明")).findFirst().orElseThrow();
        int at = payer.text().indexOf("黄明");
        if (Math.abs(drop) > 1) assertThat(payer.left(at)).as("where it was read").isEqualTo(30.0);
    }

    /**
     * Values printed under their labels, a column's, stand off the labels' rows by one distance too, but over the labels:
     * no row printed off the grid, they keep lines of their own (moved onto the labels' rows, 交款人： and 黄明 would be read
     * into each other).
     */
    @Test
    void valuesPrintedUnderTheirLabelsKeepLinesOfTheirOwn() {
        String[][] rows = {{"票据代码：", "42010126", "票据号码：", "0044468893"}, {"交款人：", "黄明", "开票日期：", "2026-05-02"},
                {"住院号：", "ZY2026944016", "入院日期：", "2026-04-17"}, {"出院日期：", "2026-04-30", "医保类型：", "职工基本医疗保险"},
                {"个人自付：", "1106.62", "个人自费：", "176.43"}};
        List<TextBox> boxes = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                String text = rows[r][c];
                boolean value = c % 2 == 1;
                boxes.add(new TextBox(text, 10 + 70 * (c / 2), 20 + 8 * r + (value ? 2.6 : 0), new TestReceipt.Placed(text, 0, 0, 3.5).width(), 3.5,
                        0.9, value ? TextBox.Ink.DATA : TextBox.Ink.FORM));
            }
        }

        List<String> lines = TextLine.of(new PageText(0, 240, 140, boxes)).stream().map(TextLine::text).toList();

        assertThat(lines).containsExactly("票据代码:票据号码:", "420101260044468893", "交款人:开票日期:", "黄明2026-05-02", "住院号:入院日期:",
                "ZY20269440162026-04-17", "出院日期:医保类型:", "2026-04-30职工基本医疗保险", "个人自付:个人自费:", "1106.62176.43");
    }

    static Stream<Arguments> labelSpellings() {
        return Stream.of(
                Arguments.of("full-width colon", List.of("票据代码：42010126")),
                Arguments.of("half-width colon", List.of("票据代码:42010126")),
                Arguments.of("no colon", List.of("票据代码42010126")),
                Arguments.of("spaces between characters", List.of("票 据 代 码 ： 4201 0126")),
                Arguments.of("label and value in separate boxes", List.of("票据代码：", "42010126")),
                Arguments.of("one character misread (碼)", List.of("票据代碼：42010126")),
                Arguments.of("one character missing", List.of("据代码：42010126")),
                Arguments.of("one character extra", List.of("票据代代码：42010126")),
                Arguments.of("O and l read for 0 and 1", List.of("票据代码：42O1Ol26")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelSpellings")
    void findsALabelHoweverItIsSpelledAndReadsTheCodeBesideIt(String what, List<String> pieces) {
        List<TextBox> boxes = new ArrayList<>();
        double x = 10;
        for (String piece : pieces) {
            double width = new TestReceipt.Placed(piece, 0, 0, 3.5).width();
            boxes.add(new TextBox(piece, x, 20, width, 3.5, 1.0));
            x += width + 0.5;
        }
        boxes.add(new TextBox("票据号码：0012345678", 150, 20, 35, 3.5, 1.0));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(new PageText(0, 240, 140, boxes))));

        assertThat(fields).containsEntry("invoiceCode", "42010126").containsEntry("invoiceNumber", "0012345678");
    }

    /**
     * OCR reads the printed brackets of 收款单位（章） as other brackets (〈章】, 【章）, 《章》 …): they fold to ( and ),
     * so the label is found whole and nothing of it stands before the hospital; where only 收款单位 is found, the
     * hospital's spelling still drops the stamp mark (章) left before it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"收款单位〈章】：武汉市普仁医院", "收款单位【章）:武汉市普仁医院", "收款单位《章》：武汉市普仁医院",
            "收款单位:(章):武汉市普仁医院"})
    void findsTheHospitalAfterItsLabelsStampMarkHoweverTheBracketsAreRead(String line) {
        PageText page = page(box("交款人：张三", 10, 20), box(line, 10, 120));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("hospital", "武汉市普仁医院");
    }

    /** The label's closing bracket and colon lost (read with no confidence): the value's first character is not taken for them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"收款单位(章天门市第一人民医院", "收款单位（章天门市第一人民医院"})
    void aLabelThatLostItsClosingBracketDoesNotTakeTheValuesFirstCharacter(String line) {
        PageText page = page(box("交款人：张三", 10, 20), box(line, 10, 120));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("hospital", "天门市第一人民医院");
    }

    @Test
    void readsAValueWrittenBelowItsLabelWhenNothingIsBesideIt() {
        PageText page = page(
                box("交款人", 10, 20), box("开票日期", 60, 20),
                box("张三", 10, 26), box("2026年5月2日", 60, 26));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("payerName", "张三").containsEntry("issueDate", "2026-05-02");
    }

    @Test
    void leavesOutAFieldWhoseValueIsMissingRatherThanTakingTheLabelBelowIt() {
        TestReceipt receipt = TestReceipt.inpatient().without("checkCode").without("payerName").without("otherPaid");

        ReceiptReading reading = ReceiptExtractor.extract(List.of(receipt.page()));

        assertThat(texts(reading)).isEqualTo(receipt.fields).doesNotContainKeys("checkCode", "payerName", "otherPaid");
        assertThat(reading.labelled()).contains(ReceiptField.CHECK_CODE, ReceiptField.PAYER_NAME, ReceiptField.OTHER_PAID);
    }

    @Test
    void leavesOutFieldsWhoseLabelsAreNotOnThePage() {
        PageText page = page(box("湖北省医疗门诊收费票据（电子）", 75, 8), box("票据代码：42010126", 10, 20));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsOnlyKeys("invoiceCode");
        assertThat(reading.lines()).isEmpty();
        assertThat(reading.allLinesRead()).isFalse();
    }

    @Test
    void doesNotTakeALabelWithACharacterMissingThatCouldBeEitherOfTwoLabels() {
        // 票据码 is one character short of both 票据代码 and 票据号码
        PageText page = page(box("票据码：42010126", 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).isEmpty();
    }

    @Test
    void doesNotTakeALabelThatFitsTwoLabelsEquallyWell() {
        // 个人自赞 is one character from both 个人自付 and 个人自费
        PageText page = page(box("个人自赞：5000.00", 10, 20), box("个人现金支付：8456.78", 80, 20));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsOnlyKeys("cashPaid");
    }

    /**
     * A near match of a label whose field is found surer elsewhere on the page is not that label. 其他基金支付 under a
     * seal read as 其人金支付, whose 人金支付 is a character from 现金支付: the 现金支付 read exactly further on is the
     * cash payment's label, and the near one is then read as the label it is nearest to but that. 医保统筹基金支付 read
     * as 区保统筹只人金支付 (set 1's template as a fax), and 个人现金支付 further on as 个人现金支什, a character from the
     * longer spelling: that one is the cash payment's label, and the fund's amount is not the cash paid.
     */
    @ParameterizedTest(name = "{0} … {3}")
    @CsvSource(delimiter = '|', value = {
            "医保统筹基金支付¥9558.93 | 其人金支付¥832.43 | 账户支付:¥1239.25 | 现金支付:¥1301.56 | 1301.56 | 832.43",
            "区保统筹只人金支付:113169.03 | 其他支付:514.92 | 个人账户支付:0.00 | 个人现金支什:4671.89 | 4671.89 | 514.92"})
    void aNearMatchOfALabelFoundSurerElsewhereOnThePageIsNotThatLabel(String fund, String other, String account, String cash,
                                                                      String cashPaid, String otherPaid) {
        PageText page = page(box(fund, 10, 20), box(other, 60, 20), box(account, 110, 20), box(cash, 160, 20));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("cashPaid", cashPaid).containsEntry("otherPaid", otherPaid);
    }

    /**
     * A statement's grid: 定点医疗机构名称 with its name far right in a wide cell, a lone 人 between (the seal ring's 京
     * read so) passed over; nothing when what follows the lone character is no hospital.
     */
    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {"人 | 京山市中医医院 | 京山市中医医院", "人 | 2026/02/23 | "})
    void passesOverALoneCharacterBeforeTheTextOfAGridsCell(String lone, String after, String hospital) {
        PageText page = page(box("定点医疗机构名称", 10, 20), box(lone, 80, 20), box(after, 100, 20));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        if (hospital == null) assertThat(fields).doesNotContainKey("hospital");
        else assertThat(fields).containsEntry("hospital", hospital);
    }

    /** The labels a page read exactly are seen, of fields or not; a label read only nearly is not. */
    @Test
    void seesTheLabelsThePageReadsExactlyOfFieldsOrNot() {
        PageText page = page(box("交款人统一社会信用代码:420882199510121265", 10, 20), box("预缴金额:¥500.00", 10, 30),
                box("其人金支付¥832.43", 10, 40), box("现金支付:¥1301.56", 10, 50));

        assertThat(ReceiptExtractor.extract(List.of(page)).seen())
                .containsExactlyInAnyOrder(ReceiptLabel.PAYER_CREDIT_CODE, ReceiptLabel.PREPAID, ReceiptLabel.CASH_PAID);
    }

    /** 其他基金支付 read as 其他基金 with its amount right after: the label with its last two characters lost. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"其他基金156.86 | otherPaid | 156.86", "其他基金¥156.86 | otherPaid | 156.86",
            "医保统筹基金Y3358.77 | fundPaid | 3358.77", "个人账户0.00 | personalAccountPaid | 0.00"})
    void findsALongAmountsLabelThatLostItsLastTwoCharactersRightBeforeItsAmount(String line, String field, String amount) {
        assertThat(texts(ReceiptExtractor.extract(List.of(page(box(line, 10, 20)))))).containsEntry(field, amount);
    }

    /** Not before other text (其他基金项目), and not a label of fewer than six characters (个人自付 as 个人). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"其他基金项目156.86", "个人156.86", "其他基156.86"})
    void findsNoLabelThatLostItsEndWhereTheAmountDoesNotFollowOrTooMuchIsLost(String line) {
        assertThat(texts(ReceiptExtractor.extract(List.of(page(box(line, 10, 20)))))).isEmpty();
    }

    @Test
    void doesNotTakeADigitOfTheValueForAMisreadCharacterOfTheLabel() {
        // 其他支660.93 is one character from 其他支付 + 60.93; 个人自付：1329.48人自费159.84 from 个人自费 at 8人自费
        PageText page = page(box("其他支660.93", 10, 20), box("个人自付：1329.48人自费159.84", 10, 27));

        assertThat(texts(ReceiptExtractor.extract(List.of(page))))
                .doesNotContainEntry("otherPaid", "60.93")
                .containsEntry("selfPaid", "1329.48").containsEntry("selfFunded", "159.84");
    }

    @Test
    void doesNotFindThePayerInsideThePayersCreditCodeLabel() {
        PageText page = page(box("交款人统一社会信用代码：420102199001011234", 10, 20), box("交款人：李四", 10, 27));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "李四");
    }

    /**
     * The payer's credit code's label with 统一 lost under a seal and 码 misread, or one character of it misread: the
     * 交款人 it begins with is not the payer's label, and what follows it is no name.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"交款人社会信用代人:420102199001011234", "交款人统一社会信用代吗：420102199001011234",
            "交款人统-社会信用代码：420102199001011234"})
    void findsThePayersCreditCodeLabelWithPartOfItLostOrMisread(String line) {
        PageText page = page(box(line, 10, 20), box("交款人：李四", 10, 27));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "李四");
    }

    /**
     * The credit code's label with everything after 交款人 lost to the seal's ring (read as strokes or characters no name
     * begins with) before an ID number: the line is the credit code's, and the payer is on its own line below, whose label
     * the seal damaged too and whose name follows the ring's strokes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"交款人汶一7会人二亿玛5420882199008013584", "交款人人有:422801196102202349", "交款人……-2:420106197307303289"})
    void takesTheCreditCodesLineWithItsLabelLostAfter交款人ForTheCreditCodes(String line) {
        PageText page = page(box(line, 10, 20), box("交款人:由二)黄明", 10, 27));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "黄明");
    }

    /** A name before the ID number keeps 交款人 the payer's label: a form may print the two on one row. */
    @Test
    void takesTheNameBeforeAnIdNumberAfter交款人ForThePayer() {
        PageText page = page(box("交款人吴梅420882199510121265", 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "吴梅");
    }

    /**
     * 交款人（患者）： with its bracketed word under the seal, read as anything after the opening bracket (its closing
     * bracket and colon lost, or read as other marks): the word's remains, as many Chinese characters as 患者 at most, and
     * the marks after them are the label's, not the name's. STARSCAN's pages read 时陈怡牢 and (所%) for the payer so.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"交款人(时:,,,陈怡军 | 陈怡军", "交款人(所%):黄明 | 黄明", "交款人(患,:,刘梅秀 | 刘梅秀",
            "交款人(是守陈志芳 | 陈志芳", "交款人(患者):王强 | 王强"})
    void thePayersLabelTakesTheRemainsOfItsBracketedWordAlong(String line, String payer) {
        PageText page = page(box(line, 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", payer);
    }

    /** 交款人 followed by too little of the rest of the credit code's label is still the payer's. */
    @Test
    void takesThePayersLabelBeforeANameThatSharesLittleWithTheCreditCodesLabel() {
        PageText page = page(box("交款人社会信", 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "社会信");
    }

    /**
     * 医疗机构类型 with 类型 lost (under a seal) before 综合医院, and 医疗机构名称 read exactly further down: the short
     * 医疗机构 is the type's label cut short, not the hospital's; where no other spelling of the hospital's label is on
     * the page it is the hospital's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"医疗机构名称: | 利川市人民医院", "复核人: | 综合医院"})
    void aFieldsShortSpellingBeginningAnotherLabelIsThatLabelWhenTheFieldsOwnIsOnThePage(String lower, String hospital) {
        PageText page = page(box("门诊号:MZ2025311629", 10, 20), box("医疗机构", 100, 20), box("综合医院", 125, 20),
                box(lower, 10, 60), box("利川市人民医院", 40, 60));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("hospital", hospital);
    }

    @Test
    void aValueEndsAtAWideGapWhenTheNextLabelWasNotRecognised() {
        PageText page = page(box("票据代码：42010126", 10, 20), box("XX号码：0012345678", 120, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("invoiceCode", "42010126");
    }

    @Test
    void placesAValueWhoseLabelWasNotReadByTheOrderOfTheTemplateLine() {
        PageText page = page(
                box("医保统筹基金支付：15000.00", 10, 20), box("0.00", 72, 20), box("个人账户支付：0.00", 115, 20),
                box("个人现金支付：8456.78", 170, 20),
                box("个人自付：5000.00", 10, 27), box("个人自赞：3456.78", 72, 27),
                box("XX号码：0012345678", 150, 34), box("交款人：张三", 10, 41), box("20260512", 150, 41));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("otherPaid", "0.00").containsEntry("selfFunded", "3456.78")
                .containsEntry("issueDate", "2026-05-12").doesNotContainKey("invoiceNumber");
        assertThat(reading.fields().get(ReceiptField.OTHER_PAID).confidence()).isEqualTo(PageReading.PLACED_TRUST);
        assertThat(reading.fields().get(ReceiptField.FUND_PAID).confidence()).isEqualTo(1.0);
    }

    /**
     * Another form's 校验码：27aa5a on the line of 开票日期, where the template has 交款人, their labels lost: the check code
     * is placed by the template's order as no payer, having no name's shape; a name there is.
     */
    @ParameterizedTest(name = "{0} before 开票日期")
    @CsvSource({"27aa5a, ", "张三, 张三"})
    void placesNoValueAsANameByTheTemplateLineUnlessItHasANamesShape(String before, String payer) {
        PageText page = page(box(before, 40, 20), box("开票日期：2026.03.08", 150, 20));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("issueDate", "2026-03-08");
        if (payer == null) assertThat(fields).doesNotContainKey("payerName");
        else assertThat(fields).containsEntry("payerName", payer);
    }

    /**
     * A settlement statement's 姓名 陶杰秀 性别 女, 性别 lost: the template has 开票日期 after the payer, and 女, holding no
     * digit, is placed as no date; a date there is.
     */
    @ParameterizedTest(name = "{0} after the payer")
    @CsvSource({"女, ", "20260212, 2026-02-12"})
    void placesNoValueWithoutADigitAsADateByTheTemplateLine(String after, String issueDate) {
        PageText page = page(box("交款人：陶杰秀", 10, 20), box(after, 150, 20));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("payerName", "陶杰秀");
        if (issueDate == null) assertThat(fields).doesNotContainKey("issueDate");
        else assertThat(fields).containsEntry("issueDate", issueDate);
    }

    @Test
    void dropsOneCharacterReadWhereTheColonBelongsAndTheWordsOfAnUnreadableLabel() {
        PageText page = page(box("医保统筹基金支付由1730.01", 10, 20), box("基他支伟199.34", 72, 20),
                box("个人账户支付：0.00", 115, 20), box("个人现金支付：8456.78", 170, 20),
                box("交款人上张三", 10, 27), box("票据代码上42010126", 10, 34));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("fundPaid", "1730.01").containsEntry("otherPaid", "199.34")
                .containsEntry("invoiceCode", "42010126")
                // a name has no colon slot to tell from its first character: it stays as read
                .containsEntry("payerName", "上张三");
    }

    @Test
    void splitsAmountsWrittenTogetherByTheirTwoDecimalsAmongTheLabelsMissingThere() {
        PageText page = page(
                box("1730.010.00", 10, 20), box("个人账户支付：0.00", 115, 20), box("个人现金支付：1096.70", 170, 20),
                box("个人自付：966.02130.68", 10, 27));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("fundPaid", "1730.01").containsEntry("otherPaid", "0.00")
                .containsEntry("selfPaid", "966.02").containsEntry("selfFunded", "130.68");
    }

    /**
     * Another form's line of payments whose labels were misread (其他支付 as 交, 医保统筹基金支付 as 医保基人支人): read in the
     * form's ink, they are labels, unread, and the line is not the template's 个人自付 / 个人自费 line missing there.
     */
    @Test
    void doesNotTakeALineWithTextInTheFormsInkForTheTemplateLineMissing() {
        PageText page = page(
                inked("医保统筹基金支付：", 10, 20, TextBox.Ink.FORM), inked("1730.01", 42, 20, TextBox.Ink.DATA),
                inked("其他支付：", 72, 20, TextBox.Ink.FORM), inked("0.00", 90, 20, TextBox.Ink.DATA),
                inked("个人账户支付：", 115, 20, TextBox.Ink.FORM), inked("0.00", 140, 20, TextBox.Ink.DATA),
                inked("个人现金支付：", 170, 20, TextBox.Ink.FORM), inked("1096.70", 195, 20, TextBox.Ink.DATA),
                inked("交", 10, 27, TextBox.Ink.FORM), inked("966.02", 30, 27, TextBox.Ink.DATA),
                inked("医保基人支人", 60, 27, TextBox.Ink.FORM), inked("130.68", 90, 27, TextBox.Ink.DATA),
                inked("京山市人民医院", 40, 34, TextBox.Ink.DATA), inked("复核人：", 130, 34, TextBox.Ink.FORM),
                inked("李四", 145, 34, TextBox.Ink.DATA));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("cashPaid", "1096.70").doesNotContainKeys("selfPaid", "selfFunded");
    }

    @Test
    void takesALineWithoutLabelsForTheTemplateLineMissingBetweenTheLinesAroundIt() {
        PageText page = page(
                box("医保统筹基金支付：1730.01", 10, 20), box("其他支付：0.00", 72, 20), box("个人账户支付：0.00", 115, 20),
                box("个人现金支付：1096.70", 170, 20),
                box("966.02", 30, 27), box("130.68", 90, 27),
                box("京山市人民医院", 40, 34), box("复核人：李四", 130, 34));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).containsEntry("selfPaid", "966.02").containsEntry("selfFunded", "130.68")
                .containsEntry("hospital", "京山市人民医院");
    }

    @Test
    void leavesAmountsAloneWhenTheirCountDoesNotMatchTheLabelsMissing() {
        PageText page = page(box("1730.01", 10, 20), box("个人账户支付：0.00", 115, 20), box("个人现金支付：1096.70", 170, 20),
                box("个人自付：966.021", 10, 27));

        Map<String, String> fields = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(fields).doesNotContainKeys("fundPaid", "otherPaid", "selfFunded");
    }

    @Test
    void leavesAValueAloneWhenMoreThanOneLabelOfItsLineIsMissing() {
        PageText page = page(box("医保统筹基金支付：15000.00", 10, 20), box("0.00", 90, 20), box("个人现金支付：8456.78", 170, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsOnlyKeys("fundPaid", "cashPaid");
    }

    @Test
    void resolvesANearLabelThatFitsTwoWhenOneOfThemIsAlreadyOnThePage() {
        // 个人自赤 is one character from 个人自付 and 个人自费; 个人自付 is already there, so it is 个人自费
        PageText page = page(box("个人自付：5000.00", 10, 20), box("个人自赤：3456.78", 72, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("selfPaid", "5000.00").containsEntry("selfFunded", "3456.78");
    }

    @Test
    void findsAThreeCharacterLabelWithOneCharacterMisreadOnlyWhereALineBegins() {
        PageText start = page(box("交款三张三", 10, 20), box("开票日期：2026-05-12", 150, 20));
        PageText middle = page(box("住院号ZY1交款三张三", 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(start)))).containsEntry("payerName", "张三");
        assertThat(texts(ReceiptExtractor.extract(List.of(middle)))).doesNotContainKey("payerName");
    }

    /**
     * An image parted into form and data, a seal over the payer's label: 人 of 交款人 lost, 交款 read in the form's ink and
     * the name in the data's. 交款陈 is not the label with 人 misread (the payer 志芳): a label is printed in one ink.
     */
    @Test
    void aLabelThatLostACharacterDoesNotTakeOneReadInTheDatasInk() {
        PageText parted = page(inked("交款", 10, 20, TextBox.Ink.FORM), inked("陈志芳", 18, 20, TextBox.Ink.DATA),
                inked("开票日期：", 150, 20, TextBox.Ink.FORM), inked("2026-05-12", 168, 20, TextBox.Ink.DATA),
                inked("收款单位", 10, 27, TextBox.Ink.FORM), inked("武汉市第一医院", 28, 27, TextBox.Ink.DATA));
        PageText whole = page(box("交款", 10, 20), box("陈志芳", 18, 20));
        PageText notBeginning = page(inked("住院号", 10, 20, TextBox.Ink.FORM), inked("ZY1", 22, 20, TextBox.Ink.DATA),
                inked("交款", 30, 20, TextBox.Ink.FORM), inked("陈志芳", 38, 20, TextBox.Ink.DATA));

        assertThat(texts(ReceiptExtractor.extract(List.of(parted)))).containsEntry("payerName", "陈志芳")
                .containsEntry("issueDate", "2026-05-12").containsEntry("hospital", "武汉市第一医院");
        // read whole, nothing tells the label's ink from the name's: 交款陈 is 交款人 with 人 misread, as before
        assertThat(texts(ReceiptExtractor.extract(List.of(whole)))).containsEntry("payerName", "志芳");
        assertThat(texts(ReceiptExtractor.extract(List.of(notBeginning)))).doesNotContainKey("payerName");
    }

    /**
     * The seal's ring over the payer label's first character: 款人： read in the form's ink, the name in the data's after
     * the colon. Two characters of 交款人 and its colon begin the line, so the label is the payer's; 收款人, which 款人 fits
     * as well, is found on its own line. Without the colon read in the form's ink the two characters are no label.
     */
    @Test
    void aLabelThatLostItsFirstCharacterIsFoundBeforeItsColonAndTheDatasInk() {
        PageText colon = page(inked("款人：", 10, 20, TextBox.Ink.FORM), inked("崔雨梓", 22, 20, TextBox.Ink.DATA),
                inked("开票日期：", 150, 20, TextBox.Ink.FORM), inked("2026-02-10", 168, 20, TextBox.Ink.DATA),
                inked("收款人：", 150, 60, TextBox.Ink.FORM), inked("罗平", 168, 60, TextBox.Ink.DATA));
        PageText colonInData = page(inked("款人", 10, 20, TextBox.Ink.FORM), inked("：崔雨梓", 22, 20, TextBox.Ink.DATA),
                inked("收款人：", 150, 60, TextBox.Ink.FORM), inked("罗平", 168, 60, TextBox.Ink.DATA));
        PageText formAfterColon = page(inked("款人：", 10, 20, TextBox.Ink.FORM), inked("崔雨梓", 22, 20, TextBox.Ink.FORM),
                inked("收款人：", 150, 60, TextBox.Ink.FORM), inked("罗平", 168, 60, TextBox.Ink.DATA));

        assertThat(texts(ReceiptExtractor.extract(List.of(colon)))).containsEntry("payerName", "崔雨梓")
                .containsEntry("issueDate", "2026-02-10");
        // the colon read with the name, in the data's ink: 款人 stands right before the data, found as before
        assertThat(texts(ReceiptExtractor.extract(List.of(colonInData)))).containsEntry("payerName", "崔雨梓");
        assertThat(texts(ReceiptExtractor.extract(List.of(formAfterColon)))).doesNotContainKey("payerName");
        // read whole, or a form printed in black, its labels read with the data: the colon tells the label
        PageText whole = page(box("款人：魏俊兰", 10, 20), box("收款人：罗平", 150, 60));
        PageText wholeNoColon = page(box("款人魏俊兰", 10, 20), box("收款人：罗平", 150, 60));
        assertThat(texts(ReceiptExtractor.extract(List.of(whole)))).containsEntry("payerName", "魏俊兰");
        assertThat(texts(ReceiptExtractor.extract(List.of(wholeNoColon)))).doesNotContainKey("payerName");
    }

    /**
     * The seal's words between a label and its value: 出章 of 收费专用章, read in the form's ink with the label, before the
     * name in the data's. The value is what the data's ink begins; a date whose 日 the form prints keeps it. So where the
     * form's ink after a label is the rest of it misread, a wide gap before the name.
     */
    @Test
    void theFormsInkBeforeAValueIsNoPartOfIt() {
        PageText page = page(inked("交款人出章", 10, 20, TextBox.Ink.FORM), inked("钱琴娟", 29, 20, TextBox.Ink.DATA),
                inked("开票日期：", 150, 20, TextBox.Ink.FORM), inked("2026年06月04", 168, 20, TextBox.Ink.DATA),
                inked("日", 190, 20, TextBox.Ink.FORM));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("payerName", "钱琴娟")
                .containsEntry("issueDate", "2026-06-04");
        // 出章 the rest of the label (（患者）： in a thin Song face), a wide gap before the name
        PageText gap = page(inked("交款人出章", 10, 20, TextBox.Ink.FORM), inked("钱琴娟", 36, 20, TextBox.Ink.DATA),
                inked("医保类型：", 150, 20, TextBox.Ink.FORM), inked("职工医保", 168, 20, TextBox.Ink.DATA));
        assertThat(texts(ReceiptExtractor.extract(List.of(gap)))).containsEntry("payerName", "钱琴娟");
    }

    /**
     * The payer's label lost under the seal but its last character: 3人) for 交款人（患者）, 入基人 for 交款人, a name after
     * them. Taken above the total's line where no payer's label was read; not below it (复杉人, 复核人 misread, before the
     * reviewer's name), not where two lines have such remains, not before text that makes no name, nor before the end of
     * a label (衬人 before 信用代码, the seal over the payer's credit code's label).
     */
    @Test
    void thePayersLabelIsFoundInItsRemainsBeforeANameAboveTheTotal() {
        TextBox total = box("金额合计", 10, 60);
        TextBox amount = box("(小写)97.11", 150, 60);
        PageText bracket = page(inked("3人)", 10, 20, TextBox.Ink.FORM), inked("赵静", 20.5, 20, TextBox.Ink.DATA),
                inked("开票日期：", 150, 20, TextBox.Ink.FORM), inked("2025.04.11", 168, 20, TextBox.Ink.DATA), total, amount);
        PageText bare = page(box("入基人郝英强", 10, 20), box("校验码a04ac6", 150, 20), total, amount);
        PageText below = page(box("票据代码:42280126", 10, 20), total, amount, box("复杉人：唐秀刚", 10, 80));
        PageText twice = page(box("入基人郝英强", 10, 20), box("3人)赵静", 10, 30), total, amount);
        PageText noName = page(box("入基人页红", 10, 20), total, amount);
        PageText noTotal = page(box("入基人郝英强", 10, 20));
        PageText labelsEnd = page(box("一衬人信用代码:420111197003173818", 10, 20), total, amount);

        assertThat(texts(ReceiptExtractor.extract(List.of(bracket)))).containsEntry("payerName", "赵静")
                .containsEntry("issueDate", "2025-04-11");
        assertThat(texts(ReceiptExtractor.extract(List.of(bare)))).containsEntry("payerName", "郝英强")
                .containsEntry("checkCode", "a04ac6");
        for (PageText none : List.of(below, twice, noName, noTotal, labelsEnd)) {
            assertThat(texts(ReceiptExtractor.extract(List.of(none)))).doesNotContainKey("payerName");
        }
    }

    /**
     * Values are printed in the data's ink. 患者姓名 with its colon lost and the name not read: 开日其 (开票日期 misread, in the
     * form's ink) is neither the payer in the next cell nor, placed by the template's line, the payer before the issue date.
     */
    @Test
    void textReadInTheFormsInkIsNoValue() {
        PageText cell = page(inked("患者姓名", 10, 20, TextBox.Ink.FORM), inked("开日其", 60, 20, TextBox.Ink.FORM));
        PageText line = page(inked("患者姓名", 10, 20, TextBox.Ink.FORM), inked("开日其", 60, 20, TextBox.Ink.FORM),
                inked("2025.12.20", 80, 20, TextBox.Ink.DATA));
        PageText whole = page(box("患者姓名", 10, 20), box("开日其", 60, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(cell)))).doesNotContainKey("payerName");
        assertThat(texts(ReceiptExtractor.extract(List.of(line)))).doesNotContainKey("payerName");
        // read whole, nothing tells a label's ink from a value's
        assertThat(texts(ReceiptExtractor.extract(List.of(whole)))).containsEntry("payerName", "开日其");
    }

    /**
     * A statement's grid: 自付金额 without a colon, its amount far right in the next cell after a Song face's ¥ read as 至
     * (chi_sim knows no ¥). The cell is the amount, and where it stands is where a second look reads it again, all of it.
     */
    @Test
    void aGridCellsAmountAfterItsSignMisreadIsTheValueAndItsWholeWidthWhereItStands() {
        PageText page = page(inked("自付金额", 10, 20, TextBox.Ink.FORM), inked("至1227.68", 70, 20, TextBox.Ink.DATA));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("selfPaid", "1227.68");
        ReceiptReading.Area slot = reading.slots().get(ReceiptField.SELF_PAID);
        ReceiptReading.Area value = reading.fields().get(ReceiptField.SELF_PAID).area();
        assertThat(slot.x() + slot.width()).isGreaterThan(value.x() + value.width());
    }

    /**
     * 自费金额's ¥183.13 in a thin Song face read 习83.13 with the next label's remnants run on to it (习83.13各自付于新, the
     * seal over 自付金额): the amount ends at the Chinese character after its two decimals (FieldText.money), and it stands
     * where its own characters do, not across the remnants (where the seal's disc reached, and the amount, witnessed by
     * no look without the seal there, was left out).
     */
    @Test
    void anAmountCutAtTheNextLabelsRemnantsStandsWhereItsOwnCharactersDo() {
        TextBox label = inked("自费金额：", 10, 20, TextBox.Ink.FORM);
        TextBox read = inked("习83.13各自付于新", 30, 20, TextBox.Ink.DATA);
        TextBox alone = inked("习83.13", 30, 20, TextBox.Ink.DATA);

        ReceiptReading runOn = ReceiptExtractor.extract(List.of(page(label, read)));
        ReceiptReading clear = ReceiptExtractor.extract(List.of(page(label, alone)));

        assertThat(texts(runOn)).containsEntry("selfFunded", "83.13");
        ReceiptReading.Area cut = runOn.fields().get(ReceiptField.SELF_FUNDED).area();
        ReceiptReading.Area own = clear.fields().get(ReceiptField.SELF_FUNDED).area();
        assertThat(cut.x()).isCloseTo(own.x(), within(0.01));
        assertThat(cut.x() + cut.width()).isCloseTo(own.x() + own.width(), within(0.01));
        assertThat(cut.width()).isLessThan(read.width() * 0.6);
    }

    /**
     * A statement's 定点医疗机构名称 with nothing read after it (its name, centred in a cell three columns wide, under the
     * seal): the hospital's slot reaches twice as far as another field's, where the name is; a payer's does not.
     */
    @Test
    void aHospitalsLabelWithNothingAfterItHasASlotReachingAcrossItsWideCell() {
        PageText page = page(inked("定点医疗机构名称", 10, 20, TextBox.Ink.FORM), inked("姓名", 10, 40, TextBox.Ink.FORM));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        ReceiptReading.Area hospital = reading.slots().get(ReceiptField.HOSPITAL);
        ReceiptReading.Area payer = reading.slots().get(ReceiptField.PAYER_NAME);
        assertThat(hospital.width()).isCloseTo(PageReading.HOSPITAL_SLOT_LENGTH * hospital.height(), within(0.01));
        assertThat(payer.width()).isCloseTo(PageReading.SLOT_LENGTH * payer.height(), within(0.01));
        assertThat(PageReading.HOSPITAL_SLOT_LENGTH).isGreaterThan(PageReading.SLOT_LENGTH);
    }

    /**
     * The line between the payments and the hospital's, no label read on it and its amounts not read as amounts (a thin
     * Song face's 个人自付: 1106.62 自费金额: 176.43): the template says whose they are, and each run of digits, from the
     * colon before it, is where a second look reads the amount again; no value is taken from the page's read. A run with no
     * colon before its digits has no such place.
     */
    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource({"个大目付。1106, true", "个大目付1106, false"})
    void amountsNotReadAsAmountsOnALineTheTemplatePlacesAreLookedAtFromTheColonBeforeThem(String first, boolean colon) {
        PageText page = page(box("医保统筹基金支付：100.00", 10, 20), box("其他支付：0.00", 70, 20), box("个人账户支付：0.00", 110, 20),
                box("个人现金支付：200.00", 160, 20),
                box(first, 10, 30), box("自额:17g.43", 70, 30),
                box("收款单位（章）：武汉市第一医院", 10, 40), box("复核人：张三", 120, 40), box("收款人：李四", 170, 40));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).doesNotContainKeys("selfPaid", "selfFunded");
        ReceiptReading.Area funded = reading.slots().get(ReceiptField.SELF_FUNDED);
        assertThat(funded.x()).isCloseTo(70 + box("自额:", 0, 0).width(), within(1.0));
        ReceiptReading.Area paid = reading.slots().get(ReceiptField.SELF_PAID);
        if (colon) {
            assertThat(paid.x()).isCloseTo(10 + box("个大目付。", 0, 0).width(), within(1.0));
            assertThat(paid.x() + paid.width()).isCloseTo(70, within(1.0));
        } else {
            assertThat(paid).isNull();
        }
    }

    /**
     * An amount after a Chinese character read for its sign, which may have taken its first digit too (硅33.20 for the
     * Song face's ¥133.20): taken without the character, but unsure, for two second looks to read it again; the same
     * amount after its sign read as the sign, or after a colon read as a mark, keeps the confidence it was read at.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"自费金额：硅33.20, 33.20, true", "自费金额：至1227.68, 1227.68, true", "自费金额：¥133.20, 133.20, false",
        "自费金额：133.20, 133.20, false", "自费金额：、133.20, 133.20, false"})
    void anAmountAfterACharacterReadForItsSignIsReadUnsure(String line, String amount, boolean unsure) {
        ReceiptReading reading = ReceiptExtractor.extract(List.of(page(box(line, 10, 20))));

        ReceiptReading.Value read = reading.fields().get(ReceiptField.SELF_FUNDED);
        assertThat(read.text()).isEqualTo(amount);
        if (unsure) assertThat(read.confidence()).isLessThan(SecondReads.UNSURE).isEqualTo(PageReading.SIGN_AS_A_CHARACTER_TRUST);
        else assertThat(read.confidence()).isEqualTo(1.0);
    }

    /**
     * The template places an amount after 个人自付's on its line when 自费金额 was not read (the seal over it, the ring across
     * the 7 of ¥272.92, read 立交2.92): two Chinese characters right before it hold its sign and first digits misread, so
     * it is read unsure and its slot runs from them to its end, for two second looks to read it whole; with nothing before
     * it, or one character (the sign: 于130.68), it keeps the confidence it was placed at, and after three characters or
     * more (a label misread) it has no slot.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"立交, true", "于, false", "'', false", "半立交, false"})
    void anAmountPlacedRightAfterTwoCharactersIsReadUnsureFromThem(String characters, boolean unsure) {
        double at = 80;
        List<TextBox> boxes = new ArrayList<>(List.of(box("医保统筹基金支付：100.00", 10, 20), box("其他支付：0.00", 70, 20),
                box("个人账户支付：0.00", 110, 20), box("个人现金支付：200.00", 160, 20), box("自付金额:2524.51", 10, 30),
                box("2.92", at + (characters.isEmpty() ? 0 : box(characters, 0, 0).width()), 30),
                box("收款单位（章）：武汉市第一医院", 10, 40), box("复核人：张三", 120, 40), box("收款人：李四", 170, 40)));
        if (!characters.isEmpty()) boxes.add(box(characters, at, 30));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page(boxes.toArray(TextBox[]::new))));

        ReceiptReading.Value read = reading.fields().get(ReceiptField.SELF_FUNDED);
        assertThat(read.text()).isEqualTo("2.92");
        ReceiptReading.Area slot = reading.slots().get(ReceiptField.SELF_FUNDED);
        if (unsure) {
            assertThat(read.confidence()).isEqualTo(PageReading.SIGN_AS_A_CHARACTER_TRUST);
            assertThat(slot.x()).isCloseTo(at, within(1.0));
            assertThat(slot.x() + slot.width()).isCloseTo(at + box(characters, 0, 0).width() + box("2.92", 0, 0).width(), within(1.0));
        } else {
            assertThat(read.confidence()).isEqualTo(PageReading.PLACED_TRUST);
            assertThat(slot).isNull();
        }
    }

    @Test
    void takesTheWholeLabelWhenItsShortSpellingIsExactAndItsLongOneNear() {
        PageText page = page(box("收款单位(草)：武汉市第一医院", 10, 20), box("复核人：李四", 130, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("hospital", "武汉市第一医院");
    }

    @Test
    void findsALabelWithTwoNeighbouringCharactersSwapped() {
        PageText page = page(box("医统保筹基金支付：15000.00", 10, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("fundPaid", "15000.00");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "湖北省医疗住院收费票据（电子）, INPATIENT_RECEIPT",
        "湖北省医疗门诊收费票据（电子）, OUTPATIENT_RECEIPT",
        "湖北省医疗住院收费栗据（电子）, INPATIENT_RECEIPT",
        "医疗门诊收费票, OUTPATIENT_RECEIPT",
        "湖北省医疗保障基金结算单, SETTLEMENT_STATEMENT",
        "湖北省非税收入统一票据, UNKNOWN"})
    void tellsTheDocumentTypeFromItsTitle(String title, DocumentKind kind) {
        PageText page = page(box(title, 60, 8), box("票据代码：42010126", 10, 20));

        assertThat(ReceiptExtractor.extract(List.of(page)).kind()).isEqualTo(kind);
    }

    @Test
    void readsAStayWrittenWithChineseDatesAndTakesBothDatesOrNeither() {
        Map<String, String> both = texts(ReceiptExtractor.extract(List.of(page(box("住院时间：2026年5月1日至2026年5月12日", 10, 20)))));
        ReceiptReading one = ReceiptExtractor.extract(List.of(page(box("住院时间：2026-05-01至", 10, 20))));

        assertThat(both).containsEntry("admissionDate", "2026-05-01").containsEntry("dischargeDate", "2026-05-12");
        assertThat(texts(one)).isEmpty();
        assertThat(one.warnings()).singleElement().asString().contains("住院时间");
    }

    @Test
    void readsAmountsWithCurrencySignsCommasAndACommaForTheDecimalPoint() {
        PageText page = page(box("医保统筹基金支付：¥15,000.00", 10, 20), box("其他支付：0,00", 80, 20),
                box("个人现金支付：8456.78元", 130, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page))))
                .containsEntry("fundPaid", "15000.00").containsEntry("otherPaid", "0.00").containsEntry("cashPaid", "8456.78");
    }

    @Test
    void takesTheAmountAtTheEndOfTheTotalLineWhenTheSmallLettersLabelWasNotRead() {
        PageText page = page(box("金额合计（大写）贰万叁仟肆佰伍拾陆元柒角捌分", 10, 20), box("（小与）23456.78", 150, 20));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).containsEntry("total", "23456.78");
    }

    @Test
    void aFeeRowWithANameButNoAmountLeavesTheTableIncomplete() {
        PageText page = page(box("项目名称", 14, 50), box("金额(元)", 84, 50),
                box("床位费", 14, 57), box("450.00", 100, 57), box("西药费", 128, 57),
                box("金额合计（大写）", 10, 66), box("（小写）450.00", 150, 66));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(reading.lines()).containsExactly(new FeeLine("床位费", "450.00"));
        assertThat(reading.allLinesRead()).isFalse();
    }

    @Test
    void readsTheReceiptPageOfSeveralAndSaysSoWhenThereAreTwoReceipts() {
        TestReceipt first = TestReceipt.outpatient();
        TestReceipt second = TestReceipt.inpatient();
        PageText blank = new PageText(0, 240, 140, List.of(new TextBox("第 1 页", 10, 10, 10, 3, 1)));
        PageText one = new PageText(1, 240, 140, first.page().boxes());
        PageText two = new PageText(2, 240, 140, second.page().boxes());

        ReceiptReading single = ReceiptExtractor.extract(List.of(blank, one));
        ReceiptReading both = ReceiptExtractor.extract(List.of(one, two));

        assertThat(texts(single)).isEqualTo(first.fields);
        assertThat(single.warnings()).isEmpty();
        assertThat(texts(both)).isEqualTo(first.fields);
        assertThat(both.warnings()).singleElement().asString().contains("2 张票据");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "住院时间：2026-05-01至2026-05-12, INPATIENT_RECEIPT",
        "入院日期：2026-05-01, INPATIENT_RECEIPT",
        "住院号：ZY2026123456, INPATIENT_RECEIPT",
        "门诊日期：2026-05-01, OUTPATIENT_RECEIPT",
        "门诊号：MZ2026123456, OUTPATIENT_RECEIPT",
        "交款人：张三, UNKNOWN"})
    void tellsTheDocumentTypeFromItsLabelsWhenTheTitleNamesNoKind(String line, DocumentKind kind) {
        PageText page = page(box("湖北省医疗收费票据（电子）", 60, 8), box("票据代码：42010126", 10, 20), box(line, 10, 30));

        assertThat(ReceiptExtractor.extract(List.of(page)).kind()).isEqualTo(kind);
    }

    @Test
    void aSettlementTitleOutweighsTheStayItsLabelsShow() {
        PageText page = page(box("医疗保障基金结算单", 60, 8), box("入院日期：2026-05-01", 10, 20), box("出院日期：2026-05-12", 10, 30));

        assertThat(ReceiptExtractor.extract(List.of(page)).kind()).isEqualTo(DocumentKind.SETTLEMENT_STATEMENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "交款人（患者）：张三|payerName|张三",
        "交款人患者张三|payerName|张三",
        "开票单位章武汉市第一医院|hospital|武汉市第一医院",
        "收款单位武汉市第一医院|hospital|武汉市第一医院",
        "患者姓名：张三|payerName|张三",
        "参保人姓名：张三|payerName|张三",
        "病人姓名：张三|payerName|张三",
        "就诊人姓名：张三|payerName|张三",
        "开具日期：2026年5月12日|issueDate|2026-05-12",
        "结算日期：2026.05.12|issueDate|2026-05-12",
        "开票单位（章）：武汉市第一医院|hospital|武汉市第一医院",
        "定点医疗机构：武汉市第一医院|hospital|武汉市第一医院",
        "医疗机构名称：武汉市第一医院|hospital|武汉市第一医院",
        "医疗费用总额：￥1234.56|total|1234.56",
        "账户支付：¥12.00|personalAccountPaid|12.00",
        "现金支付：12.00|cashPaid|12.00",
        "自付金额：12.00|selfPaid|12.00",
        "自费金额：12.00|selfFunded|12.00",
        "其他基金支付：12.00|otherPaid|12.00",
        "门诊日期：20260512|visitDate|2026-05-12",
        "入院日期：2026/05/01|admissionDate|2026-05-01",
        "出院日期：2026-05-12|dischargeDate|2026-05-12"})
    void readsTheWordingsRealReceiptsUse(String line, String field, String value) {
        assertThat(texts(ReceiptExtractor.extract(List.of(page(box(line, 10, 20)))))).containsEntry(field, value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-05-01-2026-05-12", "2026-05-01—2026-05-12", "2026-05-01～2026-05-12", "2026-05-01~2026-05-12",
        "20260501-20260512", "2026.05.01至2026.05.12", "2026/05/01至2026/05/12"})
    void readsAStayJoinedInAnyOfTheUsualWays(String stay) {
        Map<String, String> texts = texts(ReceiptExtractor.extract(List.of(page(box("住院时间：" + stay, 10, 20)))));

        assertThat(texts).containsEntry("admissionDate", "2026-05-01").containsEntry("dischargeDate", "2026-05-12");
    }

    @Test
    void readsTheNextCellOfAGridWhoseLabelsHaveNoColonOnlyWhenItFitsTheField() {
        PageText page = page(box("入院日期", 10, 20), box("2026-05-01", 80, 20), box("出院日期", 130, 20), box("2026-05-12", 190, 20),
                box("姓名", 10, 30), box("2026-05-01", 80, 30));

        Map<String, String> texts = texts(ReceiptExtractor.extract(List.of(page)));

        assertThat(texts).containsEntry("admissionDate", "2026-05-01").containsEntry("dischargeDate", "2026-05-12")
                .doesNotContainKey("payerName");
    }


    /**
     * Values printed in a column, which a short label's colon stands far from (交款人： under 交款人统一社会信用代码：): the
     * value is read there when it has the field's shape and is no label of its own (性别：男 is not a name).
     */
    @Test
    void readsAValueInAColumnFarFromItsLabelOnlyWhenItFitsTheField() {
        PageText column = page(box("交款人统一社会信用代码：420102198001011234", 10, 20), box("交款人：", 10, 28), box("张三", 55, 28),
                box("开票日期：", 10, 36), box("2026-05-12", 55, 36), box("个人自付：", 10, 44), box("¥12.30", 55, 44));
        PageText otherLabel = page(box("交款人：", 10, 28), box("性别：男", 55, 28), box("开票日期：", 10, 36), box("张三", 55, 36));

        assertThat(texts(ReceiptExtractor.extract(List.of(column)))).containsEntry("payerName", "张三")
                .containsEntry("issueDate", "2026-05-12").containsEntry("selfPaid", "12.30");
        assertThat(texts(ReceiptExtractor.extract(List.of(otherLabel)))).doesNotContainKeys("payerName", "issueDate");
    }
    @Test
    void takesNoDistractorsValueForAnotherField() {
        PageText page = page(box("预缴金额：500.00", 10, 20), box("退费金额：20.00", 80, 20), box("补缴金额：0.00", 150, 20),
                box("收款人姓名：李四", 10, 30));

        assertThat(texts(ReceiptExtractor.extract(List.of(page)))).isEmpty();
    }

    /**
     * A fee table whose header prints 数量 (or 规格, 数量, 单位) between the item and its amount: what stands under those
     * columns is not the item's name (it was: 12批 for 中成药费, and every row was left incomplete). Two items a row with
     * a quantity each, and one a row with a specification, quantity and unit.
     */
    @Test
    void readsFeeLinesUnderTheirItemColumnPastQuantitiesSpecificationsAndUnits() {
        PageText twoARow = page(
                box("项目名称", 10, 40), box("数量", 60, 40), box("金额(元)", 95, 40),
                box("项目名称", 125, 40), box("数量", 175, 40), box("金额(元)", 210, 40),
                box("中成药费", 10, 46), box("12批", 60, 46), box("65.31", 100, 46),
                box("治疗费", 125, 46), box("1次", 176, 46), box("20.65", 215, 46),
                box("一般诊疗费", 10, 52), box("9次", 61, 52), box("11.15", 100, 52),
                box("金额合计", 10, 60), box("(小写)97.11", 150, 60));
        PageText oneARow = page(
                box("项目名称", 10, 40), box("规格", 50, 40), box("数量", 90, 40), box("单位", 110, 40), box("金额(元)", 150, 40),
                box("床位费", 10, 46), box("普通病房", 50, 46), box("6", 92, 46), box("日", 111, 46), box("450.00", 152, 46),
                box("检查费", 10, 52), box("CT/MR", 50, 52), box("1", 92, 52), box("次", 111, 52), box("320.50", 152, 52),
                box("金额合计", 10, 60), box("(小写)770.50", 150, 60));

        ReceiptReading two = ReceiptExtractor.extract(List.of(twoARow));
        ReceiptReading one = ReceiptExtractor.extract(List.of(oneARow));

        assertThat(two.lines()).containsExactly(new FeeLine("中成药费", "65.31"), new FeeLine("治疗费", "20.65"),
                new FeeLine("一般诊疗费", "11.15"));
        assertThat(two.allLinesRead()).isTrue();
        assertThat(one.lines()).containsExactly(new FeeLine("床位费", "450.00"), new FeeLine("检查费", "320.50"));
        assertThat(one.allLinesRead()).isTrue();
    }

    static Map<String, String> texts(ReceiptReading reading) {
        Map<String, String> texts = new LinkedHashMap<>();
        reading.fields().forEach((field, value) -> texts.put(field.key(), value.text()));
        return texts;
    }

    static TextBox box(String text, double x, double y) {
        return new TextBox(text, x, y, new TestReceipt.Placed(text, 0, 0, 3.5).width(), 3.5, 1.0);
    }

    /**
     * An invoice's code and number read as one line of digits, the labels before them lost (a seal over 票据代码, a thin
     * face's 票据号码): two runs between wide gaps, eight and ten digits long, each with the box left of it; a check code
     * after an ID number, 校验码 lost between them, its box from the ID number's end; not an ID number's eighteen
     * digits, not ten digits after letters (a 住院号), not runs fields took (the code by its label, the number by the
     * template's order of the line). A date after a 住院号 and a gap, 入院日期 lost between them, is one too: the 住院号's
     * digits are its own, not the date's cut off.
     */
    @Test
    void findsTheRunsOfDigitsAsLongAsAnInvoicesCodeOrNumberThatNoLabelWasReadBefore() {
        PageText page = page(new TextBox("42080125", 40, 20, 14, 3.5, 0.9), new TextBox("0044468893", 150, 20, 17.5, 3.5, 0.9),
                new TextBox("420882199008013584", 40, 28, 31.5, 3.5, 0.9), new TextBox("校验码：f6b55b", 120, 28, 24, 3.5, 0.9),
                new TextBox("ZY20269440161", 40, 36, 22.8, 3.5, 0.9),
                new TextBox("420102199908313064", 40, 44, 31.5, 3.5, 0.9), new TextBox("53cEf5", 90, 44, 10.5, 3.5, 0.9),
                new TextBox("ZY2025702851", 40, 52, 21, 3.5, 0.9), new TextBox("2025年2月13日", 100, 52, 22, 3.5, 0.9));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(reading.unlabelled()).extracting(u -> u.value().text())
                .containsExactly("42080125", "0044468893", "53cef5", "2025-02-13");
        assertThat(reading.unlabelled()).extracting(ReceiptReading.Unlabelled::sort).containsExactly(ReceiptReading.Sort.CODE,
                ReceiptReading.Sort.CODE, ReceiptReading.Sort.CODE, ReceiptReading.Sort.DATE);
        ReceiptReading.Unlabelled check = reading.unlabelled().get(2);
        assertThat(check.label().x()).isCloseTo(71.5, within(0.5));
        assertThat(reading.unlabelled().get(3).label().x()).isCloseTo(61, within(0.5));
        ReceiptReading.Unlabelled number = reading.unlabelled().get(1);
        assertThat(number.label().x()).isCloseTo(150 - PageReading.LABEL_ROOM * 3.5, within(0.5));
        assertThat(number.label().x() + number.label().width()).isCloseTo(150, within(0.5));

        PageText labelled = page(new TextBox("票据代码：42080125", 10, 20, 28, 3.5, 0.9), new TextBox("0044468893", 150, 20, 17.5, 3.5, 0.9));
        ReceiptReading placed = ReceiptExtractor.extract(List.of(labelled));
        assertThat(texts(placed)).containsEntry("invoiceCode", "42080125").containsEntry("invoiceNumber", "0044468893");
        assertThat(placed.unlabelled()).isEmpty();
    }

    /**
     * Eight digits that make a day, no label read before them (结算日期 20260212 under the seal's ring), are a date, not an
     * invoice's code: no province's code is 20. Eight that make no day (20261340), and a code, stay codes.
     */
    @Test
    void takesEightDigitsThatMakeADayForADateNotACode() {
        PageText page = page(new TextBox("20260212", 40, 20, 14, 3.5, 0.9), new TextBox("20261340", 40, 28, 14, 3.5, 0.9),
                new TextBox("42080125", 40, 36, 14, 3.5, 0.9));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("2026-02-12", "20261340", "42080125");
        assertThat(reading.unlabelled()).extracting(ReceiptReading.Unlabelled::sort).containsExactly(ReceiptReading.Sort.DATE,
                ReceiptReading.Sort.CODE, ReceiptReading.Sort.CODE);
        assertThat(ReceiptChecks.codeFieldOfShape("20260212")).isNull();
        assertThat(ReceiptChecks.codeFieldOfShape("42080125")).isEqualTo(ReceiptField.INVOICE_CODE);
    }

    /**
     * Amounts and dates no label was read before, outside the fee table, with the box where their label would stand
     * (出院日期 read as 出院 before 2025年5月17日): 196.18 after
     * 123.00 and a gap where 个人自付 was lost, 4057.54 run together with 1402.13 (the seal over 自付金额 between them);
     * not the fee lines' amounts, not 补缴金额's (its label right before it), not 9.30 after a stray 7 (its own digit,
     * perhaps), not 58.12 with a wide gap after its 5, not the amounts fields took.
     */
    @Test
    void findsTheAmountsAndDatesNoLabelWasReadBeforeAndWhereTheirLabelsWouldStand() {
        PageText page = page(
                new TextBox("项目名称", 10, 20, 14, 3.5, 0.9), new TextBox("金额(元)", 60, 20, 12, 3.5, 0.9),
                new TextBox("诊察费", 10, 26, 10.5, 3.5, 0.9), new TextBox("36.00", 60, 26, 8.5, 3.5, 0.9),
                new TextBox("金额合计(大写)壹佰元整(小写)", 10, 32, 60, 3.5, 0.9), new TextBox("100.00", 75, 32, 10.5, 3.5, 0.9),
                new TextBox("个人自费：123.00", 10, 40, 28, 3.5, 0.9), new TextBox("196.18", 58, 40, 10.5, 3.5, 0.8),
                new TextBox("补缴金额：0.00", 80, 40, 24, 3.5, 0.9),
                new TextBox("现金支付：1402.13", 10, 48, 29, 3.5, 0.9), new TextBox("4057.54", 58, 48, 12, 3.5, 0.7),
                new TextBox("其他支付：", 10, 56, 15, 3.5, 0.9), new TextBox("关7东", 36, 56, 8, 3.5, 0.3),
                new TextBox("9.30", 58, 56, 7, 3.5, 0.9),
                new TextBox("账户支付：", 10, 64, 15, 3.5, 0.9), new TextBox("5", 36, 64, 1.7, 3.5, 0.3),
                new TextBox("8.12", 58, 64, 7, 3.5, 0.9),
                new TextBox("入院日期：2025年4月24日", 10, 72, 38, 3.5, 0.9), new TextBox("出院", 60, 72, 7, 3.5, 0.9),
                new TextBox("2025年5月17日", 70, 72, 24, 3.5, 0.9));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("selfFunded", "123.00").containsEntry("cashPaid", "1402.13");
        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("196.18", "4057.54", "2025-05-17");
        assertThat(reading.unlabelled()).extracting(ReceiptReading.Unlabelled::date).containsExactly(false, false, true);
        ReceiptReading.Unlabelled lost = reading.unlabelled().getFirst();
        assertThat(lost.label().x()).isCloseTo(38, within(0.5));
        assertThat(lost.label().x() + lost.label().width()).isCloseTo(58, within(0.5));
        assertThat(lost.label().y()).isLessThan(40);
        assertThat(lost.label().y() + lost.label().height()).isGreaterThan(43.5);
        assertThat(lost.value().confidence()).isCloseTo(0.8, within(0.01));
        ReceiptReading.Unlabelled runTogether = reading.unlabelled().get(1);
        assertThat(runTogether.label().x()).isCloseTo(39, within(0.5));
        assertThat(runTogether.label().x() + runTogether.label().width()).isCloseTo(58, within(0.5));
    }

    /**
     * 交款人 lost under a seal of the form's own red, the payer's name read clear of it in the data's ink before 医保类型
     * (梁琪振医保类型 …): a person's name read where no label named the payer, the box left of it where its label would
     * stand; not a fee item's 手术费 in the form's ink, nor 城乡居民 (no surname), nor a word too long to be a name, nor
     * anything when the payer's label was read.
     */
    /**
     * The total in capitals, misread characters and all, after 金额合计（大写） (or 合计 and 大写 read apart), up to the
     * bracket of （小写）, is kept as words where the figures were not read, or were read as no amount (set 2's doc-015
     * photographed: ¥623432 for 6245.32, its point lost and a digit misread); not where they were read as one.
     */
    @Test
    void keepsTheTotalsWordsWhereItsFiguresWereNotReadAsAnAmount() {
        PageText lost = page(box("金额合计(大写)参什业佰伍拾过元肆角陆分(小", 10, 20));
        PageText apart = page(box("合计", 10, 20), box("大写伍佰元整", 30, 20));
        PageText noAmount = page(box("金额合计(大写)陆什球佰肆拾伍元参角项分", 10, 20), box("(小写)", 90, 20), box("Y623432", 110, 20));
        PageText read = page(box("金额合计(大写)叁仟柒佰伍拾壹元肆角陆分", 10, 20), box("(小写)", 90, 20), box("3751.46", 110, 20));

        assertThat(words(lost)).containsExactly("参什业佰伍拾过元肆角陆分");
        assertThat(words(apart)).containsExactly("伍佰元整");
        assertThat(texts(ReceiptExtractor.extract(List.of(noAmount)))).containsEntry("total", "623432");
        assertThat(words(noAmount)).containsExactly("陆什球佰肆拾伍元参角项分");
        assertThat(words(read)).isEmpty();
    }

    private static List<String> words(PageText page) {
        return ReceiptExtractor.extract(List.of(page)).unlabelled().stream().filter(u -> u.sort() == ReceiptReading.Sort.WORDS)
                .map(u -> u.value().text()).toList();
    }

    @Test
    void findsAPersonsNameWhereNoLabelNamedThePayer() {
        PageText page = page(inked("梁琪振", 40, 20, TextBox.Ink.DATA), inked("医保类型：", 60, 20, TextBox.Ink.FORM),
                inked("城乡居民", 80, 20, TextBox.Ink.DATA), inked("手术费", 10, 40, TextBox.Ink.FORM),
                inked("王者荣耀天下", 40, 60, TextBox.Ink.DATA));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        List<ReceiptReading.Unlabelled> names = reading.unlabelled().stream().filter(u -> u.sort() == ReceiptReading.Sort.NAME).toList();
        assertThat(names).extracting(u -> u.value().text()).containsExactly("梁琪振");
        assertThat(names.getFirst().label().x()).isCloseTo(0, within(0.5));
        assertThat(names.getFirst().label().x() + names.getFirst().label().width()).isCloseTo(40, within(0.5));
        PageText labelled = page(inked("交款人：", 10, 20, TextBox.Ink.FORM), inked("梁琪振", 40, 20, TextBox.Ink.DATA));
        ReceiptReading read = ReceiptExtractor.extract(List.of(labelled));
        assertThat(texts(read)).containsEntry("payerName", "梁琪振");
        assertThat(read.unlabelled()).noneMatch(u -> u.sort() == ReceiptReading.Sort.NAME);
    }

    /**
     * 收款单位（章） lost, the hospital read at the foot with the cashier after it (大冶市人民医院 段杰琪): an institution's name
     * read where no label named it, for the list to judge; not 医疗机构类型's 综合医院 in the form's ink, nor anything when
     * the hospital's label was read.
     */
    @Test
    void findsAnInstitutionsNameWhereNoLabelNamedTheHospital() {
        PageText page = page(inked("医疗机构类型：", 10, 20, TextBox.Ink.FORM), inked("综合医院", 40, 20, TextBox.Ink.FORM),
                inked("大冶市人民医院段杰琪", 40, 90, TextBox.Ink.DATA));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("大冶市人民医院");
        assertThat(reading.unlabelled().getFirst().sort()).isEqualTo(ReceiptReading.Sort.INSTITUTION);
        PageText labelled = page(inked("收款单位（章）：", 10, 90, TextBox.Ink.FORM), inked("大冶市人民医院", 40, 90, TextBox.Ink.DATA));
        ReceiptReading read = ReceiptExtractor.extract(List.of(labelled));
        assertThat(texts(read)).containsEntry("hospital", "大冶市人民医院");
        assertThat(read.unlabelled()).isEmpty();
    }

    /**
     * A date after a digit read on its own, the grid's line between two cells read as 1 (2026/02/23 1 导订 2026/03/01, 出院日期
     * under the seal read 导订), is a date no label was read before: a date's year is whole in its four digits, and no digit
     * read before it is its own, cut off, as one may be an amount's.
     */
    @Test
    void findsADateAfterADigitReadBeforeItsLostLabel() {
        PageText page = page(new TextBox("入院日期：2026/02/23", 10, 40, 36, 3.5, 0.9), new TextBox("1", 50, 40, 1.7, 3.5, 0.2),
                new TextBox("导订", 56, 40, 7, 3.5, 0.3), new TextBox("2026/03/01", 70, 40, 18, 3.5, 0.9));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("admissionDate", "2026-02-23");
        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("2026-03-01");
        assertThat(reading.unlabelled().getFirst().date()).isTrue();
    }

    /**
     * 个人自付：¥966.02 个人自费：¥130.68 with the seal over 个人自费, read 个人自付：关966.02 1 当130.68: the 1 (the label
     * misread) stands between wide gaps, and 当 (the ¥) right before 130.68, which is a value no label was read before.
     * Not so with nothing between the last gap and the value (1 130.68, 1当 130.68: the 1 may be its own digit), nor
     * read unsure (蔡49.30 for ¥479.30, the sign read with a digit).
     */
    @ParameterizedTest(name = "{0} {1} at {2}: found {3}")
    @CsvSource({"1, 当130.68, 0.6, true", "1, 130.68, 0.6, false", "1当, 130.68, 0.6, false", "1, 蔡49.30, 0.0, false"})
    void findsAnAmountWithItsSignPastAWideGapAfterADigitReadBeforeIt(String stray, String signed, double confidence, boolean found) {
        PageText page = page(new TextBox("个人自付：关966.02", 10, 40, 28, 3.5, 0.9), new TextBox(stray, 45, 40, 1.7 * stray.length(), 3.5, 0.0),
                new TextBox(signed, 60, 40, 1.7 * signed.length(), 3.5, confidence));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("selfPaid", "966.02");
        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).isEqualTo(found ? List.of("130.68") : List.of());
    }

    /**
     * A grey scan's line of a statement (set 1's other form, seed 11): the total read with its sign as Y# and a speck after
     * it, Y#13287.93., then 统筹基金支付 under the seal's ring read as 和, then its amount. The speck made the total's digits no
     * amount of the line, so they stood between the next amount and its label's room, as a digit cut off it would: that
     * amount was no value to place. The total is an amount of the line now, and the payment's amount is placed by what
     * the page says of it later (the sum, a label's remnant).
     */
    @Test
    void aSpeckAfterAnAmountDoesNotKeepTheNextAmountOnItsLineFromBeingPlaced() {
        PageText page = page(box("医疗费用总额", 10, 20), box("Y#13287.93", 50, 20), box(".", 70, 20), box("和", 78, 20),
                box("Y#10396.04", 120, 20));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("total", "13287.93");
        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("10396.04");
    }

    /**
     * A comma after what the page read of a label (洒, for 自付金额 under the seal's ring) is a speck, not the separator of
     * thousands it is after a digit: the amount after it is one, placed by no label, for the looks at its label.
     */
    @Test
    void aCommaAfterALabelsRemnantIsNoSeparatorOfThousands() {
        PageText page = page(box("医疗费用总额", 10, 13), box("Y1652.02", 50, 13), box("自费金额:Y183.13", 10, 20),
                box("洒,385.57", 70, 20), box("个人现金支付:Y642.04", 110, 20));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("selfFunded", "183.13").containsEntry("cashPaid", "642.04");
        assertThat(reading.unlabelled()).extracting(u -> u.value().text()).containsExactly("385.57");
    }

    /** After a digit the comma separates thousands: the amount is the whole run, never its last digits. */
    @Test
    void aCommaAfterADigitSeparatesThousands() {
        PageText page = page(box("医疗费用总额", 10, 13), box("Y1652.02", 50, 13), box("个人自费:Y1,385.57", 10, 20));

        ReceiptReading reading = ReceiptExtractor.extract(List.of(page));

        assertThat(texts(reading)).containsEntry("selfFunded", "1385.57");
    }

    static TextBox inked(String text, double x, double y, TextBox.Ink ink) {
        return new TextBox(text, x, y, new TestReceipt.Placed(text, 0, 0, 3.5).width(), 3.5, 1.0, ink);
    }

    static PageText page(TextBox... boxes) {
        return new PageText(0, 240, 140, List.of(boxes));
    }
}
