package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huzhu.recognition.ReceiptReading.Area;
import org.huzhu.recognition.ReceiptReading.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecondReadsTest {

    /**
     * A line reader that answers by where it is asked (each field stands on its own line, at y =
     * 100 × its row) and at which scale, and remembers what it was asked.
     */
    static final class ScriptedLines implements LineReader {
        final Map<String, String> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<Double> widths = new ArrayList<>();

        ScriptedLines answer(int row, double scale, String text) {
            answers.put(row + "@" + scale, text);
            return this;
        }

        /** Answers the looks at both scales of a row ({@code SECOND_SCALE} and {@code THIRD_SCALE}) alike. */
        ScriptedLines twice(int row, String text) {
            return answer(row, 2.0, text).answer(row, 1.5, text);
        }

        /** Answers a look in the given characters only (an empty alphabet: in any), by its row and scale. */
        ScriptedLines answer(int row, double scale, String alphabet, String text) {
            answers.put(row + "@" + scale + ":" + alphabet, text);
            return this;
        }

        /**
         * Answers a look at the row and scale begun further left than a look from half a line height before the row's
         * value ({@link #row}: x = 200, 24 high), before the other answers.
         */
        ScriptedLines furtherLeft(int row, double scale, String text) {
            return scripted(row + "@" + scale + "<", text);
        }

        @Override
        public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
            int row = (int) Math.round((y + height / 2) / 100);
            asked.add(row + "@" + scale + ":" + alphabet);
            widths.add(width);
            String left = x < 200 - 12 ? answers.get(row + "@" + scale + "<") : null;
            String text = left != null ? left : answers.getOrDefault(row + "@" + scale + ":" + alphabet, answers.get(row + "@" + scale));
            return text == null ? null : new TextBox(text, x, y, width, height, 0.8);
        }

        /** Answers a look on the page's data without the seal ({@link LineReader#readLineWithoutSeal}) by its row and scale. */
        ScriptedLines withoutSeal(int row, double scale, String text) {
            return scripted(row + "@" + scale + "~seal", text);
        }

        private ScriptedLines scripted(String key, String text) {
            answers.put(key, text);
            return this;
        }

        @Override
        public TextBox readLineWithoutSeal(double x, double y, double width, double height, double scale, String alphabet) {
            return answered(scale + "~seal", x, y, width, height);
        }

        /** The answer scripted for the look's row and the key after it, the look remembered. */
        private TextBox answered(String key, double x, double y, double width, double height) {
            int row = (int) Math.round((y + height / 2) / 100);
            asked.add(row + "@" + key);
            String text = answers.get(row + "@" + key);
            return text == null ? null : new TextBox(text, x, y, width, height, 0.8);
        }

        /** Answers a look with the labels' ink ({@link LineReader#readLineWithLabels}) by its row and scale. */
        ScriptedLines withLabels(int row, double scale, String text) {
            return scripted(row + "@" + scale + "~labels", text);
        }

        @Override
        public TextBox readLineWithLabels(double x, double y, double width, double height, double scale, String alphabet) {
            return answered(scale + "~labels", x, y, width, height);
        }

        /** Answers a look for a label by its row, at any scale. */
        ScriptedLines label(int row, String text) {
            answers.put(row + "@label", text);
            return this;
        }

        /** Answers a look for a label by its row, at the given scale only. */
        ScriptedLines label(int row, double scale, String text) {
            answers.put(row + "@label@" + scale, text);
            return this;
        }

        /** Answers a look for a label on the page as it came, with its seal ({@link LineReader#readLabelWithSeal}), by its row, at any scale. */
        ScriptedLines labelWithSeal(int row, String text) {
            return scripted(row + "@label~withSeal", text);
        }

        @Override
        public TextBox readLabelWithSeal(double x, double y, double width, double height, double scale) {
            return answered("label~withSeal", x, y, width, height);
        }

        /** Answers a look for a label on the form's layer without the seal's star ({@link LineReader#readLabelWithoutStar}), by its row, at any scale. */
        ScriptedLines labelWithoutStar(int row, String text) {
            return scripted(row + "@label~withoutStar", text);
        }

        @Override
        public TextBox readLabelWithoutStar(double x, double y, double width, double height, double scale) {
            return answered("label~withoutStar", x, y, width, height);
        }

        /** Answers the reads of the words along the page's seal ({@link LineReader#readSealWords}). */
        ScriptedLines sealWords(String... reads) {
            seal = List.of(reads);
            return this;
        }

        private List<String> seal = List.of();

        /** The seal's disc on the page read with the words under it ({@link LineReader#sealDisc}). */
        ScriptedLines sealDisc(double x, double y, double radius) {
            disc = new Disc(x, y, radius);
            return this;
        }

        private Disc disc;

        @Override
        public Disc sealDisc() {
            return disc;
        }

        @Override
        public List<String> readSealWords() {
            asked.add("seal");
            return seal;
        }

        @Override
        public TextBox readLabel(double x, double y, double width, double height, double scale) {
            int row = (int) Math.round((y + height / 2) / 100);
            asked.add(row + "@label");
            String text = answers.getOrDefault(row + "@label@" + scale, answers.get(row + "@label"));
            return text == null ? null : new TextBox(text, x, y, width, height, 0.8);
        }
    }

    private static Area row(int row) {
        return new Area(200, row * 100 - 12, 150, 24);
    }

    private static ReceiptReading reading(Map<ReceiptField, Value> values, Map<ReceiptField, Area> slots) {
        return new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, values, EnumSet.allOf(ReceiptField.class), List.of(), false,
                List.of(), slots, List.of());
    }

    private static Map<ReceiptField, Value> values(Object... fieldTextRow) {
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        for (int i = 0; i < fieldTextRow.length; i += 3) {
            values.put((ReceiptField) fieldTextRow[i], new Value((String) fieldTextRow[i + 1], 0.6, row((Integer) fieldTextRow[i + 2])));
        }
        return values;
    }

    @Test
    void keepsANameBothReadsAgreeOnWithTheBetterConfidence() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "张三");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "张三", 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("张三");
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isEqualTo(0.8);
        assertThat(lines.asked).containsExactly("1@2.0:");
    }

    /**
     * A payer the look at ×2 reads nothing of is looked at ×1.5: reading nothing or the page's name, the page's read stands;
     * reading the page's name without the one character the page read before it (和徐雪涛, a thin Song face's colon after
     * its label read as 和), the look's name is taken, a little less sure, with a warning; another name, and the reads
     * disagree and it is left out: so is a look that read the page's name without two characters, or without one that
     * leaves no name people are called by.
     */
    @ParameterizedTest(name = "page {0}, ×1.5 {1} → {2}")
    @CsvSource({"张三, , 张三", "张三, 张三, 张三", "和徐雪涛, 徐雪涛, 徐雪涛", "张三, 李四, ", "和徐雪涛, 雪涛, ", "和徐雪涛, 钟雪涛, ",
            "了和雪涛, 和雪涛, 和雪涛", "了衰伟, 衰伟, "})
    void aPayerTheLookAtTwiceReadsNothingOfIsLookedAtOnceMore(String page, String look, String taken) {
        ScriptedLines lines = new ScriptedLines();
        if (look != null) lines.answer(1, 1.5, look);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, page, 1), Map.of()), lines);

        assertThat(lines.asked).containsExactly("1@2.0:", "1@1.5:");
        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
            assertThat(read.warnings()).containsExactly("交款人几次识别的结果不一致，已舍弃，请核对");
        } else if (taken.equals(page)) {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(page);
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isEqualTo(0.6);
            assertThat(read.warnings()).isEmpty();
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
            assertThat(read.warnings()).containsExactly("交款人读作「" + page + "」，再次识别读作「" + taken + "」，多出的首字像是标签后的冒号，取后者，请核对原件");
        }
    }

    @Test
    void takesTheNameAThirdReadAgreesWithAtALittleLessConfidence() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "何英浩").answer(1, 1.5, "何英浩");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "何英洗", 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("何英浩");
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(0.9 * 0.8, within(1e-9));
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void aNameWrittenWithAMiddleDotAgreesWithAReadThatLostTheDotAndKeepsIt() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "阿依.头头提").answer(1, 1.5, "阿依-买买提");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "阿依买买提", 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("阿依·买买提");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void ofReadsDifferingOnlyInTheFirstCharacterTheOneBeginningWithASurnameIsTaken() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "袁伟").answer(1, 1.5, "囊伟");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "衰伟", 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("袁伟");
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
        assertThat(read.warnings()).isEmpty();
    }

    /**
     * 郝英强 by the page, 孝英强 by both looks (the seal's ring over 郝): the looks agree on a name no one is called by, the
     * page's read begins with a surname before the same given name, and a look at another scale reads it too — taken, as a
     * name outvoting others. Not when the looks at the other scales read other names (东英强, 昔英强): the looks' name is
     * kept, for the checks to leave out.
     */
    @ParameterizedTest(name = "at 1.0 {0}, at 2.5 {1} → {2}")
    @CsvSource({"郝英强, , 郝英强", "东英强, 郝英强, 郝英强", "东英强, 昔英强, 孝英强"})
    void thePagesReadWithASurnameIsTakenOverLooksAgreeingOnNoneWhenALookAtAnotherScaleReadsIt(String atOne, String atTwoAndAHalf,
            String taken) {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "孝英强").answer(1, 1.5, "孝英强").answer(1, 1.0, atOne);
        if (atTwoAndAHalf != null) lines.answer(1, 2.5, atTwoAndAHalf);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "郝英强", 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
    }

    /**
     * 陈怡军 by the page, 陈恰军 by both looks (their model misreads 怡 so): the looks agree on a given name with a character
     * no one is named by, where the page's read has a usual one, and the page's read is taken, said in a warning. Not when
     * the looks' character is usual too (陈明军 by the page), when the page's read has another surname, or differs where
     * the looks' characters are usual ones too. The page's character may be a compound surname's second (诸葛浩涛 against
     * 诸丧浩涛).
     */
    @ParameterizedTest(name = "page {0}, looks {1} → {2}")
    @CsvSource({"陈怡军, 陈恰军, 陈怡军", "陈明军, 陈怡军, 陈怡军", "李怡军, 陈怡军, 陈怡军", "陈怡宁, 陈明军, 陈明军", "孙兴盛, 孙兴盘, 孙兴盛",
            "诸葛浩涛, 诸丧浩涛, 诸葛浩涛", "诸葛浩涛, 诸明浩涛, 诸明浩涛"})
    void aNameTwoLooksAgreeOnWithACharacterNoOneIsNamedByGivesWayToTheReadWithAUsualOne(String page, String looks, String taken) {
        ReceiptReading read = payerReadAgainAlike(page, looks);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
        if (taken.equals(page)) {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.6, within(1e-9));
            assertThat(read.warnings()).containsExactly("交款人两次读作「" + looks + "」，其中有不常用于人名的字，另一次读作「" + page + "」，取后者，请核对原件");
        } else {
            assertThat(read.warnings()).isEmpty();
        }
    }

    /**
     * A name two looks agree on with a character no one is named by, where the page's read has another there (usual or
     * not, its surname the same or not; the page's read held by its end, after what the seal left of the label), is left
     * out: the reads disagree just where the name is least like one (刘梅疗 by both looks for 刘梅秀, the page's
     * 交款加天者和庆梅疾). Not where the page agrees on it, differs only in the surname or in usual characters, or read
     * fewer characters than the name has (疗).
     */
    @ParameterizedTest(name = "page {0}, looks {1} → {2}")
    @CsvSource({"李怡军, 陈恰军, ", "陈怡宁, 陈恰军, ", "交款加天者和庆梅疾, 刘梅疗, ", "李恰军, 陈恰军, 陈恰军", "庆梅秀, 刘梅秀, 刘梅秀",
            "陈怡宁, 陈明军, 陈明军", "疗, 刘梅疗, 刘梅疗"})
    void aNameTwoLooksAgreeOnIsLeftOutWhereItHasACharacterNoOneIsNamedByAndThePageReadAnother(String page, String looks, String taken) {
        ReceiptReading read = payerReadAgainAlike(page, looks);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
            assertThat(read.warnings()).contains("交款人几次识别的结果不一致，已舍弃，请核对");
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
        }
    }

    /** A payer read as {@code page} by the page and as {@code looks} by both looks at its line, after the second looks. */
    private static ReceiptReading payerReadAgainAlike(String page, String looks) {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, looks).answer(1, 1.5, looks);
        return SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, page, 1), Map.of()), lines);
    }

    /**
     * Three reads of a payer that all differ make a name character by character, each read from its surname on (a stroke
     * read before it left out), when each character is had by two reads and the name is one people are called by.
     */
    @ParameterizedTest(name = "{0}, {1}, {2} → {3}")
    @CsvSource({"崔慧风, 崔慧凤, 屹慧凤, 崔慧凤", "了陈怡军, 陈怡军, 陈怡写, 陈怡军", "避彭姥子, 彭娜子, 忍一彭娜子, 彭娜子",
            "唐丽, 商丽, 唐尔, 唐丽", "戴柏谦, 戴眩谥, 戴柏谥, ", "王字雪, 王宁雪, 王宇雪, ", "付燕军, 付燕军军, 付燕车, ",
            "玛丽·买买提, 玑丽·买买提, 玖丽·买买提, "})
    void threeReadsThatAllDifferMakeANameCharacterByCharacter(String page, String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, second).answer(1, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, page, 1), Map.of()), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
            assertThat(read.warnings()).containsExactly("交款人三次识别各不相同（" + page + "、" + second + "、" + third + "），逐字取多数读作「" + taken + "」，请核对原件");
        }
    }

    /**
     * Two reads of a payer that share three characters before one more, another in each (the seal pressed on the name,
     * its ring or star crossing the line after it, read as a character), give the three when they are a single surname and two characters
     * people are named by, the last no label's first. Not for reads of three (黄国厂, 黄国夕: a name of two and a stroke, or
     * of three misread), the same fourth character, a difference before it, a compound surname (欧阳明东), a character no
     * one is named by (陈怡牢), a label's first character (唐丽开: 开票日期 after 唐丽), a middle dot.
     */
    @ParameterizedTest(name = "{0}, {1} → {2}")
    @CsvSource({"韩华明东, 韩华明怀, 韩华明", "李浩斌口, 李浩斌气, 李浩斌", "林宇秀志, 林宇秀忘, 林宇秀", "彭娜子叹, 彭娜子弘, 彭娜子",
            "黄国厂, 黄国夕, ", "王宇富, 王宇霁, ", "韩华明东, 韩华明东, ", "李维基开, 李维逸开, ", "欧阳明东, 欧阳明怀, ",
            "陈怡牢东, 陈怡牢西, ", "唐丽开乐, 唐丽开县, ", "麦·克李东, 麦·克李西, ", "韩华明东, 韩华明怀一, ", "华明东, 华明怀, "})
    void twoReadsOfAPayerThatDifferOnlyInACharacterAfterTheNameGiveTheName(String one, String other, String name) {
        assertThat(SecondReads.sharedBeforeAStroke(one, other)).isEqualTo(name);
        assertThat(SecondReads.sharedBeforeAStroke(other, one)).isEqualTo(name);
    }

    /**
     * So taken where the page read the name otherwise (李洗斌, the looks 李浩斌口 and 李浩斌气) and where the page read
     * nothing and both looks at the payer's slot read a stroke after the name, with a warning giving both reads; not
     * where they differ in the name (李维基开, 李维逸开).
     */
    @ParameterizedTest(name = "{0} / {1} / {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"李洗斌 | 李浩斌口 | 李浩斌气 | 李浩斌", "- | 韩华明东 | 韩华明怀 | 韩华明",
            "- | 李维基开 | 李维逸开 | -", "李洗斌 | 李浩斌口 | 李浩文气 | -"})
    void aPayerTwoReadsGiveWithAStrokeAfterItIsTakenWithAWarning(String page, String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(page == null ? 3 : 1, 2.0, second).answer(page == null ? 3 : 1, 1.5, third);
        ReceiptReading reading = page == null ? reading(values(), Map.of(ReceiptField.PAYER_NAME, row(3)))
                : reading(values(ReceiptField.PAYER_NAME, page, 1), Map.of());

        ReceiptReading read = SecondReads.apply(reading, lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
            assertThat(read.warnings()).noneMatch(w -> w.contains("末字各不相同"));
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
            // both reads the looks', each 0.8 sure: the name a little less sure than the less sure of them
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
            assertThat(read.warnings()).contains("交款人两次分别读作「" + second + "」「" + third + "」，末字各不相同，像是印章的笔画，取前三字「" + taken
                    + "」，请核对原件");
        }
    }

    /**
     * Not when another read begins with another surname, the reads differ after their first character, or only the page's
     * read begins with one (华海林 for 蔡海林, the seal's ring over 蔡: the looks read 笃 and 每).
     */
    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"衰伟, 袁伟, 黄伟", "衰伟, 袁纬, 囊伟", "衰伟, 囊伟, 误伟", "衰伟, 袁伟强, 囊伟", "华海林, 笃海林, 每海林"})
    void noReadIsChosenBySurnameUnlessTheOthersDifferOnlyInAFirstCharacterNoOneIsCalledBy(String page, String second, String third) {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, second).answer(1, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, page, 1), Map.of()), lines);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
        assertThat(read.warnings()).contains("交款人几次识别的结果不一致，已舍弃，请核对");
    }

    /**
     * A payer's name whose every read lost its middle dot (麦克李 for 麦克·李, 努尔买买提 for 努尔·买买提) gets it back where
     * its ink holds one ({@link LineReader#middleDotAfter}); a name read with its dot, one of two characters, and one whose
     * ink holds none are as read, and only a name of three characters and more is looked at.
     */
    @ParameterizedTest(name = "{0}, the ink's dot after {1} → {2}")
    @CsvSource({"麦克李, 2, 麦克·李", "努尔买买提, 2, 努尔·买买提", "买买提艾力, 3, 买买提·艾力", "麦克李, 0, 麦克李", "麦克·李, 1, 麦克·李",
            "王芳, 1, 王芳"})
    void aPayersNameRunTogetherGetsTheMiddleDotItsInkHolds(String name, int dotAfter, String taken) {
        ScriptedLines scripted = new ScriptedLines().answer(1, 2.0, name).answer(1, 1.5, name);
        List<Integer> asked = new ArrayList<>();
        LineReader lines = new LineReader() {
            @Override
            public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
                return scripted.readLine(x, y, width, height, scale, alphabet);
            }

            @Override
            public int middleDotAfter(double x, double y, double width, double height, int characters) {
                asked.add(characters);
                return dotAfter;
            }
        };

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, name, 1), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
        assertThat(asked).as("the ink looked at for a name of three characters and more, run together")
                .isEqualTo(name.length() >= 3 && !name.contains("·") ? List.of(name.length()) : List.of());
    }

    @ParameterizedTest(name = "{0} and {1} → {2}")
    @CsvSource({"麦克李, 麦克·李, 麦克·李", "麦克·李, 麦克李, 麦克·李", "张三, 张三, 张三", "麦克·李, 麦·克李,", "麦克李, 麦克杏,",
            "麦克·李, 麦克-李,"})
    void twoReadsOfANameAgreeWhenTheyDifferOnlyByAMiddleDot(String one, String other, String agreed) {
        assertThat(SecondReads.sameName(one, other)).isEqualTo(agreed);
    }

    @Test
    void aHospitalReadAsNoHospitalsIsLookedAtAgainToTheEndOfItsLabelsRoomAndCutAfterItsEnding() {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "利川市人民医院龟，").answer(7, 1.5, "利川市人民医院龟;");
        Map<ReceiptField, Area> room = Map.of(ReceiptField.HOSPITAL, new Area(190, 688, 600, 24));

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "利)", 7), room), lines);

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("利川市人民医院");
        assertThat(lines.widths).as("looks reach the room's end, 790").allMatch(w -> 200 + w >= 790);
    }

    /**
     * A hospital the page read as 利) and the looks with the seal as no hospital (利直人民医院, 利放所人民医院), looked at
     * without the seal in its room: {@code second} at scale 2.0, {@code third} at 1.5.
     */
    private static ReceiptReading hospitalLookedAtWithoutTheSeal(ScriptedLines lines, String second, String third) {
        lines.answer(7, 2.0, "利直人民医院").answer(7, 1.5, "利放所人民医院").withoutSeal(7, 2.0, second).withoutSeal(7, 1.5, third);
        Map<ReceiptField, Area> room = Map.of(ReceiptField.HOSPITAL, new Area(190, 688, 600, 24));
        return SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "利)", 7), room), lines, HospitalList.shipped());
    }

    @ParameterizedTest
    @CsvSource({"利川市人民医院, 利川市人民医院", "利川市人民医院, 利川击人民医院", "利川击人民医院, 利川市人民医院",
            "利川市人民医院复, 利川市人民医院复和"})
    void aHospitalIsTakenFromTheLayerWithoutTheSealWhenOneLookThereNamesAListedOneAndTheOtherItOrACharacterFromIt(String second,
                                                                                                             String third) {
        ScriptedLines lines = new ScriptedLines();

        ReceiptReading read = hospitalLookedAtWithoutTheSeal(lines, second, third);

        Value hospital = read.fields().get(ReceiptField.HOSPITAL);
        assertThat(hospital.text()).isEqualTo("利川市人民医院");
        assertThat(hospital.confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
        assertThat(read.warnings()).noneMatch(w -> w.startsWith("收款单位"));
        assertThat(lines.asked).contains("7@2.0~seal", "7@1.5~seal");
    }

    @ParameterizedTest
    @CsvSource({"i):利川市人民医院复;, 利川击人民医院, 利川市人民医院", "利川市人民医院, 宜昌市中心人民医院, "})
    void aHospitalThePageDidNotReadIsLookedAtInItsSlotWithoutTheSealWhenTheLooksWithItNameNoListedOne(String second, String third,
                                                                                                     String taken) {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "1京h志人民医院AA复;").answer(7, 1.5, "京山k人民医院")
                .withoutSeal(7, 2.0, second).withoutSeal(7, 1.5, third);
        Map<ReceiptField, Area> slot = Map.of(ReceiptField.HOSPITAL, new Area(190, 688, 600, 24));

        ReceiptReading read = SecondReads.apply(reading(values(), slot), lines, HospitalList.shipped());

        Value hospital = read.fields().get(ReceiptField.HOSPITAL);
        assertThat(hospital == null ? null : hospital.text()).isEqualTo(taken);
        assertThat(lines.asked).contains("7@2.0~seal", "7@1.5~seal");
    }

    /**
     * 宜昌市中心人民医院 read 市中心人民医院 by the page and the looks from where it began, its slot beginning further left
     * (a black form's data printed lower than its labels): looked at from the slot's beginning, {@code second} at 2.0 and
     * {@code third} at 1.5. A listed hospital both name, or one names and the other is a character from, is taken; else
     * the page's read stays (for the checks to warn that the list lacks it). A slot that begins where the read did is
     * not looked at so.
     */
    @ParameterizedTest
    @CsvSource({"100, 宜昌市中心人民医院, 宜昌市中心人民医院, 宜昌市中心人民医院", "100, 宜昌市中心人民医院, 宜昌布中心人民医院, 宜昌市中心人民医院",
        "100, :市中心人民医院, :市中心人民医院, 市中心人民医院", "100, 宜昌市中心人民医院, , 市中心人民医院",
        "190, 宜昌市中心人民医院, 宜昌市中心人民医院, 市中心人民医院"})
    void aHospitalReadAsNoListedOneIsLookedAtFromWhereItsSlotBegins(int slotStart, String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().twice(7, "市中心人民医院").furtherLeft(7, 2.0, second);
        if (third != null) lines.furtherLeft(7, 1.5, third);
        Map<ReceiptField, Area> slot = Map.of(ReceiptField.HOSPITAL, new Area(slotStart, 688, 800 - slotStart, 24));

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "市中心人民医院", 7), slot), lines, HospitalList.shipped());

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo(taken);
    }

    @ParameterizedTest
    @CsvSource({"利川市人民医院, 宜昌市中心人民医院", "利川市人民医院, 京山市中医医"})
    void aHospitalIsNotTakenFromTheLayerWithoutTheSealUnlessItsLooksThereNameOneListedOne(String second, String third) {
        ReceiptReading read = hospitalLookedAtWithoutTheSeal(new ScriptedLines(), second, third);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        assertThat(read.warnings()).contains("收款单位几次识别的结果不一致，已舍弃，请核对");
    }

    /**
     * Both looks without the seal agreeing on a name the list lacks (利川市人民医完) take nothing there; all the reads
     * together then come nearest to 利川市人民医院 ({@link HospitalList#nearestOfAll}): 利直人民医院, as near another
     * hospital, does not speak, and 利放所人民医院 keeps the 院 the two looks read as 完 alike. Named so, with its warning.
     */
    @Test
    void aHospitalTheLooksWithoutTheSealMisreadAlikeIsNamedByTheReadsTogether() {
        ReceiptReading read = hospitalLookedAtWithoutTheSeal(new ScriptedLines(), "利川市人民医完", "利川市人民医完");

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("利川市人民医院");
        assertThat(read.warnings()).doesNotContain("收款单位几次识别的结果不一致，已舍弃，请核对")
                .anyMatch(w -> w.startsWith("收款单位几次识别均有残缺（") && w.endsWith("按医疗机构名录取最接近的「利川市人民医院」，请核对原件"));
    }

    @Test
    void anAmountOfTheSumMisreadUnderTheSealIsTakenFromTheLayerWithoutItWhenTheSumThenHolds() {
        // the look at one scale took in a stroke of the label (11321.49), the other read the amount whole; the sum says which
        ScriptedLines lines = new ScriptedLines().withoutSeal(2, 2.0, "11321.49410.00.").withoutSeal(2, 1.5, "¥1321.49¥0.00");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.TOTAL, "3751.46", 1, ReceiptField.FUND_PAID, "室321", 2,
                ReceiptField.OTHER_PAID, "0.00", 3, ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", 4, ReceiptField.CASH_PAID, "1283.05", 5),
                Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
        assertThat(lines.asked).contains("2@2.0~seal", "2@1.5~seal");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"321.49, 321.49", "1321.44, 1321.44", "1321.4, 1321.4", "'', ''"})
    void anAmountOfTheSumIsNotTakenFromTheLayerWithoutTheSealUnlessTheSumThenHolds(String second, String third) {
        ScriptedLines lines = new ScriptedLines().withoutSeal(2, 2.0, second).withoutSeal(2, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.TOTAL, "3751.46", 1, ReceiptField.FUND_PAID, "室321", 2,
                ReceiptField.OTHER_PAID, "0.00", 3, ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", 4, ReceiptField.CASH_PAID, "1283.05", 5),
                Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("室321");
    }

    @Test
    void twoAmountsOfTheSumLeftOutAreTakenFromTheLayerWithoutTheSealOnlyTogetherWithTheSumHolding() {
        Map<ReceiptField, Area> slots = Map.of(ReceiptField.FUND_PAID, row(2), ReceiptField.OTHER_PAID, row(3));
        ScriptedLines bothRight = new ScriptedLines().withoutSeal(2, 2.0, "976.28").withoutSeal(2, 1.5, "976.28")
                .withoutSeal(3, 2.0, "199.34").withoutSeal(3, 1.5, "199.34");
        ScriptedLines oneWrong = new ScriptedLines().withoutSeal(2, 2.0, "976.28").withoutSeal(2, 1.5, "976.28")
                .withoutSeal(3, 2.0, "99.34").withoutSeal(3, 1.5, "99.34");
        Map<ReceiptField, Value> others = values(ReceiptField.TOTAL, "4041.34", 1, ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4,
                ReceiptField.CASH_PAID, "2865.72", 5);

        ReceiptReading right = SecondReads.apply(reading(others, slots), bothRight);
        ReceiptReading wrong = SecondReads.apply(reading(others, slots), oneWrong);

        assertThat(right.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("976.28");
        assertThat(right.fields().get(ReceiptField.OTHER_PAID).text()).isEqualTo("199.34");
        assertThat(wrong.fields()).doesNotContainKeys(ReceiptField.FUND_PAID, ReceiptField.OTHER_PAID);
    }

    @ParameterizedTest(name = "{0} completed by {1}")
    @CsvSource({"1106, 1106.62", "1106.6, 1106.62", "215人94, 2159.44", "”半966102, 966.02"})
    void anAmountReadShortIsCompletedByTheLayerWithoutTheSealWhenBothLooksBeginWithTheDigitsThePageRead(String page, String looks) {
        ScriptedLines lines = new ScriptedLines().withoutSeal(6, 2.0, looks).withoutSeal(6, 1.5, looks);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.SELF_PAID, page, 6), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo(looks);
    }

    @ParameterizedTest(name = "{0}: looks {1} and {2}")
    @CsvSource({"3540.7, 540.73, 540.73", "1106, 1106.62, 1106.52", "106, 2106.62, 2106.62", "11, 11.62, 11.62",
        "”半966102, 966.02, 966.62", "”半961602, 966.02, 966.02", "”半96102, 96.02, 96.02"})
    void anAmountReadShortIsLeftAsReadUnlessBothLooksAgreeAndKeepEveryDigitThePageRead(String page, String second, String third) {
        ScriptedLines lines = new ScriptedLines().withoutSeal(6, 2.0, second).withoutSeal(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.SELF_PAID, page, 6), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo(page);
    }

    /**
     * Three reads that disagree, two of them near enough to the listed name (the third cut short). Reads that agree on
     * two misread characters or more (华中科拷活…掀 twice) would show another hospital and choose nothing
     * ({@link HospitalList#readsShowAnother}).
     */
    @Test
    void aHospitalWhoseReadsAllDisagreeIsTheListedOneTheyAllComeNearestToWithAWarning() {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "华中科挝疼同济医党噬附属协和医院").answer(7, 1.5, "华中科技类尝同济医");
        ReceiptReading page = reading(values(ReceiptField.HOSPITAL, "华中科拷活同济医学掀附属协和医院", 7), Map.of());

        ReceiptReading listed = SecondReads.apply(page, lines, HospitalList.shipped());
        ReceiptReading unlisted = SecondReads.apply(page, lines, null);

        Value hospital = listed.fields().get(ReceiptField.HOSPITAL);
        assertThat(hospital.text()).isEqualTo("华中科技大学同济医学院附属协和医院");
        assertThat(hospital.confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
        assertThat(listed.warnings()).singleElement().asString().startsWith("收款单位几次识别均有残缺").contains("华中科挝疼同济医党噬附属协和医院")
                .endsWith("按医疗机构名录取最接近的「华中科技大学同济医学院附属协和医院」，请核对原件");
        assertThat(unlisted.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        assertThat(unlisted.warnings()).contains("收款单位几次识别的结果不一致，已舍弃，请核对");
    }

    /**
     * A hospital whose printed name the seal lies over, its reads disagreeing and too damaged to name a listed hospital:
     * the words along the seal's arc, read by each model (set 2's scan of 华中科技大学同济医学院附属同济医院, doc-002), both
     * come nearest to it, and it is taken with a warning that says so; the warning that the reads disagreed goes. With
     * no seal on the page, or no list, it stays left out; seal words read once only do not name it.
     */
    @Test
    void aHospitalUnderTheSealIsTheListedOneTheWordsAlongTheSealsArcName() {
        ReceiptReading page = reading(values(ReceiptField.HOSPITAL, "人2技太守避襄沈附属同济医院", 7), Map.of());
        ScriptedLines looks = new ScriptedLines().answer(7, 2.0, "ff..:if,技大c“汀吊浩附属同济医院").answer(7, 1.5, "tr..:lf,挂大<“汀-吊浩附属同济医院");

        ReceiptReading sealed = SecondReads.apply(page, looks.sealWords(".人中科技大学同济医学院附属同洲医院", "2杰中移技大学同济医学院附属同蹇医阪"),
                HospitalList.shipped());

        Value hospital = sealed.fields().get(ReceiptField.HOSPITAL);
        assertThat(hospital.text()).isEqualTo("华中科技大学同济医学院附属同济医院");
        assertThat(sealed.warnings()).containsExactly("收款单位未能读出，印章上读到医疗机构名录中的「华中科技大学同济医学院附属同济医院」，按收款单位取用，请核对原件");
        for (ScriptedLines lines : List.of(looks.sealWords(), looks.sealWords(".人中科技大学同济医学院附属同洲医院"))) {
            ReceiptReading unsealed = SecondReads.apply(page, lines, HospitalList.shipped());
            assertThat(unsealed.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
            assertThat(unsealed.warnings()).containsExactly("收款单位几次识别的结果不一致，已舍弃，请核对");
        }
        assertThat(SecondReads.apply(page, looks.sealWords(".人中科技大学同济医学院附属同洲医院", "2杰中移技大学同济医学院附属同蹇医阪"), null)
                .fields()).doesNotContainKey(ReceiptField.HOSPITAL);
    }

    /**
     * A seal whose label was lost with its printed name (开票单位（章） and 大冶市人民医院 under a phone photo's seal, no slot
     * for the hospital at all): its words alone name it. A seal naming a hospital the list lacks, a character from a
     * listed one (利川市人民医院, against the list without it: 汉川市人民医院), names none; and a page whose printed name
     * was read is not looked at for its seal.
     */
    @Test
    void aSealAloneNamesTheHospitalWhoseLabelWasLostButNeverOneTheListLacks() {
        ReceiptReading page = reading(Map.of(), Map.of());

        ReceiptReading sealed = SecondReads.apply(page, new ScriptedLines().sealWords("/_\\大冶市人民医院/和", "大治市人民医院"), HospitalList.shipped());
        ReceiptReading lacking = SecondReads.apply(page, new ScriptedLines().sealWords("利川市人民医院", "/利川市人民医院"),
                HospitalList.shipped().without("利川市人民医院"));
        ScriptedLines printed = new ScriptedLines().answer(7, 2.0, "利川市人民医院").sealWords("大冶市人民医院", "大冶市人民医院");
        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "利川市人民医院", 7), Map.of()), printed,
                HospitalList.shipped());

        assertThat(sealed.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("大冶市人民医院");
        assertThat(lacking.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("利川市人民医院");
        assertThat(printed.asked).doesNotContain("seal");
    }

    /**
     * A hospital the page did not read at all, its name under the seal in a wide cell: the looks at its slot, with the
     * seal and without, each too damaged to name a listed hospital (the ring read before the name, a character of the
     * name misread), all come nearest to one, which is taken with the warning that lists them; with no list, nothing.
     */
    @Test
    void aHospitalNoReadNamedIsTheListedOneTheLooksAtItsSlotAllComeNearestTo() {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "f|>京山市中医作息").answer(7, 1.5, "f|人京山市中医人尽")
                .withoutSeal(7, 2.0, "和京山市中医伐院").withoutSeal(7, 1.5, "京山市中医伐院");
        ReceiptReading page = reading(Map.of(), Map.of(ReceiptField.HOSPITAL, row(7)));

        ReceiptReading listed = SecondReads.apply(page, lines, HospitalList.shipped());
        ReceiptReading unlisted = SecondReads.apply(page, lines, null);

        assertThat(listed.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("京山市中医医院");
        assertThat(listed.warnings()).singleElement().asString().startsWith("收款单位几次识别均有残缺").contains("京山市中医作息")
                .endsWith("按医疗机构名录取最接近的「京山市中医医院」，请核对原件");
        assertThat(unlisted.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
    }

    @Test
    void aListedHospitalIsNotLookedAtWithoutTheSeal() {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "利川市人民医院").withoutSeal(7, 2.0, "荆门市第二人民医院")
                .withoutSeal(7, 1.5, "荆门市第二人民医院");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "利川市人民医院", 7), Map.of()), lines,
                HospitalList.shipped());

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("利川市人民医院");
        assertThat(lines.asked).noneMatch(a -> a.endsWith("~seal"));
    }

    @Test
    void aHospitalReadAsOneIsLookedAtAgainOnlyWhereItWasRead() {
        ScriptedLines lines = new ScriptedLines().answer(7, 2.0, "利川市人民医院");
        Map<ReceiptField, Area> room = Map.of(ReceiptField.HOSPITAL, new Area(190, 688, 600, 24));

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "利川市人民医院", 7), room), lines);

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("利川市人民医院");
        assertThat(lines.widths).as("looks within the name read and a line height after it").allMatch(w -> w < 200);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"医保统筹基金支付:, FUND_PAID", "医保统筹基金支付办, FUND_PAID", "医保统筹基金支付办:, FUND_PAID", "其他支付;, OTHER_PAID",
            "个人自付, SELF_PAID", "医保统筹基金支付办理, ", "医保统筹基, ", "出院日期, DISCHARGE_DATE"})
    void aLookedAtLabelEndsTheTextOrHasOneCharacterAfterIt(String text, ReceiptField field) {
        ReceiptLabel label = SecondReads.labelEnding(text);
        assertThat(label == null ? null : label.field()).isEqualTo(field);
    }

    @Test
    void leavesOutANameNoTwoReadsAgreeOnWithAWarning() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "花海红").answer(1, 1.5, "葵海红");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.PAYER_NAME, "华海红", 1), Map.of()), lines);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
        assertThat(read.warnings()).containsExactly("交款人几次识别的结果不一致，已舍弃，请核对");
    }

    /**
     * The reads of a hospital's name do not agree, one of them names a listed hospital and the others are a character
     * from it and from no other listed hospital: the listed one is taken, though two reads outvote it (set 1's scans:
     * the page read 武汉大学人民医院, both second looks 武汉太学人民医院).
     */
    @Test
    void takesTheReadThatNamesAListedHospitalWhenTheOthersAreMisreadingsOfIt() {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "武汉太学人民医院").answer(2, 1.5, "武汉太学人民医院");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "武汉大学人民医院", 2), Map.of()), lines,
                HospitalList.shipped());

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("武汉大学人民医院");
        assertThat(read.fields().get(ReceiptField.HOSPITAL).confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.6, within(1e-9));
        ReceiptReading withoutList = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "武汉大学人民医院", 2), Map.of()), lines);
        assertThat(withoutList.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("武汉太学人民医院");
    }

    /**
     * Nothing is chosen by the list when a read is near two listed hospitals (玩阳 is a character from 枣阳 and from
     * 襄阳), when a read is far from the listed one, or when no read is listed: the reads decide as before.
     */
    @ParameterizedTest
    @CsvSource({
            "枣阳市第一人民医院, 玩阳市第一人民医院, 玩阳市第一人民医院, 玩阳市第一人民医院",
            "武汉大学人民医院, 江陵县仁和医院, 江陵县仁和医阮, ",
            "江陵县仁和医院, 江陵县仁和医阮, 江陵县仁和医院, 江陵县仁和医院"})
    void choosesNothingByTheListWhenTheReadsAreNotAllMisreadingsOfOneListedHospital(String first, String second, String third,
                                                                                   String expected) {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, second).answer(2, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, first, 2), Map.of()), lines, HospitalList.shipped());

        Value hospital = read.fields().get(ReceiptField.HOSPITAL);
        assertThat(hospital == null ? null : hospital.text()).isEqualTo(expected);
    }

    /**
     * 京山市人民医院 read as 京出市人民医院 by the page and the look at 2.0 (a grey scan's print, 山 as 出 at every scale but
     * one): the reads agree on no listed hospital, and two more looks at the scales not yet used (1.0, 2.5) are made; one
     * reading the listed hospital, every read a character from it and from no other, names it.
     */
    @Test
    void looksAtAHospitalItsReadsNamedNoListedOneWithAtTheOtherScales() {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "京出市人民医院").answer(2, 1.0, "京山市人民医院");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "京出市人民医院", 2), Map.of()), lines, HospitalList.shipped());

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("京山市人民医院");
        assertThat(read.fields().get(ReceiptField.HOSPITAL).confidence()).isCloseTo(0.8 * SecondReads.OUTVOTED_TRUST, within(1e-9));
        assertThat(lines.asked).contains("2@1.0:", "2@2.5:");
    }

    /** The looks at the other scales choose nothing when one of them reads another hospital, or none reads a listed one. */
    @ParameterizedTest(name = "at 1.0 {0}, at 2.5 {1}")
    @CsvSource({"京山市人民医院, 武汉大学人民医院", "京出市人民医院, 京出市人民医阮", "京山市人民医院, 京山市中医医院"})
    void looksAtTheOtherScalesChooseNoListedHospitalAnotherReadIsNotNear(String atOne, String atTwoAndAHalf) {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "京出市人民医院").answer(2, 1.0, atOne).answer(2, 2.5, atTwoAndAHalf);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "京出市人民医院", 2), Map.of()), lines, HospitalList.shipped());

        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo("京出市人民医院");
    }

    /**
     * Reads agreeing on a listed hospital are not looked at again, nor reads the list could choose nothing for: a
     * hospital the list lacks (江陵县仁和医院), near no listed one.
     */
    @ParameterizedTest
    @CsvSource({"京山市人民医院", "江陵县仁和医院"})
    void doesNotLookAgainAtAHospitalTheListCannotChooseFor(String hospital) {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, hospital).answer(2, 1.0, "京山市人民医院");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, hospital, 2), Map.of()), lines, HospitalList.shipped());

        assertThat(lines.asked).doesNotContain("2@1.0:", "2@2.5:");
        assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo(hospital);
    }

    /**
     * Every fee line read, and they add up to 274.78 where the total was read as 9274.78 (a Song face's ¥ taken for a
     * 9): the total is read twice again, and two looks that agree with each other and with the lines replace it. Looks
     * that agree on another amount, or do not agree, leave it as read; so does a reading whose lines were not all read.
     */
    @ParameterizedTest
    @CsvSource({
            "true, ¥274.78, ¥274.78, 274.78",
            "true, ¥274.78, ¥214.78, 9274.78",
            "true, ¥9274.78, ¥9274.78, 9274.78",
            "false, ¥274.78, ¥274.78, 9274.78"})
    void takesATotalReadAgainThatTheFeeLinesAddUpTo(boolean allLinesRead, String second, String third, String expected) {
        ScriptedLines lines = new ScriptedLines().answer(4, 2.0, second).answer(4, 1.5, third);
        ReceiptReading reading = new ReceiptReading(DocumentKind.OUTPATIENT_RECEIPT, values(ReceiptField.TOTAL, "9274.78", 4),
                EnumSet.allOf(ReceiptField.class), List.of(new FeeLine("诊察费", "128.66"), new FeeLine("治疗费", "146.12")), allLinesRead,
                List.of(), Map.of(), List.of());

        ReceiptReading read = SecondReads.apply(reading, lines);

        assertThat(read.fields().get(ReceiptField.TOTAL).text()).isEqualTo(expected);
    }

    /**
     * A hospital left out because its reads disagree is not read again where its label left room for it: two more looks
     * there agreed on 机阳市第一人民医院 (set 2: the page read 枣阳市, right) and put it back under the warning that the
     * reads disagree.
     */
    @Test
    void doesNotReadANameLeftOutForDisagreeingReadsAgainInItsSlot() {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "杰阳市第一人民医院").answer(2, 1.5, "机阳市第一人民医院")
                .answer(7, 2.0, "机阳市第一人民医院").answer(7, 1.5, "机阳市第一人民医院");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "枣阳市第一人民医院", 2),
                Map.of(ReceiptField.HOSPITAL, row(7))), lines, HospitalList.shipped());

        assertThat(read.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        assertThat(read.warnings()).containsExactly("收款单位几次识别的结果不一致，已舍弃，请核对");
        assertThat(lines.asked).noneMatch(asked -> asked.startsWith("7@"));
    }

    @Test
    void doesNotLetAReadThatDoesNotLookLikeAHospitalOutvoteAnother() {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "湖北省中医耽").answer(2, 1.5, "湖北省中医耽");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.HOSPITAL, "湖北省中医院", 2), Map.of()), lines);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
    }

    @ParameterizedTest
    @CsvSource({
            "CHECK_CODE, 3c8173, 3c8173, 3c8173",
            "INVOICE_CODE, 4201 0126, 42010126, 42010126",
            "SELF_PAID, 2219.34, 2219.34, 2219.34",
            "ISSUE_DATE, 2026-05-12, 2026-05-12, 2026-05-12",
            "ISSUE_DATE, 2026/05/12, 2026/05/12, 2026-05-12",
            "VISIT_DATE, 2026.05.12, 2026.05.12, 2026-05-12",
            "ADMISSION_DATE, 2026/05/01, 2026/05/01, 2026-05-01",
            "DISCHARGE_DATE, 20260512, 20260512, 2026-05-12",
            "ADMISSION_DATE, 2026/05/01 2026/05/12, 2026/05/01 2026/05/12, ",
            "PAYER_NAME, 徐建, 徐建, 徐建",
            "CHECK_CODE, 3c8173, 3c8178, ",
            "INVOICE_CODE, 4201012, 4201012, ",
            "SELF_PAID, 221934, 221934, ",
            "PAYER_NAME, 徐建1, 徐建1, "})
    void readsAValueWhereItsLabelLeftRoomForItOnlyWhenTwoReadsAgreeInTheFieldsForm(ReceiptField field, String second, String third,
                                                                                   String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second).answer(3, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(field, row(3))), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(field);
        } else {
            assertThat(read.fields().get(field).text()).isEqualTo(taken);
            assertThat(read.fields().get(field).confidence()).isEqualTo(0.8);
        }
    }

    /**
     * Looks at a payer's slot that read the seal's strokes over the label before the name: both looks must agree on the
     * name after the strokes, which begins with a surname.
     */
    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({"+，陈怡军, +3，陈怡军, 陈怡军", "5赵静, zi二章》:，赵租, ", "+，了怡军, +，了怡军, "})
    void readsAPayerInItsSlotAfterTheStrokesOfTheSealWhenBothLooksAgree(String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second).answer(3, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, row(3))), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
        }
    }

    /**
     * A look at a payer's slot at the third scale that read nothing is no read of another name: the look at 2.5 stands in
     * for it, and must agree with the second as the third would have (林宇秀 under the seal's star, nothing at 1.5). A
     * third look that read another name is not outvoted so, and one reading marks alone (no name) is as good as nothing.
     * The payer's label read with the name, after the colon, as the marks before it part them (患者如:;:“王强雪).
     */
    @ParameterizedTest(name = "{0} / {1} / {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"一1:“林宇秀 | - | 1一1林宇秀 | 林宇秀", "一1:“林宇秀 | - | 林宇琇 | -",
            "一1:“林宇秀 | - | - | -", "一1:“林宇秀 | 林宁秀 | 林宇秀 | -", "一1:“林宇秀 | :“ | 1一1林宇秀 | 林宇秀",
            "患者如:;:“王强雪 | 患者奶:;:“王强雪 | - | 王强雪", "发:>“林超 | 取:林超 | - | 林超"})
    void aPayerTheThirdLookReadNothingOfIsLookedAtAFourthScale(String second, String third, String fourth, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second);
        if (third != null) lines.answer(3, 1.5, third);
        if (fourth != null) lines.answer(3, 2.5, fourth);

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, row(3))), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
        } else {
            assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo(taken);
        }
    }

    /**
     * A look at a payer's slot ends half a line height before the slot does (the next label begins there: 王强雪开 for
     * 王强雪 before 开具日期); a look at another field's slot reaches a line height further than the slot.
     */
    @Test
    void looksAtAPayersSlotNoFurtherThanItsEnd() {
        Area slot = row(3);
        ScriptedLines payer = new ScriptedLines().answer(3, 2.0, "王强雪").answer(3, 1.5, "王强雪");
        SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, slot)), payer);
        ScriptedLines date = new ScriptedLines();
        SecondReads.apply(reading(values(), Map.of(ReceiptField.ISSUE_DATE, slot)), date);

        double lookStart = slot.x() - 0.5 * slot.height();
        double slotEnd = slot.x() + slot.width();
        assertThat(payer.widths).isNotEmpty().allSatisfy(w -> assertThat(lookStart + w).isCloseTo(slotEnd - 0.5 * slot.height(), within(1e-9)));
        assertThat(date.widths).isNotEmpty().allSatisfy(w -> assertThat(lookStart + w).isCloseTo(slotEnd + slot.height(), within(1e-9)));
    }

    /** A payer the narrower looks read nothing of is looked at across its slot, as before (a thin face at 300 dpi: 蔡海林). */
    @Test
    void aPayerTheNarrowerLooksReadNothingOfIsLookedAtAcrossItsSlot() {
        Area slot = row(3);
        double across = slot.width() + 1.5 * slot.height();
        List<Double> widths = new ArrayList<>();
        LineReader lines = (x, y, width, height, scale, alphabet) -> {
            widths.add(width);
            return width < across ? null : new TextBox("蔡海林", x, y, width, height, 0.8);
        };

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, slot)), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("蔡海林");
        assertThat(widths.getFirst()).isLessThan(across);
    }

    /**
     * Two looks at a hospital's slot (nothing read there by the page) that differ: the list chooses the one naming a
     * listed hospital when the other is a character or two from it and from no other, as for the page's own read.
     */
    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({"荆门市第二人民医院, 草门市第二人民医院, 荆门市第二人民医院, true",
            "荆门市第二人民医院, 草门市第二人民医院, , false",
            "荆门市第二人民医院, 江陵县仁和医院, , true"})
    void ofTwoLooksAtAHospitalsSlotThatDifferTheListChoosesAListedOneTheOtherIsAMisreadingOf(String second, String third, String taken,
                                                                                            boolean withTheList) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second).answer(3, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.HOSPITAL, row(3))), lines,
                withTheList ? HospitalList.shipped() : null);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        } else {
            assertThat(read.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo(taken);
            assertThat(read.fields().get(ReceiptField.HOSPITAL).confidence()).isCloseTo(0.8 * SecondReads.OUTVOTED_TRUST, within(1e-9));
        }
    }

    /**
     * A check code the page read f1adc11, whose looks at 2.0 and 1.5 differ (f1adc1, and fadc1 with its 1 lost), is taken
     * when the look at 2.5 reads it in its form as one of them did, at 0.9 of the lower confidence; not when that look
     * reads another code or nothing, nor when the look at 2.0 read no code in its form, nor when the page's read in the
     * code's form is the other look's (f1adc1 by the page, unsure: two reads against two). Otherwise the page's read
     * stays, for the checks to judge.
     */
    @ParameterizedTest(name = "page {0}, {1}, {2}, at 2.5 {3} → {4}")
    @CsvSource({"f1adc11, f1adc1, fadc1, f1adc1, f1adc1", "f1adc11, f1adc1, f1adc7, f1adc7, f1adc7", "f1adc11, f1adc1, fadc1, f1adc7, ",
            "f1adc11, f1adc1, fadc1, , ", "f1adc11, fadc1, f1adc1, f1adc1, ", "f1adc1, f1adc1, f1adc7, f1adc7, ",
            "f1adc7, f1adc1, f1adc7, f1adc7, f1adc7"})
    void aCodeTheTwoLooksDifferOnIsTakenWhenALookAtAThirdScaleReadsItAsOneOfThemDidAndMostReadsAgree(String page, String second,
            String third, String atTwoAndAHalf, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second).answer(3, 1.5, third);
        if (atTwoAndAHalf != null) lines.answer(3, SecondReads.CODE_SCALE, atTwoAndAHalf);

        // read unsure by the page, so looked at again whatever its form
        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.CHECK_CODE, new Value(page, 0.1, row(3))), Map.of()), lines);

        Value code = read.fields().get(ReceiptField.CHECK_CODE);
        if (taken == null) {
            assertThat(code.text()).isEqualTo(page);
        } else {
            assertThat(code.text()).isEqualTo(taken);
            assertThat(code.confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
        }
    }

    /**
     * An amount the page read as no amount (跌521.29: a thin Song face's ¥2 read as one character), whose looks at 2.0 and
     * 1.5 differ (2521.29 and 2521.20), is taken when the look at 2.5 reads it as one of them did and it ends in the digits
     * the page read; not when the majority ends otherwise than the page's digits (2521.20), nor with no look at 2.5, nor
     * when the page read no digits before its point (3s.31: the majority 9133.31 would overrule the page), nor when no
     * look read the digits before the page's after the sign (5 for the ¥ of )13605.99: the sign read as a digit). The page's
     * read in an amount's form votes: 33.20 with one look at 133.20 and the look at 2.5 too is two reads against one, and
     * taken; with looks at 133.20 and 933.20 it is two against two, and the amount is left out as one whose looks read
     * digits before the page's (—).
     */
    @ParameterizedTest(name = "page {0}, {1}, {2}, at 2.5 {3} → {4}")
    @CsvSource({"跌521.29, ¥2521.29, ¥2521.20, ¥2521.29, 2521.29", "跌521.29, ¥2521.29, ¥2521.20, ¥2521.20, ",
            "跌521.29, ¥2521.29, ¥2521.20, , ", "3s.31, ¥133.31, ¥9133.31, ¥9133.31, ", "33.20, ¥133.20, , ¥133.20, 133.20",
            "33.20, ¥133.20, ¥933.20, ¥133.20, —", "跌521.29, 2521.29, 2521.20, 2521.29, ", ")13605.99, 513605.99, 5.13605.99, 513605.99, ",
            "跌521.29, 2521.29, 2521.20, ¥2521.29, 2521.29"})
    void anAmountTheTwoLooksDifferOnIsTakenWhenALookAtAThirdScaleReadsItAsOneOfThemDidEndingInThePagesDigits(String page,
            String second, String third, String atTwoAndAHalf, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, second);
        if (third != null) lines.answer(3, 1.5, third);
        if (atTwoAndAHalf != null) lines.answer(3, SecondReads.CODE_SCALE, atTwoAndAHalf);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.SELF_FUNDED, new Value(page, 0.1, row(3))), Map.of()), lines);

        Value amount = read.fields().get(ReceiptField.SELF_FUNDED);
        if (taken == null) {
            assertThat(amount.text()).isEqualTo(page);
        } else if (taken.equals("—")) {
            assertThat(amount).isNull();
        } else {
            assertThat(amount.text()).isEqualTo(taken);
            assertThat(amount.confidence()).isCloseTo(SecondReads.OUTVOTED_TRUST * 0.8, within(1e-9));
        }
    }

    /**
     * An invoice's number read in its form less surely than a code needs ({@link SecondReads#CODE_UNSURE}; a worn scanner's
     * image read 3033649655 at 0.60) is looked at again, and taken from the two looks when they agree (3033640655 twice);
     * the page's read stays when they differ. One read at least that surely is not looked at: no look is asked.
     */
    @ParameterizedTest(name = "page {1} at {0}, looks {2} and {3} → {4}")
    @CsvSource({"0.60, 3033649655, 3033640655, 3033640655, 3033640655", "0.60, 3033649655, 3033640655, 3033646655, 3033649655",
            "0.75, 3033649655, 3033640655, 3033640655, 3033649655"})
    void aCodeReadInItsFormLessSurelyThanACodeNeedsIsTakenFromTwoLooksThatAgree(double confidence, String page, String second,
            String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, SecondReads.SECOND_SCALE, second).answer(3, SecondReads.THIRD_SCALE, third);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.INVOICE_NUMBER, new Value(page, confidence, row(3))), Map.of()),
                lines);

        assertThat(read.fields().get(ReceiptField.INVOICE_NUMBER).text()).isEqualTo(taken);
        assertThat(lines.asked.isEmpty()).as("looked at again").isEqualTo(confidence >= SecondReads.CODE_UNSURE);
    }

    /**
     * An invoice's code the page read in no code's form (4闸10he, a seal's ring across its digits), whose looks on the page
     * read no code, is taken where the two looks on the page's data without the seal read the same code in its form, at
     * the lower of their confidences; not when they differ or one reads none. A code the page read in its form stays
     * whatever those looks read (a layer without the seal loses a thin face's light strokes: 12080125 for 42080125). A
     * code the page did not read at all is looked for so in its slot.
     */
    @ParameterizedTest(name = "page {0}, without the seal {1} and {2} → {3}")
    @CsvSource({"4闸10he, 42010126, 42010126, 42010126", "4闸10he, 42010126, 42010128, 4闸10he", "4闸10he, 42010126, , 4闸10he",
            "42080125, 12080125, 12080125, 42080125", ", 42010126, 42010126, 42010126", ", 42010126, 4201012, "})
    void aCodeThePageReadInNoCodesFormIsTakenWhereTheTwoLooksWithoutTheSealAgree(String page, String second, String third,
            String taken) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, "32").withoutSeal(3, 2.0, second);
        if (third != null) lines.withoutSeal(3, 1.5, third);
        Map<ReceiptField, Value> fields = page == null ? Map.of() : Map.of(ReceiptField.INVOICE_CODE, new Value(page, 0.1, row(3)));

        ReceiptReading read = SecondReads.apply(reading(fields, Map.of(ReceiptField.INVOICE_CODE, row(3))), lines);

        Value code = read.fields().get(ReceiptField.INVOICE_CODE);
        if (taken == null) {
            assertThat(code).isNull();
        } else {
            assertThat(code.text()).isEqualTo(taken);
            if (!taken.equals(page)) assertThat(code.confidence()).isCloseTo(0.8, within(1e-9));
        }
    }

    /**
     * An amount the page read unsure (83.13, 到14.81's digits), whose two looks do not agree, is left out with a warning
     * when a look reads right after the sign an amount that ends with the page's read and has digits before it (.¥183.13,
     * 1¥314.81, at either scale): the page lost them. Not when no look read the sign before those digits (183.13, 31301.56:
     * a ¥ read as 3), nor when the look after the sign reads the page's amount or another, nor when the page was sure.
     */
    @ParameterizedTest(name = "page {0} ({1}), looks {2} and {3} → {4}")
    @CsvSource({"83.13, 0.1, .¥183.13, ¥83.18, ", "14.81, 0.1, 1¥314.81, , ", "14.81, 0.1, ¥14.87, ¥314.81, ",
            "83.13, 0.1, 183.13, 83.18, 83.13", "1301.56, 0.1, 31301.56, 1301.58, 1301.56", "83.13, 0.1, ¥83.13, ¥83.18, 83.13",
            "83.13, 0.1, ¥283.18, ¥83.18, 83.13", "83.13, 0.9, ¥183.13, ¥183.13, 83.13"})
    void anUnsureAmountIsLeftOutWhereALookReadsItAfterTheSignWithDigitsBefore(String page, double sure, String second,
            String third, String kept) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second);
        if (third != null) lines.answer(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.SELF_FUNDED, new Value(page, sure, row(6))), Map.of()), lines);

        if (kept == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_FUNDED);
            assertThat(read.warnings()).anyMatch(w -> w.startsWith("个人自费读作 " + page) && w.contains("像是缺了前几位"));
        } else {
            assertThat(read.fields().get(ReceiptField.SELF_FUNDED).text()).isEqualTo(kept);
            assertThat(read.warnings()).noneMatch(w -> w.contains("像是缺了前几位"));
        }
    }

    @Test
    void readsInTheCharactersOfTheField() {
        ScriptedLines lines = new ScriptedLines();

        SecondReads.apply(reading(values(), Map.of(ReceiptField.CHECK_CODE, row(3), ReceiptField.TOTAL, row(4),
                ReceiptField.ADMISSION_DATE, row(5))), lines);

        assertThat(lines.asked).contains("3@2.0:0123456789abcdef", "4@2.0:0123456789.¥", "5@2.0:0123456789-/.");
    }

    @Test
    void readsAgainAValueReadWithoutItsFormAndKeepsTheFirstWhenTheReadsDisagree() {
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, "2026-05-12").answer(5, 1.5, "2026-05-12")
                .answer(6, 2.0, "5000.00").answer(6, 1.5, "5000.08");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.ISSUE_DATE, "2026-O5-l2 日", 5,
                ReceiptField.SELF_PAID, "5000.0", 6), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.ISSUE_DATE).text()).isEqualTo("2026-05-12");
        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("5000.0");
    }

    /**
     * 个人现金支付 read ”兰1096.70 by the page (a thin Song face's ¥ as a Chinese character after a speck); the looks at 2.0
     * and 1.5 read {@code second} and {@code third}: the page's amount without the marks is taken when one look reads
     * that amount, else the read is left as it was.
     */
    @ParameterizedTest
    @CsvSource({"31096.70, 1096.70, 1096.70", "¥1096.70, 1096.78, 1096.70", "31096.70, 1096.78, ”兰1096.70",
        "¥12726.26, 12726.26, 12726.26", "¥96602, 1096.70, 1096.70", "¥96602, 1096.75, ”兰1096.70"})
    void takesAnAmountReadAfterAMarkOrTwoWhenALookReadsTheSameAmount(String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.CASH_PAID, "”兰1096.70", 6), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo(taken);
    }

    /**
     * 个人自费 read 130.68 by the page, unsure (￥130.68 in a thin Song face, its ￥ read as 半); both looks read
     * {@code second} and {@code third}: a 3 before the page's amount that no look read after a ¥ may be the ￥ or a digit,
     * and the amount is left out with a warning; a ¥ read before the 3, or another digit, is the looks' amount.
     */
    @ParameterizedTest
    @CsvSource({".3130.68, 3130.68, ", "3130.68, 3130.68, ", "¥3130.68, 3130.68, 3130.68", "3130.68, :¥3130.68, 3130.68",
        ".7130.68, 7130.68, 7130.68", "33130.68, 33130.68, 33130.68"})
    void anAmountTheLooksReadWithA3BeforeItIsLeftOutUnlessALookSawTheSignApart(String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        values.put(ReceiptField.SELF_FUNDED, new Value("130.68", 0.15, row(6)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertLeftOutOrTaken(read, ReceiptField.SELF_FUNDED, taken,
                "个人自费读作 130.68，再次识别读作 3130.68，首位的 3 可能是 ¥ 的误读，无法判断，已舍弃，请核对原件");
    }

    /** The field left out with the warning when {@code taken} is null, else read as {@code taken}. */
    private static void assertLeftOutOrTaken(ReceiptReading read, ReceiptField field, String taken, String warning) {
        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(field);
            assertThat(read.warnings()).contains(warning);
        } else {
            assertThat(read.fields().get(field).text()).isEqualTo(taken);
        }
    }

    /**
     * 金额合计 read {@code page} by the page, unsure, and {@code looks} by both looks, no ¥ before the 3: 575.73 and
     * 3575.73; ”半12932.17 (a grey Song scan's ￥ read as a mark and a character, set aside) and 312932.17. The payments,
     * every one read, decide when they add up to one of the two (the page's amount, without its marks, or the looks');
     * else (they add up to neither, or the cash payment is unread) the total is left out with a warning naming both.
     */
    @ParameterizedTest
    @CsvSource({"575.73, 3575.73, 75.73, 3000.00, 3575.73", "575.73, 3575.73, 75.73, 0.00, 575.73", "575.73, 3575.73, 75.73, 2000.00, ",
        "”半12932.17, 312932.17, 0.00, 12432.17, 12932.17", "”半12932.17, 312932.17, 0.00, 312432.17, 312932.17",
        "”半12932.17, 312932.17, 0.00, , "})
    void aTotalTheLooksReadWithA3BeforeItIsWhatThePaymentsSumSays(String page, String looks, String account, String cash, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, looks).answer(2, 1.5, looks);
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        values.put(ReceiptField.TOTAL, new Value(page, 0.15, row(2)));
        values.put(ReceiptField.FUND_PAID, new Value("500.00", 0.9, row(3)));
        values.put(ReceiptField.OTHER_PAID, new Value("0.00", 0.9, row(4)));
        values.put(ReceiptField.PERSONAL_ACCOUNT_PAID, new Value(account, 0.9, row(5)));
        if (cash != null) values.put(ReceiptField.CASH_PAID, new Value(cash, 0.9, row(6)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.TOTAL);
            assertThat(read.warnings()).contains("金额合计读作 " + page.replaceFirst("^”半", "") + "，再次识别读作 " + looks
                    + "，首位的 3 可能是 ¥ 的误读，无法判断，已舍弃，请核对原件");
        } else {
            assertThat(read.fields().get(ReceiptField.TOTAL).text()).isEqualTo(taken);
        }
    }

    /**
     * 个人现金支付 read 42.04 by the page, unsure (¥642.04 in a thin Song face, its ¥6 read as 中); the looks, running on
     * past the amount into the next label or to the next amount's sign, or into the label and on to the next amount's sign
     * (.¥183.1310014¥38057, a Song face's 自付金额 under the seal read as digits), read {@code second} and {@code third}: an
     * amount is taken from its sign to its second decimal when both looks agree on it; a look without the sign, or with a digit
     * before it, is refused as read. Refused, they leave no amount: a look read ¥642.04, the page's 42.04 with digits
     * before it ({@link #anUnsureAmountIsLeftOutWhereALookReadsItAfterTheSignWithDigitsBefore}); where no look read the
     * sign before them (642.0484 and 642.04), the page's 42.04 stays for the checks.
     */
    @ParameterizedTest
    @CsvSource({".¥642.0484, ¥642.04, 642.04", "¥642.04¥0.003, :¥642.04, 642.04", ".¥642.0484, 642.0484, ",
        "1¥642.04, ¥642.04, ", ".¥642.0484, ¥642.0, ", "¥642.04.8, ¥642.04, ", "642.0484, 642.04, 42.04",
        ".¥642.0410014¥38057, ¥642.041¥3857, 642.04", ".¥642.041¥3857, ¥642.04.¥38, "})
    void takesAnAmountFromItsSignToItsSecondDecimalWhenTheLooksRunOnPastIt(String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        values.put(ReceiptField.CASH_PAID, new Value("42.04", 0.06, row(6)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        if (taken == null) assertThat(read.fields()).doesNotContainKey(ReceiptField.CASH_PAID);
        else assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo(taken);
    }

    /**
     * 个人自费 272.92 in a thin Song face photographed, read 2-2.92 by the page (its 7 a mark), unsure: looks that agree on
     * 22.92 read the digits either side of the mark together and lost the digit it stood for, and the amount is left out
     * with a warning; looks that read 272.92 give it. So with the decimals misread too (6806.15 read 6x16.1s, the looks'
     * 606.95 three digits before the point where the page read three and a mark).
     */
    @ParameterizedTest
    @CsvSource({"2-2.92, ¥22.92, ", "2-2.92, ¥272.92, 272.92", "6x16.1s, ¥606.95, ", "6x16.1s, ¥6806.15, 6806.15"})
    void anAmountTheLooksReadWithoutTheDigitThePageReadAsAMarkIsLeftOut(String page, String look, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, look).answer(6, 1.5, look);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.SELF_FUNDED, page, 6), Map.of()), lines);

        assertLeftOutOrTaken(read, ReceiptField.SELF_FUNDED, taken,
                "个人自费读作 " + page + "，再次识别读作 " + look.substring(1) + "，少了页上读到的一位，已舍弃，请核对原件");
    }

    @ParameterizedTest
    @CsvSource({"2-2.92, 22.92, true", "2-2.92, 272.92, false", "22.92, 22.92, false", "2--2.92, 22.92, false", "'2,2.92', 22.92, false",
        "6x16.1s, 606.95, true", "6x16.1s, 6806.15, false", "6x16.1s, 66.15, false", "12-3.4, 123.40, true", "616.15, 61.15, false"})
    void aMarkBetweenThePagesDigitsStoodForOneTheLooksLost(String page, String look, boolean lost) {
        assertThat(SecondReads.markForADigit(page, look)).isEqualTo(lost);
    }

    /**
     * 个人自付 ¥438.34 beside a label under the star, read 438.34 by the page at a place guessed too far right: both looks
     * there begin after the 4 and read 38.34; looked at again a line height further left they read the page's amount
     * and it is kept. A page that read the sign as a digit (4183.13) is read ¥183.13 there, and the looks' amount taken;
     * so when the further looks disagree or read nothing.
     */
    @ParameterizedTest
    @CsvSource({"438.34, 38.34, ¥438.34, ¥438.34, 438.34", "438.34, 38.34, 438.34, 438.34, 438.34", "438.34, 38.34, ¥438.34, ¥38.34, 38.34",
        "438.34, 38.34, , , 38.34", "4183.13, 183.13, ¥183.13, ¥183.13, 183.13", "438.34, 438.35, ¥438.34, ¥438.34, 438.35"})
    void anAmountTheLooksReadOnlyTheEndOfIsLookedAtFurtherLeft(String page, String looks, String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().twice(6, "¥" + looks);
        if (second != null) lines.furtherLeft(6, 2.0, second);
        if (third != null) lines.furtherLeft(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.SELF_PAID, new Value(page, 0.1, row(6))), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo(taken);
    }

    /**
     * 医保统筹基金支付 753.64 in a thin Song face photographed, read 533.64 by the page, unsure: both looks read ¥.33.64, a
     * point where the 75 stood, and agree on 33.64; the amount is left out with a warning (33.64 was taken before, WRONG).
     * So when such looks read a digit more (¥41.20 under the seal, read ¥.441.20). Looks that read ¥753.64 give it, one
     * look with the mark says nothing (the two disagree, the page's read stays), nor do looks with the mark that read
     * the page's amount.
     */
    @ParameterizedTest
    @CsvSource({"533.64, ¥.33.64, ¥.33.64, , 33.64", "533.64, ¥753.64, ¥753.64, 753.64, ", "533.64, ¥.33.64, ¥533.64, 533.64, ",
        "533.64, .¥:33.64, ¥.33.64, , 33.64", "41.20, ¥.441.20, ¥.441.20, , 441.20", "41.20, ¥.41.20, ¥.41.20, 41.20, "})
    void anAmountBothLooksReadWithAMarkAfterTheSignIsLeftOut(String page, String second, String third, String taken, String doubted) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.FUND_PAID, new Value(page, 0.1, row(6))), Map.of()), lines);

        assertLeftOutOrTaken(read, ReceiptField.FUND_PAID, taken,
                "医保统筹基金支付读作 " + page + "，再次识别在 ¥ 后读到一个标点和 " + doubted + "，前几位无法确定，已舍弃，请核对原件");
    }

    /**
     * 个人自付 ¥75.60 under a phone's shadow and the seal's ring, read 19.60 by the page, unsure: the looks read 75.60 and
     * 78.60, both beginning with a 7 where the page read a 1 and differing after it; left out with a warning giving the
     * three (19.60 was taken, WRONG). Looks that agree give their amount; a look that begins as the page's read, a look
     * with a digit more (the sign read as a 1), a look that reads nothing and a page read sure enough not to be looked at
     * leave the page's read.
     */
    @ParameterizedTest
    @CsvSource({"19.60, 0.1, ¥75.60, ¥78.60, ", "19.60, 0.1, ¥75.60, ¥75.60, 75.60", "19.60, 0.1, ¥15.60, ¥78.60, 19.60",
        "19.60, 0.1, ¥75.60, , 19.60", "19.60, 0.1, ¥75.60, 7x.60, 19.60", "19.60, 0.9, ¥75.60, ¥78.60, 19.60",
        "19.60, 0.1, ¥75.60, ¥175.60, 19.60", "19.60, 0.1, ¥75.60, ¥19.60, 19.60"})
    void anUnsureAmountBothLooksBeginOtherwiseAndThenDisagreeOnIsLeftOut(String page, double confidence, String second, String third,
            String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(Map.of(ReceiptField.SELF_PAID, new Value(page, confidence, row(6))), Map.of()), lines);

        assertLeftOutOrTaken(read, ReceiptField.SELF_PAID, taken, "个人自付读作 19.60，再次识别读作 75.60 和 78.60，首位与页上不同，两次又不一致，已舍弃，请核对原件");
    }

    @ParameterizedTest
    @CsvSource({"19.60, 75.60, 78.60, 75.60 78.60", "19.60, 75.60, 75.60, ", "19.60, 15.60, 78.60, ", "19.60, 175.60, 178.60, ",
        "119.60, 75.60, 78.60, ", "19.60, 75.60, 7.60, ", "947.49, 1947.49, 1941.49, ", "19.6, 75.60, 78.60, "})
    void aFirstDigitIsDisputedByLooksThatBeginAlikeOtherwiseAndDifferAfter(String page, String one, String other, String disputed) {
        List<Value> looks = List.of(new Value(one, 0.9), new Value(other, 0.9));

        assertThat(SecondReads.firstDigitDisputed(page, looks)).isEqualTo(disputed == null ? null : List.of(disputed.split(" ")));
    }

    @ParameterizedTest
    @CsvSource({"533.64, ¥.33.64, ¥.33.64, 33.64", "41.20, ¥.441.20, ¥.441.20, 441.20", "533.64, ¥.33.64, ¥533.64, ", "33.64, ¥.33.64, ¥.33.64, ",
        "533.64, ¥.33.64, ¥.34.64, ", "5x3.64, ¥.33.64, ¥.33.64, ", "1533.64, '.¥,33.64', ￥..33.64, 33.64", "533.64, ¥33.64, ¥33.64, ",
        "533.64, ¥.33.64, , ", "533.64, ¥.93.64, ¥.93.64, ", "41.20, ¥.441.21, ¥.441.21, "})
    void aMarkRightAfterTheSignPutsTheLeadingDigitsInDoubt(String page, String second, String third, String doubted) {
        assertThat(SecondReads.leadingDigitsInDoubt(page, Arrays.asList(second, third))).isEqualTo(doubted);
    }

    /**
     * 个人自付 read 96602 by the page (966.02 in a thin Song face, its point lost in a phone's photo); the looks read
     * {@code second} and {@code third}: the point goes before the last two digits when both looks read the same digits and
     * no point, with a warning; else the read is left as it was, for the checks to refuse.
     */
    @ParameterizedTest
    @CsvSource({"¥96602, 96602, 966.02", "¥96602, ¥9660.2, 96602", "¥96602, ¥96682, 96602", "¥96602, , 96602", "9602, 9602, 96602"})
    void putsThePointBeforeTheLastTwoDigitsOfAnAmountNoReadSawItIn(String second, String third, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, second).answer(6, 1.5, third);

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.SELF_PAID, "羊96602", 6), Map.of()), lines);

        Value selfPaid = read.fields().get(ReceiptField.SELF_PAID);
        assertThat(selfPaid.text()).isEqualTo(taken.equals("96602") ? "羊96602" : taken);
        if (!taken.equals("96602")) {
            assertThat(selfPaid.confidence()).isCloseTo(0.6 * PageReading.PLACED_TRUST, within(1e-9));
            assertThat(read.warnings()).contains("个人自付读作 96602，再次识别也未见小数点，按末两位为小数取 966.02，请核对原件");
        } else {
            assertThat(read.warnings()).noneMatch(w -> w.contains("小数点"));
        }
    }

    @Test
    void doesNotTakeAnAmountReadAfterAMarkThatHeldItsFirstDigitByALookThatReadsTheDigit() {
        ScriptedLines lines = new ScriptedLines().answer(6, 2.0, "¥12726.26").answer(6, 1.5, "¥12726.28");

        ReceiptReading read = SecondReads.apply(reading(values(ReceiptField.TOTAL, "于2726.26", 6), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.TOTAL).text()).isEqualTo("于2726.26");
    }

    /**
     * 3751.46 = 1321.49 + 0.00 + 1146.92 + 1283.05, with 医保统筹基金支付 read {@code fund} at {@code confidence} (4321.49:
     * the seal's ring over its 1 in a colour photo) and never read alike by two looks, 个人现金支付 at {@code cash}'s
     * confidence (0: not read). Every amount of the sum read unsure is left out while the sum fails, with a warning
     * naming them ({@code left}); nothing when the sum holds or cannot be checked.
     */
    @ParameterizedTest
    @CsvSource({"4321.49, 0.29, 0.9, 医保统筹基金支付", "4321.49, 0.29, 0.2, 医保统筹基金支付、个人现金支付", "4321.49, 0.6, 0.9, -",
        "1321.49, 0.29, 0.2, -", "4321.49, 0.29, 0, -"})
    void leavesOutTheAmountsReadUnsureOfASumThatStillFails(String fund, double confidence, double cash, String left) {
        Map<ReceiptField, Value> values = values(ReceiptField.TOTAL, "3751.46", 1, ReceiptField.OTHER_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", 4);
        values.put(ReceiptField.FUND_PAID, new Value(fund, confidence, row(2)));
        if (cash > 0) values.put(ReceiptField.CASH_PAID, new Value("1283.05", cash, row(5)));

        ReceiptReading read = SecondReads.withoutUnsureOfASumThatFails(reading(values, Map.of()));

        if (left.equals("-")) {
            assertThat(read.fields()).isEqualTo(values);
            assertThat(read.warnings()).isEmpty();
        } else {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.FUND_PAID).hasSize(values.size() - left.split("、").length);
            assertThat(read.warnings()).containsExactly("金额合计与各项支付之和不符，" + left + "识别把握不大，已舍弃，请核对原件");
        }
    }

    @Test
    void readsAgainAValueOfItsFormReadWithLittleConfidenceAndKeepsItWhenTheReadsDisagree() {
        // ¥7540.73 read 540.73 (a 3 there is left out: anAmountTheLooksReadWithA3BeforeItIsLeftOutUnlessALookSawTheSignApart)
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, "7540.73").answer(5, 1.5, "7540.73")
                .answer(6, 2.0, "1947.49").answer(6, 1.5, "1941.49").answer(7, 2.0, "12.00").answer(7, 1.5, "12.00");
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        values.put(ReceiptField.FUND_PAID, new Value("540.73", 0.07, row(5)));
        values.put(ReceiptField.CASH_PAID, new Value("947.49", 0.07, row(6)));
        values.put(ReceiptField.SELF_PAID, new Value("2.00", SecondReads.UNSURE, row(7)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("7540.73");
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("947.49");
        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).as("sure enough: not read again").isEqualTo("2.00");
    }

    /**
     * 2492.32 = 0.00 + 660.93 + 0.00 + 1831.39, with 其他支付 first read as 60.93; its second looks
     * read {@code otherPaidAgain}, and the total's read it as it was. A second look that reads another amount
     * without making the sum hold leaves the amount out ({@code -}); one that reads it as it was keeps it.
     */
    @ParameterizedTest
    @CsvSource({"660.93, 660.93", "61.93, -", "60.93, 60.93"})
    void mendsAnAmountOfASumThatDoesNotHoldOnlyWhenItsSecondLookMakesTheSumHold(String otherPaidAgain, String kept) {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, otherPaidAgain).answer(2, 1.5, otherPaidAgain)
                .answer(1, 2.0, "2492.32").answer(1, 1.5, "2492.32");
        Map<ReceiptField, Value> values = values(ReceiptField.TOTAL, "2492.32", 1, ReceiptField.OTHER_PAID, "60.93", 2,
                ReceiptField.FUND_PAID, "0.00", 3, ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, "1831.39", 5);

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        Value otherPaid = read.fields().get(ReceiptField.OTHER_PAID);
        assertThat(otherPaid == null ? "-" : otherPaid.text()).isEqualTo(kept);
        assertThat(read.fields().get(ReceiptField.TOTAL).text()).isEqualTo("2492.32");
    }

    /**
     * The amounts of a sum that holds as the page read them, the total and every payment, are not looked at again however
     * unsure their reads (2492.32 = 660.93 + 0.00 + 0.00 + 1831.39, the fund's read at 0.2): each is witnessed by the
     * others. An unsure 个人自付, which is no part of that sum, still is; and where the sum fails (the cash read 1881.39),
     * so is the fund.
     */
    @ParameterizedTest(name = "cash read {0}: the fund looked at again {1}")
    @CsvSource({"1831.39, false", "1881.39, true"})
    void anUnsureAmountOfASumThatHoldsIsNotLookedAtAgain(String cash, boolean looked) {
        ScriptedLines lines = new ScriptedLines().answer(3, 2.0, "660.93").answer(3, 1.5, "660.93").answer(6, 2.0, "5.00").answer(6, 1.5, "5.00");
        Map<ReceiptField, Value> values = values(ReceiptField.TOTAL, "2492.32", 1, ReceiptField.OTHER_PAID, "0.00", 2,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, cash, 5);
        values.put(ReceiptField.FUND_PAID, new Value("660.93", 0.2, row(3)));
        values.put(ReceiptField.SELF_PAID, new Value("5.00", 0.2, row(6)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(lines.asked.stream().anyMatch(look -> look.startsWith("3@"))).as("the fund looked at again").isEqualTo(looked);
        assertThat(lines.asked).as("个人自付 looked at again").anyMatch(look -> look.startsWith("6@"));
        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("660.93");
    }

    /**
     * 2492.32 = 0.00 + 660.93 + 0.00 + 1831.39 with the total read 0492.32, no amount (a 0 before its first digit): the
     * sum cannot fail without it, yet its amounts are read again, and the total's looks are taken when they make the sum
     * hold to the cent. Looks that read it so again, disagree, or read another amount change nothing, nor drop a payment
     * whose looks read another amount (the cash's 1881.39): the checks drop the total's read.
     */
    @ParameterizedTest(name = "total looks {0}, {1} -> {2}")
    @CsvSource({"2492.32, 2492.32, 2492.32", "0492.32, 0492.32, 0492.32", "2492.32, 2493.32, 0492.32", "3492.32, 3492.32, 0492.32"})
    void anAmountOfTheSumReadWithAZeroBeforeItsFirstDigitIsReadAgainAndTakenWhenTheSumThenHolds(String look, String other, String taken) {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, look).answer(1, 1.5, other).answer(5, 2.0, "1881.39").answer(5, 1.5, "1881.39");
        Map<ReceiptField, Value> values = values(ReceiptField.OTHER_PAID, "660.93", 2, ReceiptField.FUND_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, "1831.39", 5);
        values.put(ReceiptField.TOTAL, new Value("0492.32", 0.95, row(1)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.TOTAL).text()).isEqualTo(taken);
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("1831.39");
        assertThat(lines.asked).as("the total looked at again").anyMatch(asked -> asked.startsWith("1@"));
    }

    /** 2492.32 = 0.00 + 660.93 + 0.00 + 1831.39 read as 60.93 and 1881.39, the cash's second looks differing: both doubted amounts go, with a warning. */
    @Test
    void leavesOutTheAmountsOfASumThatDoesNotHoldWhoseSecondLooksReadAnotherAmount() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "2492.32").answer(1, 1.5, "2492.32")
                .answer(2, 2.0, "60.93").answer(2, 1.5, "60.93").answer(3, 2.0, "0.00").answer(3, 1.5, "0.00")
                .answer(5, 2.0, "1831.39").answer(5, 1.5, "1881.39");
        Map<ReceiptField, Value> values = values(ReceiptField.TOTAL, "2492.32", 1, ReceiptField.OTHER_PAID, "60.93", 2,
                ReceiptField.FUND_PAID, "0.00", 3, ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, "1881.39", 5);

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.CASH_PAID)
                .containsKeys(ReceiptField.TOTAL, ReceiptField.OTHER_PAID, ReceiptField.FUND_PAID, ReceiptField.PERSONAL_ACCOUNT_PAID);
        assertThat(read.warnings()).containsExactly("金额合计与各项支付之和不符，再次识别读到不同数目的个人现金支付已舍弃，请核对原件");
    }

    /**
     * 2492.32 = 660.93 + 0.00 + 0.00 + 1831.39, the fund read 6960.93 and each look at it running on into the next
     * amount, its label unread between (660.930.00): no look in an amount's form. The amount a look begins with is taken
     * where it alone makes the sum hold to the cent; one that does not (661.93), or a second amount's look that would
     * hold the sum too (the cash's), takes nothing, and the fund stays as read, for the checks to flag.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the look begins with the amount that makes the sum hold | 660.930.00 | | 660.93",
            "at the other scale only | | 660.93¥0.00 | 660.93",
            "the look begins with another amount | 661.930.00 | 661.930.00 | 6960.93",
            "no look reads it | | | 6960.93"})
    void anAmountOfASumThatFailsIsTheFirstAmountItsLooksRunOnFromWhenThatMakesTheSumHold(String what, String second, String third,
                                                                                        String taken) {
        ScriptedLines lines = new ScriptedLines().twice(1, "2492.32").twice(2, "0.00").twice(4, "0.00").twice(5, "1831.39");
        if (second != null) lines.answer(3, 2.0, second);
        if (third != null) lines.answer(3, 1.5, third);
        ReceiptReading read = SecondReads.apply(reading(sumOf2492("0.00", "6960.93", "1831.39"), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo(taken);
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("1831.39");
    }

    /**
     * 2492.32 = 0.00 + 660.93 + 0.00 + 1831.39 read with the fund 0.90, its look running on into 其他支付's amount
     * (0.00660.93), and 其他支付 32660.93, its looks 660.93 and 71660.93: the look's first amount and 其他支付's look
     * together make the sum hold, and are taken; with no look reading 660.93, nothing is.
     */
    @ParameterizedTest(name = "其他支付's looks {0} and {1}: fund {2}")
    @CsvSource({"660.93, 71660.93, 0.00, 660.93", "61660.93, 71660.93, 0.90, 32660.93"})
    void anAmountOfASumThatFailsIsTheFirstAmountItsLooksRunOnFromWithAnotherAmountsLook(String second, String third, String fund,
                                                                                       String other) {
        ScriptedLines lines = new ScriptedLines().twice(1, "2492.32").answer(2, 2.0, second).answer(2, 1.5, third)
                .answer(3, 2.0, "0.00660.93").twice(4, "0.00").twice(5, "1831.39");

        ReceiptReading read = SecondReads.apply(reading(sumOf2492("32660.93", "0.90", "1831.39"), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo(fund);
        Value otherPaid = read.fields().get(ReceiptField.OTHER_PAID);
        assertThat(otherPaid == null ? "-" : otherPaid.text()).isEqualTo(other.equals("32660.93") ? "-" : other);
    }

    /** As above with the fund read 700.00: its looks' 660.93 holds the sum, and so would the cash's looks' 1792.32. Neither is taken. */
    @Test
    void noAmountIsTakenFromALookThatRanOnWhenAnotherAmountsLookHoldsTheSumToo() {
        ScriptedLines lines = new ScriptedLines().twice(1, "2492.32").twice(2, "0.00").twice(4, "0.00")
                .answer(3, 2.0, "660.930.00").answer(5, 2.0, "1792.320.00");

        ReceiptReading read = SecondReads.apply(reading(sumOf2492("0.00", "700.00", "1831.39"), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("700.00");
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("1831.39");
    }

    /** 2492.32 read as the total (row 1), 个人账户支付 0.00 (row 4) and the other payments as given: 其他支付 (2), the fund (3), the cash (5). */
    private static Map<ReceiptField, Value> sumOf2492(String other, String fund, String cash) {
        return values(ReceiptField.TOTAL, "2492.32", 1, ReceiptField.OTHER_PAID, other, 2, ReceiptField.FUND_PAID, fund, 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, cash, 5);
    }

    /** 个人自付 read without its form and not mended: the sum of the payments is still mended around it. */
    @Test
    void mendsTheSumWhileAnotherAmountOfTheChecksHasNoFormOfMoney() {
        ScriptedLines lines = new ScriptedLines().answer(2, 2.0, "660.93").answer(2, 1.5, "660.93");
        Map<ReceiptField, Value> values = values(ReceiptField.TOTAL, "2492.32", 1, ReceiptField.OTHER_PAID, "60.93", 2,
                ReceiptField.FUND_PAID, "0.00", 3, ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", 4, ReceiptField.CASH_PAID, "1831.39", 5,
                ReceiptField.SELF_PAID, "5y0.00", 6, ReceiptField.SELF_FUNDED, "0.00", 7);

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("5y0.00");
        assertThat(read.fields().get(ReceiptField.OTHER_PAID).text()).isEqualTo("660.93");
    }

    /** A page whose payments add up to its total (3751.46), with 个人自付 on row 6 and 个人自费 on row 8. */
    private static Map<ReceiptField, Value> summedWithSelfPaid() {
        return values(ReceiptField.TOTAL, "3751.46", 1, ReceiptField.FUND_PAID, "1321.49", 2, ReceiptField.OTHER_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", 4, ReceiptField.CASH_PAID, "1283.05", 5, ReceiptField.SELF_PAID,
                "672.40", 6, ReceiptField.SELF_FUNDED, "118.30", 8);
    }

    /**
     * {@link #summedWithSelfPaid}'s page with 个人自费 read 习83.13 by the page, unsure, on row 8 (x 200-350), its slot running
     * on to x 600.
     */
    private static ReceiptReading selfFundedReadAfterAMisread() {
        Map<ReceiptField, Value> values = summedWithSelfPaid();
        values.put(ReceiptField.SELF_FUNDED, new Value("习83.13", 0.44, row(8)));
        return reading(values, Map.of(ReceiptField.SELF_FUNDED, new Area(200, 788, 400, 24)));
    }

    /**
     * 个人自费 read 习83.13 by the page, unsure (¥183.13 in a thin Song face, its ¥1 read as one character), clear of the
     * seal's disc; its slot runs on to the next label, into the disc beside it. Both looks at the slot read {@code look}.
     * An amount the looks read whole, ending in the page's digits, stands where the page read it: no look without the
     * seal is needed. One that reads other digits stands where the looks read it, across the disc, and needs that look.
     */
    @ParameterizedTest(name = "looks read {0}")
    @CsvSource({"¥183.13, 183.13", "¥183.18, ", "¥83.13, 83.13"})
    void anAmountTheLooksReadWholeStandsWhereThePageReadItsLastDigits(String look, String taken) {
        // the disc, 60 across its centre at x 560, reaches the slot (x 200-600) and not the page's read (x 200-350)
        ScriptedLines lines = new ScriptedLines().sealDisc(560, 800, 60).answer(8, 2.0, look).answer(8, 1.5, look);
        ReceiptReading read = SecondReads.apply(selfFundedReadAfterAMisread(), lines);

        if (taken == null) {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_FUNDED);
            assertThat(lines.asked).contains("8@2.0~seal");
            assertThat(read.warnings()).containsExactly("个人自费在印章下，读数无从印证，已舍弃，请核对原件");
        } else {
            assertThat(read.fields().get(ReceiptField.SELF_FUNDED).text()).isEqualTo(taken);
            assertThat(read.fields().get(ReceiptField.SELF_FUNDED).area()).isEqualTo(row(8));
            assertThat(lines.asked).doesNotContain("8@2.0~seal", "8@1.5~seal");
            assertThat(read.warnings()).isEmpty();
        }
    }

    /**
     * The same page with the seal's disc just clear of the page's 习83.13 ({@code centre} 60 across it, 63 or 70 from the
     * read's right edge): within a tenth of its radius past it, the ring's stroke may cross the amount's last digit, and
     * the looks' amount stands where they read it, across the disc, needing a look without the seal; further, it stands
     * where the page read it.
     */
    @ParameterizedTest(name = "disc's centre at x {0}")
    @CsvSource({"413, false", "420, true"})
    void anAmountTheLooksReadWholeStandsWhereThePageReadItOnlyClearOfTheRingsEdge(double centre, boolean kept) {
        ScriptedLines lines = new ScriptedLines().sealDisc(centre, 800, 60).answer(8, 2.0, "¥183.13").answer(8, 1.5, "¥183.13");
        ReceiptReading read = SecondReads.apply(selfFundedReadAfterAMisread(), lines);

        assertThat(read.fields().containsKey(ReceiptField.SELF_FUNDED)).isEqualTo(kept);
        assertThat(lines.asked.contains("8@2.0~seal")).isEqualTo(!kept);
    }

    @ParameterizedTest(name = "looks without the seal: {0} at 2, {1} at 1.5")
    @CsvSource({"672.40, 872.40, true", "872.40, 672.40, true", "'', 672.40, true", "872.40, 872.40, false", "'', '', false",
            "872.40, 67.40, false"})
    void anAmountReadUnderTheSealOfAPageReadWithItsWordsIsTakenOnlyWhenALookWithoutTheSealReadsItTheSame(String atTwo, String atOneAndAHalf,
                                                                                                       boolean kept) {
        // the seal's disc, 60 across its centre, reaches row 6 (y 588-612) and not row 8 (y 788-812)
        ScriptedLines lines = new ScriptedLines().sealDisc(275, 640, 60).withoutSeal(6, 2.0, atTwo).withoutSeal(6, 1.5, atOneAndAHalf);

        ReceiptReading read = SecondReads.apply(reading(summedWithSelfPaid(), Map.of()), lines);

        assertThat(lines.asked).contains("6@2.0~seal").doesNotContain("8@2.0~seal", "8@1.5~seal");
        assertThat(lines.asked.contains("6@1.5~seal")).as("looked at 1.5 only when the look at 2 did not witness it")
                .isEqualTo(!atTwo.equals("672.40"));
        assertThat(read.fields().get(ReceiptField.SELF_FUNDED).text()).isEqualTo("118.30");
        if (kept) {
            assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("672.40");
            assertThat(read.warnings()).isEmpty();
        } else {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_PAID);
            assertThat(read.warnings()).containsExactly("个人自付在印章下，读数无从印证，已舍弃，请核对原件");
        }
    }

    /** 个人自付 read under the seal (row 6; in cash's place, row 5, for the last case), 个人自费 118.30 beside it. */
    @ParameterizedTest(name = "个人自付 {0} on row {1}")
    @CsvSource({"1164.75, 6, true", "2311.67, 6, true", "1164.85, 6, false", "2311.76, 6, false", "1164.75, 5, false"})
    void theWorkersOwnShareUnderTheSealIsWitnessedByAddingUpToWhatItWasPaidFrom(String selfPaid, int row, boolean kept) {
        // 1164.75 + 118.30 is the 1283.05 paid in cash; 2311.67 + 118.30 that and the personal account's 1146.92
        ScriptedLines lines = new ScriptedLines().sealDisc(275, 550, 70);
        Map<ReceiptField, Value> values = summedWithSelfPaid();
        values.put(ReceiptField.SELF_PAID, new Value(selfPaid, 0.6, row(row)));

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("1283.05");
        assertThat(read.fields().get(ReceiptField.SELF_FUNDED).text()).isEqualTo("118.30");
        assertThat(lines.asked.contains(row + "@2.0~seal")).as("looked at without the seal").isEqualTo(!kept);
        if (kept) {
            assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo(selfPaid);
            assertThat(read.warnings()).isEmpty();
        } else {
            assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_PAID);
            assertThat(read.warnings()).containsExactly("个人自付在印章下，读数无从印证，已舍弃，请核对原件");
        }
    }

    @Test
    void theSumsAmountsUnderTheSealAreWitnessedByTheSumHoldingToTheCent() {
        ScriptedLines lines = new ScriptedLines().sealDisc(275, 250, 80);

        ReceiptReading read = SecondReads.apply(reading(summedWithSelfPaid(), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
        assertThat(read.fields().get(ReceiptField.OTHER_PAID).text()).isEqualTo("0.00");
        assertThat(lines.asked).noneMatch(asked -> asked.endsWith("~seal"));
        assertThat(read.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "look without the seal: {0}")
    @CsvSource({"1321.49, true", "7321.49, false"})
    void aPaymentUnderTheSealOfAPageWithoutItsTotalNeedsTheLookWithoutTheSeal(String look, boolean kept) {
        ScriptedLines lines = new ScriptedLines().sealDisc(275, 250, 80).withoutSeal(2, 2.0, look);
        Map<ReceiptField, Value> values = values(ReceiptField.FUND_PAID, "1321.49", 2, ReceiptField.CASH_PAID, "1283.05", 5);

        ReceiptReading read = SecondReads.apply(reading(values, Map.of()), lines);

        assertThat(read.fields().containsKey(ReceiptField.FUND_PAID)).isEqualTo(kept);
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("1283.05");
    }

    @Test
    void aPageReadWithoutTheWordsUnderItsSealHasNoAmountLeftOutForTheSeal() {
        ScriptedLines lines = new ScriptedLines();

        ReceiptReading read = SecondReads.apply(reading(summedWithSelfPaid(), Map.of()), lines);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("672.40");
        assertThat(lines.asked).noneMatch(asked -> asked.endsWith("~seal"));
    }

    @Test
    void leavesPagesThatCannotBeReadAgainAsTheyAre() {
        ReceiptReading first = reading(values(ReceiptField.PAYER_NAME, "华海红", 1), Map.of(ReceiptField.CHECK_CODE, row(3)));

        assertThat(SecondReads.apply(first, LineReader.NONE)).isSameAs(first);
    }
    /**
     * A reading whose values (amounts, and dates: 2025-05-17) in {@code rows} no label was read before; only
     * {@code labelled}'s labels were seen.
     */
    private static ReceiptReading unlabelled(Map<ReceiptField, Value> values, Set<ReceiptField> labelled, Object... textRow) {
        List<ReceiptReading.Unlabelled> amounts = new ArrayList<>();
        for (int i = 0; i < textRow.length; i += 2) {
            int r = (Integer) textRow[i + 1];
            String text = (String) textRow[i];
            amounts.add(new ReceiptReading.Unlabelled(new Value(text, 0.8, row(r)), text.contains("-"), new Area(100, r * 100 - 12, 100, 24)));
        }
        return new ReceiptReading(DocumentKind.OUTPATIENT_RECEIPT, values, labelled, List.of(), false, List.of(), Map.of(), amounts);
    }

    /** The second looks at a reading of cashPaid 956.59 (row 3) and the unlabelled values given, {@code labelled}'s labels seen. */
    private static ReceiptReading looked(ScriptedLines lines, Set<ReceiptField> labelled, Object... textRow) {
        return SecondReads.apply(unlabelled(values(ReceiptField.CASH_PAID, "956.59", 3), labelled, textRow), lines);
    }

    @Test
    void givesAnAmountToTheFieldWhoseLabelASecondLookReadsLeftOfIt() {
        ReceiptReading read = looked(new ScriptedLines().label(5, "个人自付："),
                EnumSet.of(ReceiptField.CASH_PAID), "196.18", 5);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("196.18");
        assertThat(read.fields().get(ReceiptField.SELF_PAID).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(read.fields().get(ReceiptField.SELF_PAID).area()).isEqualTo(row(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the look reads more after the label | 个人自付：其他",
            "the look reads no label | 日信金额：",
            "the look reads a label that names no amount | 补缴金额：",
            "the label's field was read elsewhere | 现金支付：",
            "the look reads nothing | "})
    void leavesAnAmountOutUnlessItsLabelIsReadRightBeforeIt(String what, String look) {
        ScriptedLines lines = new ScriptedLines();
        if (look != null) lines.label(5, look);

        ReceiptReading read = looked(lines, EnumSet.of(ReceiptField.CASH_PAID), "196.18", 5);

        assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID);
        assertThat(read.fields().get(ReceiptField.CASH_PAID).text()).isEqualTo("956.59");
    }

    /**
     * A date is given to the date field whose label a look reads when two more looks read it the same (no sum checks a
     * date); an amount is not given to a date's field.
     */
    @ParameterizedTest(name = "looks at the date read {0} and {1}")
    @CsvSource({"2025-05-17, 2025-05-17, true", "2025/05/17, 2025.05.17, true", "2025-05-17, 2025-05-11, false", "2025-05-17, , false"})
    void givesADateToTheDateFieldWhoseLabelALookReadsWhenTwoMoreLooksReadItTheSame(String second, String third, boolean placed) {
        ScriptedLines lines = new ScriptedLines().label(5, "出院日期").label(6, "入院日期：").answer(5, 2.0, second);
        if (third != null) lines.answer(5, 1.5, third);

        ReceiptReading read = looked(lines, EnumSet.of(ReceiptField.CASH_PAID), "2025-05-17", 5, "196.18", 6);

        assertThat(read.fields().containsKey(ReceiptField.DISCHARGE_DATE)).isEqualTo(placed);
        if (placed) assertThat(read.fields().get(ReceiptField.DISCHARGE_DATE).text()).isEqualTo("2025-05-17");
        assertThat(read.fields()).doesNotContainKey(ReceiptField.ADMISSION_DATE);
    }

    /** The second looks at a reading of cashPaid 956.59 (row 3) and runs of digits in {@code rows} no label was read before. */
    private static ReceiptReading codesLooked(ScriptedLines lines, Object... textRow) {
        List<ReceiptReading.Unlabelled> codes = new ArrayList<>();
        for (int i = 0; i < textRow.length; i += 2) {
            int r = (Integer) textRow[i + 1];
            codes.add(new ReceiptReading.Unlabelled(new Value((String) textRow[i], 0.8, row(r)), ReceiptReading.Sort.CODE,
                    new Area(100, r * 100 - 12, 100, 24)));
        }
        return SecondReads.apply(new ReceiptReading(DocumentKind.OUTPATIENT_RECEIPT, values(ReceiptField.CASH_PAID, "956.59", 3),
                EnumSet.of(ReceiptField.CASH_PAID), List.of(), false, List.of(), Map.of(), codes), lines);
    }

    /**
     * A code no label was read before is the invoice's code (eight digits), number (ten) or check code (six of
     * hexadecimal) when a look left of it reads that field's label, or two of its characters in order; not when the label
     * read is another field's, or too little of it is kept.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "票据号码 read whole before ten digits | 票据号码： | 0044468893 | INVOICE_NUMBER",
            "票据码, its 号 lost, before ten digits | 票据码： | 0044468893 | INVOICE_NUMBER",
            "时据代 under a seal before eight digits | 时据代 | 42080125 | INVOICE_CODE",
            "票据号码 before eight digits | 票据号码： | 42080125 | ",
            "票据代码 before ten digits | 票据代码 | 0044468893 | ",
            "住院号 before ten digits | 住院号： | 2026944016 | ",
            "信验码 before a check code | 信验码： | 53cef5 | CHECK_CODE",
            "票据码 before a check code | 票据码 | 53cef5 | ",
            "one character of the label | 据： | 0044468893 | ",
            "nothing read | | 0044468893 | "})
    void givesACodeToTheFieldItsShapeAndALookAtItsLabelName(String what, String look, String digits, ReceiptField field) {
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, digits).answer(5, 1.5, digits);
        if (look != null) lines.label(5, look);

        ReceiptReading read = codesLooked(lines, digits, 5);

        if (field == null) {
            assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID);
        } else {
            assertThat(read.fields().get(field).text()).isEqualTo(digits);
            assertThat(read.fields().get(field).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        }
    }

    /** The look at the usual scale keeps one character; one at another scale keeps the label's remnant. */
    @Test
    void looksAtACodesLabelAtOtherScalesWhenTheFirstLookKeepsTooLittle() {
        ScriptedLines lines = new ScriptedLines().label(5, 2.0, "据他：").label(5, 1.5, "据：").label(5, 2.5, "票据码：")
                .label(6, "时据代").answer(5, 2.0, "0044468893").answer(5, 1.5, "0044468893").answer(6, 2.0, "42080125")
                .answer(6, 1.5, "42080125");

        ReceiptReading read = codesLooked(lines, "42080125", 6, "0044468893", 5);

        assertThat(read.fields().get(ReceiptField.INVOICE_NUMBER).text()).isEqualTo("0044468893");
        assertThat(read.fields().get(ReceiptField.INVOICE_CODE).text()).isEqualTo("42080125");
    }

    /**
     * A code its label's look names is placed only when two more looks where it stands read it as the page did: no sum
     * checks a code (set 2's faxes and photos had misread codes so placed).
     */
    @ParameterizedTest(name = "looks read {0} and {1}")
    @CsvSource({"0044468893, 0044468898", "0044468898, 0044468898", "0044468893, "})
    void placesACodeOnlyWhenTwoMoreLooksReadItAsThePageDid(String second, String third) {
        ScriptedLines lines = new ScriptedLines().label(5, "票据号码：").answer(5, 2.0, second);
        if (third != null) lines.answer(5, 1.5, third);

        assertThat(codesLooked(lines, "0044468893", 5).fields()).doesNotContainKey(ReceiptField.INVOICE_NUMBER);
    }

    /** Two runs of ten digits both after 票据 remnants: neither is the number. A run of the number's shape is not looked at when the page read the number. */
    @Test
    void givesNoRunOfDigitsTheFieldTwoOfThemOrTheReadingAlreadyHas() {
        ReceiptReading two = codesLooked(new ScriptedLines().label(5, "票据码").label(6, "票据号"), "0044468893", 5, "0044468899", 6);
        assertThat(two.fields()).doesNotContainKey(ReceiptField.INVOICE_NUMBER);

        ScriptedLines lines = new ScriptedLines().label(5, "票据码");
        ReceiptReading reading = new ReceiptReading(DocumentKind.OUTPATIENT_RECEIPT, values(ReceiptField.INVOICE_NUMBER, "0012345678", 2),
                EnumSet.of(ReceiptField.INVOICE_NUMBER), List.of(),
                false, List.of(), Map.of(), List.of(new ReceiptReading.Unlabelled(new Value("0044468893", 0.8, row(5)),
                ReceiptReading.Sort.CODE, new Area(100, 488, 100, 24))));
        assertThat(SecondReads.apply(reading, lines).fields().get(ReceiptField.INVOICE_NUMBER).text()).isEqualTo("0012345678");
        assertThat(lines.asked).doesNotContain("5@label");
    }

    /** A reading with a person's name (row 5) no label was read before, and nothing else but cashPaid (row 3). */
    private static ReceiptReading withANameUnlabelled(String name) {
        return new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, values(ReceiptField.CASH_PAID, "956.59", 3), EnumSet.of(ReceiptField.CASH_PAID),
                List.of(), false, List.of(), Map.of(), List.of(new ReceiptReading.Unlabelled(new Value(name, 0.8, row(5)),
                ReceiptReading.Sort.NAME, new Area(100, 488, 100, 24))));
    }

    /**
     * 交款人 under a seal of the form's red, its name 梁琪振 read clear of it: a look left of the name keeps 交人 of the
     * label, and two looks at the name read it again: the payer's, a little less sure.
     */
    @Test
    void givesANameReadWithoutALabelToThePayerWhenALookLeftOfItReadsThePayersLabel() {
        ScriptedLines lines = new ScriptedLines().label(5, "交人:").answer(5, 2.0, "梁琪振").answer(5, 1.5, "梁琪振");

        ReceiptReading read = SecondReads.apply(withANameUnlabelled("梁琪振"), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("梁琪振");
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).area()).isEqualTo(row(5));
    }

    /** The label looked at again on the page as it came with its seal, where the page as read lost it. */
    @Test
    void looksForThePayersLabelWithTheSealWhereThePageAsReadLostIt() {
        ScriptedLines lines = new ScriptedLines().labelWithSeal(5, "交款人：").answer(5, 2.0, "梁琪振").answer(5, 1.5, "梁琪振");

        assertThat(SecondReads.apply(withANameUnlabelled("梁琪振"), lines).fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("梁琪振");
    }

    /**
     * No payer: the label look reads another field's label or none; the looks at the name disagree (梁琪摄) or one has no
     * name; the payer was read, and its name is not looked at.
     */
    @ParameterizedTest(name = "label {0}, looks {1} and {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "复核人：|梁琪振|梁琪振",
            "收款单位：|梁琪振|梁琪振",
            "-|梁琪振|梁琪振",
            "交款人：|梁琪振|梁琪摄",
            "交款人：|梁琪振|-"})
    void givesAnUnlabelledNameToNoOneUnlessTheLabelAndTwoLooksSaySo(String label, String second, String third) {
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, second);
        if (label != null) lines.label(5, label);
        if (third != null) lines.answer(5, 1.5, third);

        assertThat(SecondReads.apply(withANameUnlabelled("梁琪振"), lines).fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
    }

    @Test
    void looksAtNoUnlabelledNameWhenThePayerWasRead() {
        ReceiptReading first = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, values(ReceiptField.PAYER_NAME, "华海红", 1),
                EnumSet.of(ReceiptField.PAYER_NAME), List.of(), false, List.of(), Map.of(),
                withANameUnlabelled("梁琪振").unlabelled());
        ScriptedLines lines = new ScriptedLines().label(5, "交款人：");

        SecondReads.apply(first, lines);

        assertThat(lines.asked).doesNotContain("5@label");
    }

    /** What names the payer's label left of a name: the label, or a remnant of it more than of any other field's. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"交款人：, true", "交款人（患者）：, true", "交人:, true", "款人, true", "姓名, true", "人, false",
            "收款人：, false", "复核人, false", "交款人统一社会信用代码：, false", "开票日期, false", "医人, false"})
    void namesThePayerByItsLabelOrARemnantOfIt(String look, boolean payer) {
        assertThat(SecondReads.namesThePayer(look)).isEqualTo(payer);
    }

    /** The other labels with 个人 in them (个人自费, 个人账户支付, 个人现金支付), seen on the page. */
    private static final Set<ReceiptField> OTHER_PERSONAL_LABELS =
            Set.of(ReceiptField.CASH_PAID, ReceiptField.SELF_FUNDED, ReceiptField.PERSONAL_ACCOUNT_PAID);

    /**
     * The seal of the form's red over 个人自付 in the form's red: the label looks keep 个 and 个人 of it. Of the labels
     * with 个人 in them, 个人自费, 个人账户支付 and 个人现金支付 are the page's elsewhere: the amount is 个人自付's.
     */
    @Test
    void givesAnAmountToTheOneFieldStillOpenThatARemnantOfItsLabelCanBe() {
        ScriptedLines lines = new ScriptedLines().label(5, 2.0, "码个信").label(5, 1.5, "码个人");

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS,
                "438.34", 5);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("438.34");
        assertThat(read.fields().get(ReceiptField.SELF_PAID).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(read.warnings()).contains("个人自付的标签残缺，只认出「码个人」，与之相近的其他标签都已在页上找到，无标签的金额 438.34 按个人自付取用，请核对原件");
    }

    /** A grey scan's seal over 个人自付: the two looks keep only 付, a third at another scale 人付 (个人账户支付 and 个人现金支付 are found). */
    @Test
    void looksAThirdTimeAtALabelOfWhichTwoLooksKeptTooLittle() {
        ScriptedLines lines = new ScriptedLines().label(5, 2.0, ":付:").label(5, 1.5, ":付:").label(5, 2.5, "人付:");

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS,
                "751.53", 5);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("751.53");
    }

    /**
     * A grey scan whose seal, found by its shape, was taken out with the labels under it, no darker than it: the looks at
     * the page without it keep 额: of 自付金额, too little; the page as it came, seal and all, keeps 自付 (八自付全本).
     */
    @Test
    void looksAtTheLabelOnThePageWithItsSealWhenThePageWithoutItKeptTooLittle() {
        ScriptedLines lines = new ScriptedLines().label(5, "额:单").labelWithSeal(5, "八自付全本");

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS, "11972.36", 5);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("11972.36");
        assertThat(read.warnings()).contains("个人自付的标签残缺，只认出「八自付全本」，与之相近的其他标签都已在页上找到，无标签的金额 11972.36 按个人自付取用，请核对原件");
        assertThat(looked(new ScriptedLines().label(5, "额:单"), OTHER_PERSONAL_LABELS, "11972.36", 5).fields())
                .doesNotContainKey(ReceiptField.SELF_PAID);
    }

    /**
     * An outpatient receipt's 开票日期 of which the looks keep 日期: of the date labels ending so, 门诊日期 was read elsewhere
     * and an outpatient receipt prints no stay (入院日期, 出院日期, 住院日期), so the date is the issue date's. On an inpatient
     * receipt the remnant could as well be its admission's or discharge's: left out.
     */
    @Test
    void givesADateToTheIssueDateWhenTheOtherDatesItsRemnantCouldBeAreReadOrNotPrintedOnTheKindOfReceipt() {
        ScriptedLines lines = new ScriptedLines().label(5, "日期:").answer(5, 2.0, "2026-07-24").answer(5, 1.5, "2026/07/24");
        Map<ReceiptField, Value> visit = values(ReceiptField.VISIT_DATE, "2026-07-23", 1);
        ReceiptReading outpatient = unlabelled(visit, visit.keySet(), "2026-07-24", 5);

        ReceiptReading read = SecondReads.apply(outpatient, lines);

        assertThat(read.fields().get(ReceiptField.ISSUE_DATE).text()).isEqualTo("2026-07-24");
        assertThat(read.warnings()).contains("开票日期的标签残缺，只认出「日期:」，与之相近的其他标签都已在页上找到，无标签的日期 2026-07-24 按开票日期取用，请核对原件");
        ReceiptReading inpatient = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, outpatient.fields(), outpatient.labelled(), List.of(), false,
                List.of(), Map.of(), outpatient.unlabelled());
        assertThat(SecondReads.apply(inpatient, lines).fields()).doesNotContainKey(ReceiptField.ISSUE_DATE);
    }

    /**
     * A colour page whose seal's star lies over 自付金额: the looks with the star read other characters (自人, 自名用), the
     * form's layer without it keeps 自 and 额 beside where it was (自::额), a remnant of that label alone; without the star
     * and the label whole, the amount is that label's as read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a remnant beside where the star was | 自::额 | 个人自付的标签残缺",
            "the label whole | 自付金额: | "})
    void looksAtTheLabelWithoutTheSealsStarWhenTheLooksWithItNamedNoLabel(String what, String withoutStar, String warning) {
        ScriptedLines lines = new ScriptedLines().label(5, "自人").labelWithoutStar(5, withoutStar);

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS, "196.18", 5);

        assertThat(read.fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("196.18");
        if (warning != null) assertThat(read.warnings()).anyMatch(w -> w.startsWith(warning));
        assertThat(looked(new ScriptedLines().label(5, "自人"), OTHER_PERSONAL_LABELS, "196.18", 5).fields())
                .doesNotContainKey(ReceiptField.SELF_PAID);
    }

    /**
     * The page as it came, or the form's layer without the seal's star, is asked for a remnant only when the looks on the
     * page said nothing of whose the amount is.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
            "a look on the page names a distractor | with the seal | 预缴人",
            "a look on the page reads a label whole | with the seal | 补缴金额",
            "a look on the page names a distractor | without the star | 预缴人",
            "a look on the page reads a label whole | without the star | 补缴金额"})
    void looksOnNoOtherLayerWhenALookOnThePageNamedAnother(String what, String layer, String look) {
        ScriptedLines lines = new ScriptedLines().label(5, look);
        if (layer.equals("with the seal")) lines.labelWithSeal(5, "八自付全本");
        else lines.labelWithoutStar(5, "自::额");

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS, "11972.36", 5);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_PAID);
    }

    /** The page with its seal reads the label whole where the page without it read nothing: the amount is that label's. */
    @Test
    void givesAnAmountToTheLabelThePageWithItsSealReadsLeftOfIt() {
        ScriptedLines lines = new ScriptedLines().labelWithSeal(5, "其他基金支付：");

        ReceiptReading read = looked(lines, EnumSet.of(ReceiptField.CASH_PAID), "0.00", 5);

        assertThat(read.fields().get(ReceiptField.OTHER_PAID).text()).isEqualTo("0.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the remnant could as well be 个人自费's, not seen elsewhere | 码个信 | 码个人 | CASH_PAID PERSONAL_ACCOUNT_PAID",
            "the remnant is nearest a distractor's label | 预缴人 | 预缴人 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "金额 is in a distractor's label as much | 言信金额 | 言信金额 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "日 read for 自 but 费 of 自费金额's, read elsewhere, or 退费金额's | 日费人额 | 日费信额 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "one look names a distractor | 预缴人 | 码个人 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "one look reads a label whole | 码个人 | 补缴金额 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "the looks keep too little | 码个信 | 个信 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID",
            "the remnant is of a payer's label | 款人患 | 款人 | CASH_PAID SELF_FUNDED PERSONAL_ACCOUNT_PAID"})
    void givesAnAmountToNoFieldWhenTheRemnantOfItsLabelCouldBeAnotherOrTooLittleIsKept(String what, String second, String third,
            String labelled) {
        ScriptedLines lines = new ScriptedLines().label(5, 2.0, second).label(5, 1.5, third);
        Set<ReceiptField> seen = EnumSet.noneOf(ReceiptField.class);
        for (String field : labelled.split(" ")) seen.add(ReceiptField.valueOf(field));

        ReceiptReading read = looked(lines, seen, "438.34", 5);

        assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID);
    }

    /** 个人自付 and 个人自费 may not come to more than the cash paid (956.59): a remnant does not overrule that check. */
    @ParameterizedTest(name = "个人自费 {0}: 个人自付 placed {1}")
    @CsvSource({"500.00, true", "600.00, false"})
    void givesAnAmountToTheFieldARemnantNamesOnlyWhenNoSumOfTheChecksThenFails(String selfFunded, boolean placed) {
        ScriptedLines lines = new ScriptedLines().label(5, "码个人");
        ReceiptReading first = unlabelled(values(ReceiptField.CASH_PAID, "956.59", 3, ReceiptField.SELF_FUNDED, selfFunded, 4),
                OTHER_PERSONAL_LABELS, "438.34", 5);

        ReceiptReading read = SecondReads.apply(first, lines);

        assertThat(read.fields().containsKey(ReceiptField.SELF_PAID)).isEqualTo(placed);
    }

    /**
     * 预付金额 keeps as much of 预缴金额 as of 自付金额: a label of no field an amount may stand after, which leaves the
     * remnant to no one unless it was read exactly elsewhere on the page.
     */
    @ParameterizedTest(name = "预缴金额 read elsewhere {0}: 个人自付 placed {0}")
    @CsvSource({"true", "false"})
    void aLabelOfNoFieldReadElsewhereIsNoLongerWhatARemnantCanBe(boolean seen) {
        ScriptedLines lines = new ScriptedLines().label(5, "预付金额");
        ReceiptReading first = unlabelled(values(ReceiptField.CASH_PAID, "956.59", 3),
                OTHER_PERSONAL_LABELS, "438.34", 5);
        ReceiptReading page = new ReceiptReading(first.kind(), first.fields(), first.labelled(), List.of(), false, List.of(), Map.of(),
                first.unlabelled(), seen ? EnumSet.of(ReceiptLabel.PREPAID, ReceiptLabel.CASH_PAID) : EnumSet.of(ReceiptLabel.CASH_PAID));

        assertThat(SecondReads.apply(page, lines).fields().containsKey(ReceiptField.SELF_PAID)).isEqualTo(seen);
    }

    /**
     * 人付日付信入 keeps 人…付 of 个人自付 and as much of 交款人统一社会信用代码 (人…信, the seal's 信): a code's label, which
     * no amount stands after, so the remnant is 个人自付's whether or not that label was read elsewhere
     * ({@link ReceiptLabel#holds}).
     */
    @ParameterizedTest(name = "交款人统一社会信用代码 read elsewhere {0}: 个人自付 placed")
    @CsvSource({"true", "false"})
    void aLabelNoAmountStandsAfterIsNotWhatAnAmountsRemnantCanBe(boolean seen) {
        ScriptedLines lines = new ScriptedLines().label(5, "人付日付信入");
        ReceiptReading first = unlabelled(values(ReceiptField.CASH_PAID, "956.59", 3),
                OTHER_PERSONAL_LABELS, "438.34", 5);
        ReceiptReading page = new ReceiptReading(first.kind(), first.fields(), first.labelled(), List.of(), false, List.of(), Map.of(),
                first.unlabelled(), seen ? EnumSet.of(ReceiptLabel.PAYER_CREDIT_CODE, ReceiptLabel.CASH_PAID) : EnumSet.of(ReceiptLabel.CASH_PAID));

        assertThat(SecondReads.apply(page, lines).fields().get(ReceiptField.SELF_PAID).text()).isEqualTo("438.34");
    }

    /**
     * 自费金额 with its 自 read as 日, its 金 lost (日费人额, 日费信额): 费额 alone it keeps as much of 退费金额, a label of no
     * field an amount may stand after; the 日 read for 自 tells them apart. A 日 or 目 read for 自 counts for half a
     * character: 目付人信 (付 of 自付金额) and 电人日 (人 of 个人自付, the seal over 预缴金额) keep too little; a 日 of a date's
     * label (日期:) names no amount's field.
     */
    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({"日费人额:, 日费信额:, SELF_FUNDED", "目付人信:, 目付人信, ", "电人日, 入天人, ", "日期:, 日期:, "})
    void weighsA日Or目ReadForALabels自AsHalfACharacter(String second, String third, ReceiptField placed) {
        ScriptedLines lines = new ScriptedLines().label(5, 2.0, second).label(5, 1.5, third);

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS.stream().filter(f -> f != placed).collect(Collectors.toSet()),
                "20.31", 5);

        if (placed == null) {
            assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID);
        } else {
            assertThat(read.fields().get(placed).text()).isEqualTo("20.31");
            assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID, placed);
        }
    }

    /** An amount the fee table lists (化验费 438.34, the look reaching 验费) is that line's, not a remnant's. */
    @Test
    void givesNoFieldByItsRemnantAnAmountTheFeeTableLists() {
        ScriptedLines lines = new ScriptedLines().label(5, "码个人");
        ReceiptReading first = unlabelled(values(ReceiptField.CASH_PAID, "956.59", 3),
                OTHER_PERSONAL_LABELS, "438.34", 5);
        ReceiptReading withLines = new ReceiptReading(first.kind(), first.fields(), first.labelled(), List.of(new FeeLine("化验费", "438.34")),
                true, List.of(), Map.of(), first.unlabelled());

        assertThat(SecondReads.apply(first, lines).fields()).containsKey(ReceiptField.SELF_PAID);
        assertThat(SecondReads.apply(withLines, lines).fields()).doesNotContainKey(ReceiptField.SELF_PAID);
    }

    @Test
    void givesNeitherOfTwoAmountsTheFieldTheRemnantsOfBothTheirLabelsName() {
        ScriptedLines lines = new ScriptedLines().label(5, "码个人").label(6, "码人自");

        ReceiptReading read = looked(lines, OTHER_PERSONAL_LABELS,
                "438.34", 5, "160.38", 6);

        assertThat(read.fields()).containsOnlyKeys(ReceiptField.CASH_PAID);
    }

    @Test
    void doesNotLookForALabelReadElsewhereOnThePage() {
        ReceiptReading read = looked(new ScriptedLines().label(5, "个人自付："),
                EnumSet.of(ReceiptField.CASH_PAID, ReceiptField.SELF_PAID), "196.18", 5);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_PAID);
    }

    @Test
    void givesNeitherOfTwoAmountsTheLabelBothLooksRead() {
        ReceiptReading read = looked(new ScriptedLines().label(5, "个人自付：").label(6, "自付金额:"),
                EnumSet.of(ReceiptField.CASH_PAID), "196.18", 5, "123.00", 6);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.SELF_PAID);
    }

    @Test
    void looksForNoLabelWhenEveryAmountAndDateIsRead() {
        Map<ReceiptField, Value> all = new EnumMap<>(ReceiptField.class);
        int r = 1;
        for (ReceiptLabel label : ReceiptLabel.values()) {
            if (label.isAmount()) all.put(label.field(), new Value("1.00", 0.9, row(r++)));
            if (label.isDate()) all.put(label.field(), new Value("2025-05-17", 0.9, row(r++)));
        }
        ReceiptReading reading = unlabelled(all, all.keySet(), "196.18", 20);
        ScriptedLines lines = new ScriptedLines().label(20, "个人自付：");

        SecondReads.apply(reading, lines);

        assertThat(lines.asked).doesNotContain("20@label");
    }
    /**
     * An outpatient receipt prints no stay: its admission and discharge dates unread, with every amount and date it does
     * print read, want no look at an unlabelled value's label; its visit date unread does.
     */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void looksForNoLabelOfAFieldTheKindOfReceiptDoesNotPrint(boolean visitDateRead) {
        Map<ReceiptField, Value> printed = new EnumMap<>(ReceiptField.class);
        int r = 1;
        for (ReceiptLabel label : ReceiptLabel.values()) {
            if (!(label.isAmount() || label.isDate()) || !SecondReads.printedOn(DocumentKind.OUTPATIENT_RECEIPT, label.field())) continue;
            if (label.field() == ReceiptField.VISIT_DATE && !visitDateRead) continue;
            printed.put(label.field(), new Value(label.isDate() ? "2025-05-17" : "1.00", 0.9, row(r++)));
        }
        ScriptedLines lines = new ScriptedLines().label(20, "入院日期：");

        ReceiptReading read = SecondReads.apply(unlabelled(printed, printed.keySet(), "2025-05-10", 20), lines);

        assertThat(lines.asked.contains("20@label")).isEqualTo(!visitDateRead);
        assertThat(read.fields()).doesNotContainKey(ReceiptField.ADMISSION_DATE);
        assertThat(SecondReads.printedOn(DocumentKind.INPATIENT_RECEIPT, ReceiptField.VISIT_DATE)).isFalse();
        assertThat(SecondReads.printedOn(DocumentKind.INPATIENT_RECEIPT, ReceiptField.ADMISSION_DATE)).isTrue();
        assertThat(SecondReads.printedOn(DocumentKind.SETTLEMENT_STATEMENT, ReceiptField.VISIT_DATE)).isTrue();
    }

    /** Of the total and the four payments, those given (field, amount), each on its own row from 1. */
    private static Map<ReceiptField, Value> sum(Object... fieldText) {
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        for (int i = 0; i < fieldText.length; i += 2) values.put((ReceiptField) fieldText[i], new Value((String) fieldText[i + 1], 0.9, row(i / 2 + 1)));
        return values;
    }

    @Test
    void givesTheOnePaymentMissingTheAmountReadWithoutALabelThatTheSumLeavesForIt() {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "12932.17", ReceiptField.FUND_PAID, "9558.93",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1239.25", ReceiptField.CASH_PAID, "1301.56");

        ReceiptReading placed = SecondReads.paymentBySum(unlabelled(read, read.keySet(), "479.30", 6, "¥832.43", 7, "2025-12-19", 8));

        assertThat(placed.fields().get(ReceiptField.OTHER_PAID).text()).isEqualTo("832.43");
        assertThat(placed.fields().get(ReceiptField.OTHER_PAID).area()).isEqualTo(row(7));
        assertThat(placed.fields().get(ReceiptField.OTHER_PAID).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(placed.warnings()).containsExactly("其他支付的标签未能识别，页上无标签的金额 832.43 与金额合计和其余各项支付相符，按其他支付取用，请核对原件");
    }

    @Test
    void givesAMissingTotalTheAmountReadWithoutALabelThatThePaymentsAddUpTo() {
        Map<ReceiptField, Value> read = sum(ReceiptField.FUND_PAID, "405.64", ReceiptField.OTHER_PAID, "0.00",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", ReceiptField.CASH_PAID, "1245.97");

        ReceiptReading placed = SecondReads.paymentBySum(unlabelled(read, read.keySet(), "1245.97", 6, "1651.61", 7));

        assertThat(placed.fields().get(ReceiptField.TOTAL).text()).isEqualTo("1651.61");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two amounts read without a label are what the sum leaves | 832.43 | 832.43 | 9558.93",
            "none is, by a cent | 832.42 | 1.00 | 9558.93",
            "what the sum leaves is nothing | 0.00 | 1.00 | 10391.36"})
    void takesNoAmountTheSumDoesNotSayIsThePayments(String what, String one, String other, String fund) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "12932.17", ReceiptField.FUND_PAID, fund,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1239.25", ReceiptField.CASH_PAID, "1301.56");
        ReceiptReading reading = unlabelled(read, read.keySet(), one, 6, other, 7);

        assertThat(SecondReads.paymentBySum(reading)).isSameAs(reading);
    }

    @Test
    void takesNoAmountWhenTwoOfTheSumAreMissing() {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "12932.17", ReceiptField.FUND_PAID, "9558.93",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1239.25");
        ReceiptReading reading = unlabelled(read, read.keySet(), "2133.99", 6, "832.43", 7, "1301.56", 8);

        assertThat(SecondReads.paymentBySum(reading)).isSameAs(reading);
    }
    /**
     * A thin Song face's scan, 3751.46 = 1321.49 + 1146.92 + 1283.05 (其他支付 not on the form): 医保统筹基金支付 under the
     * seal's ring read as 1, a look without the seal reading 821.49 and the 0.00 of the next amount run on.
     */
    private static final Object[] FUND_UNDER_THE_RING = {ReceiptField.TOTAL, "3751.46", ReceiptField.FUND_PAID, "1",
        ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", ReceiptField.CASH_PAID, "1283.05"};

    private static ScriptedLines sumLooks(String total) {
        return new ScriptedLines().answer(1, 2.0, "¥" + total).answer(3, 2.0, "1146.92").answer(4, 2.0, "1283.05")
                .withoutSeal(2, 1.5, ".¥821.4910.00");
    }

    @Test
    void takesThePaymentReadAsNoAmountAsWhatTheSumLeavesWhenAReadThereEndsSo() {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);

        ReceiptReading mended = SecondReads.paymentLeftBySum(unlabelled(read, read.keySet()), sumLooks("3751.46"));

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).area()).isEqualTo(row(2));
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(mended.fields()).hasSize(read.size());
        assertThat(mended.warnings()).containsExactly(
                "医保统筹基金支付未能识别为金额（读作「1」），金额合计减其余各项支付为 1321.49，与页上识别出的末几位相符，按此取用，请核对原件");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no read there ends as what is left, by a cent | 3751.46 | 3751.46 | .¥821.4810.00 | false",
            "only the amount a look runs on to ends so (the next label's, on the same line) | 3751.46 | 3751.46 | .¥0.00¥1321.49 | false",
            "a look reads the total otherwise (its first digit) | 3751.46 | 8751.46 | .¥821.4910.00 | false",
            "what is left is less than nothing | 2000.00 | 2000.00 | .¥821.4910.00 | false",
            "其他支付 labelled but not read: what is left may be partly its | 3751.46 | 3751.46 | .¥821.4910.00 | true",
            "the read that ends so is longer: another amount run on before it, a label unread between | 3751.46 | 3751.46 | 15901321.49 | false"})
    void takesNoPaymentTheSumAndTheReadsThereDoNotBothSay(String what, String total, String totalLook, String fundLook, boolean otherLabelled) {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        read.put(ReceiptField.TOTAL, new Value(total, 0.9, row(1)));
        ScriptedLines lines = sumLooks(totalLook).withoutSeal(2, 1.5, fundLook);
        Set<ReceiptField> labelled = otherLabelled ? EnumSet.allOf(ReceiptField.class) : read.keySet();
        ReceiptReading reading = unlabelled(read, labelled);

        assertThat(SecondReads.paymentLeftBySum(reading, lines)).isSameAs(reading);
    }

    /**
     * The template's 医保统筹基金支付 0.00 read as marks and 其他支付's label as 六地支作 before its 321.49, the page's read
     * of the payment all that: the amount ending as what the sum leaves stands after words, another label's.
     */
    @Test
    void takesNoPaymentWhosePagesReadEndsSoOnlyAfterWords() {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        read.put(ReceiptField.FUND_PAID, new Value("(扼。”、六地支作321.49", 0.45, row(2)));
        ReceiptReading reading = unlabelled(read, read.keySet());

        assertThat(SecondReads.paymentLeftBySum(reading, sumLooks("3751.46").withoutSeal(2, 1.5, ""))).isSameAs(reading);
    }

    @ParameterizedTest(name = "{0}: {1} for {2}")
    @CsvSource(delimiter = '|', value = {
            "words before it | (扼。”、六地支作303.78 | 60378 | true",
            "a mark of the seal before it | 室303.78 | 60378 | false",
            "four digits more than what is left | 15901030.98 | 103098 | true",
            "one digit more: a sign read as one | 41030.98 | 103098 | false",
            "as many digits | ¥1030.98 | 103098 | false",
            "longer, but nothing is left | 9000.00. | 000 | false",
            "words after it | 0.00六地支作1030.98 | 103098 | false",
            "no amount | 4和 | 103098 | false"})
    void aReadsFirstAmountIsAnothersAfterWordsOrWhenLongerThanWhatTheSumLeaves(String what, String read, String digits, boolean anothers) {
        assertThat(SecondReads.anothers(read, digits)).isEqualTo(anothers);
    }

    /**
     * A thin Song face's photo loses a narrow digit and the point beside it: 1321.49 read 13249 by the page, or 132.49 by a
     * look. What the sum leaves is taken when a read is it less one digit, its last digit kept. A scan with the seal's star
     * over the amount's end: a look there reads its first digits and runs on to the next amount (132¥0.00); taken too,
     * the warning saying the first digits were read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the page's read lost a digit and the point | 13249 | | 末几位",
            "a look lost a digit | 1 | .¥132.49¥0.00 | 末几位",
            "a look read its first digits cut short | 1 | 132¥0.00. | 前几位"})
    void takesThePaymentReadAsNoAmountAsWhatTheSumLeavesWhenAReadLostOneDigitOfIt(String what, String page, String look, String seen) {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        read.put(ReceiptField.FUND_PAID, new Value(page, 0.9, row(2)));
        ScriptedLines lines = sumLooks("3751.46").withoutSeal(2, 1.5, look == null ? "" : look);

        ReceiptReading mended = SecondReads.paymentLeftBySum(unlabelled(read, read.keySet()), lines);

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
        assertThat(mended.warnings()).containsExactly("医保统筹基金支付未能识别为金额（读作「" + page
                + "」），金额合计减其余各项支付为 1321.49，与页上识别出的" + seen + "相符，按此取用，请核对原件");
    }

    /**
     * A pale scan's seal over a payment's first digit: the page read 321.49 of 1321.49, whole as money, and the sum fails
     * with it. What the sum leaves ends as the page read it: taken, the warning saying its first digits may be under the
     * seal.
     */
    @Test
    void takesAPaymentReadShortAtTheFrontAsWhatTheSumLeavesWhenItEndsSo() {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        read.put(ReceiptField.FUND_PAID, new Value("321.49", 0.9, row(2)));

        ReceiptReading mended = SecondReads.paymentLeftBySum(unlabelled(read, read.keySet()), sumLooks("3751.46"));

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).area()).isEqualTo(row(2));
        assertThat(mended.fields()).hasSize(read.size());
        assertThat(mended.warnings()).containsExactly("医保统筹基金支付读作 321.49，金额合计减其余各项支付为 1321.49，"
                + "与页上识别出的末几位相符，前几位可能被印章遮挡，按此取用，请核对原件");
    }

    /**
     * The seal's star over the total's first digits: 3751.46 read 751.46 by the page and its look, every payment read and
     * each read so again. The payments added up end as the total was read: taken, the warning saying its first digits
     * may be under the seal.
     */
    @Test
    void takesATotalReadShortAtTheFrontAsThePaymentsAddedUpWhenTheyEndSo() {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "751.46", ReceiptField.FUND_PAID, "1321.49",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1146.92", ReceiptField.CASH_PAID, "1283.05");
        ScriptedLines lines = sumLooks("751.46").answer(2, 2.0, "¥1321.49");

        ReceiptReading mended = SecondReads.paymentLeftBySum(unlabelled(read, read.keySet()), lines);

        assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo("3751.46");
        assertThat(mended.fields().get(ReceiptField.TOTAL).area()).isEqualTo(row(1));
        assertThat(mended.fields().get(ReceiptField.TOTAL).confidence()).isLessThan(0.9);
        assertThat(mended.fields()).hasSize(read.size());
        assertThat(mended.warnings()).containsExactly("金额合计读作 751.46，各项支付之和为 3751.46，"
                + "与页上识别出的末几位相符，前几位可能被印章遮挡，按此取用，请核对原件");
    }

    /**
     * A total short at the front is taken only when the payments, each read again so, say it, and no payment read a
     * digit too long says it as well: a sign read as a digit before one payment (84683.75 for ¥4683.75) makes the same
     * sum as a total read without its first digit.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a look reads a payment otherwise | 751.46 | 1321.49 | 1146.92 | ¥1821.49",
            "a payment not read: the sum cannot say | 751.46 | | 1146.92 | ¥1321.49",
            "fewer than four digits read | 1.46 | 1321.49 | 1146.92 | ¥1321.49",
            "the payments end otherwise, by a cent | 751.45 | 1321.49 | 1146.92 | ¥1321.49",
            "a payment's first digit may be its sign | 6012.10 | 84683.75 | 328.35 | ¥84683.75"})
    void takesNoTotalReadShortUnlessThePaymentsAloneSaySo(String what, String total, String fund, String personal, String fundLook) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, total, ReceiptField.FUND_PAID, fund == null ? "x" : fund,
                ReceiptField.PERSONAL_ACCOUNT_PAID, personal, ReceiptField.CASH_PAID, fund != null && fund.startsWith("8") ? "1000.00" : "1283.05");
        if (fund == null) read.remove(ReceiptField.FUND_PAID);
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "¥" + total).answer(2, 2.0, fundLook).answer(3, 2.0, personal)
                .answer(4, 2.0, read.get(ReceiptField.CASH_PAID).text());
        ReceiptReading reading = unlabelled(read, read.keySet());

        assertThat(SecondReads.paymentLeftBySum(reading, lines).fields()).isEqualTo(reading.fields());
    }

    /** Each read confirmed by a look: only what the sum leaves, and what the page read of it, decide. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the sum holds: nothing was lost | 1330.49 | 1321.49 | 9.00 | 0.00 | 1330.49",
            "what is left does not end as the read, by a cent | 3751.46 | 321.48 | 1146.92 | 1283.05 | 3751.46",
            "fewer than four digits read | 3751.46 | 1.49 | 1146.92 | 1283.05 | 3751.46",
            "two payments are each what the sum leaves for it, first digits lost | 3751.46 | 321.49 | 146.92 | 1283.05 | 3751.46",
            "a look reads the total otherwise | 3751.46 | 321.49 | 1146.92 | 1283.05 | 8751.46"})
    void takesNoPaymentReadAsMoneyThatTheSumDoesNotSayLostItsFirstDigits(String what, String total, String fund, String personal,
                                                                         String cash, String totalLook) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, total, ReceiptField.FUND_PAID, fund,
                ReceiptField.PERSONAL_ACCOUNT_PAID, personal, ReceiptField.CASH_PAID, cash);
        ScriptedLines lines = sumLooks(totalLook).answer(2, 2.0, fund).answer(3, 2.0, personal).answer(4, 2.0, cash);
        ReceiptReading reading = unlabelled(read, read.keySet());

        assertThat(SecondReads.paymentLeftBySum(reading, lines)).isSameAs(reading);
    }

    /** The looks that read the other payments again may read a mark before their sign (.¥1146.92, the colon's remnant). */
    @Test
    void takesWhatTheSumLeavesWhenTheLooksAtTheOtherPaymentsReadAMarkBeforeTheirSign() {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        ScriptedLines lines = sumLooks("3751.46").answer(3, 2.0, ".¥1146.92").answer(4, 2.0, ":¥1283.05");

        ReceiptReading mended = SecondReads.paymentLeftBySum(unlabelled(read, read.keySet()), lines);

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("1321.49");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "a digit lost in the middle | ¥1321.9 | true",
            "a digit and the point lost | 13249 | true",
            "the first digit lost | 32149 | true",
            "its last digit read otherwise | 13248 | false",
            "its last digit lost | 13214 | false",
            "two digits lost | 1349 | false",
            "as many digits, one otherwise | 132189 | false",
            "only the next amount run on is so | .¥0.00¥13249 | false"})
    void aReadLostOneDigitOfAnAmountWhenItsFirstNumberIsTheAmountLessOneDigitItsLastKept(String what, String read, boolean lost) {
        assertThat(SecondReads.oneDigitLost(read, "132149")).isEqualTo(lost);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "three first digits, then the next amount | 132¥0.00 | true",
            "four first digits and the point | 1321.¥0.00 | true",
            "two first digits only | 13¥0.00 | false",
            "the first digits otherwise | 133¥0.00 | false",
            "a digit more before them | 9132¥0.00 | false",
            "all of it: not cut short | 1321.49 | false",
            "only the next amount run on begins so | .¥0.00¥132 | false"})
    void aReadIsAnAmountCutShortWhenItsFirstNumberIsItsFirstDigitsThreeOrMore(String what, String read, boolean cut) {
        assertThat(SecondReads.beginsCutShort(read, "132149")).isEqualTo(cut);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "its first digit and the point | 0.术” | true",
            "after the sign, a decimal kept | ¥0.0 | true",
            "a decimal otherwise | ¥0.5 | false",
            "a digit before the point otherwise | 10. | false",
            "no point | ¥0 | false"})
    void nothingLeftIsBegunByAReadOfItsFirstZeroAndThePoint(String what, String read, boolean cut) {
        assertThat(SecondReads.beginsCutShort(read, "000")).isEqualTo(cut);
    }

    /**
     * A thin Song face's scan, 8011.60 = 0.00 + 1919.58 + 6092.02: 医保统筹基金支付 under the seal's ring read 0.术” by the
     * page and no amount by a look. The others, each read again by a look, make the total on their own: the payment is
     * nothing, and the page's 0. says so; a read of 0.5 says otherwise, and nothing is taken.
     */
    @ParameterizedTest
    @CsvSource({"0.术”, 0.00", "¥0.5, "})
    void takesNothingForAPaymentReadAsNoAmountWhenTheOthersMakeTheTotalAndItsReadBeginsSo(String page, String taken) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "8011.60", ReceiptField.FUND_PAID, page,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1919.58", ReceiptField.CASH_PAID, "6092.02");
        ScriptedLines looks = new ScriptedLines().answer(1, 2.0, "¥8011.60").answer(3, 2.0, "¥1919.58").answer(4, 2.0, "6092.02");
        ReceiptReading reading = unlabelled(read, read.keySet());

        ReceiptReading mended = SecondReads.paymentLeftBySum(reading, looks);

        if (taken == null) {
            assertThat(mended).isSameAs(reading);
        } else {
            assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo(taken);
            assertThat(mended.warnings()).containsExactly("医保统筹基金支付未能识别为金额（读作「" + page
                    + "」），金额合计减其余各项支付为 0.00，与页上识别出的前几位相符，按此取用，请核对原件");
        }
    }

    @Test
    void aReadOfFewerThanFourDigitsSaysNoAmountLostADigit() {
        assertThat(SecondReads.oneDigitLost("149", "1149")).isFalse();
    }

    @Test
    void takesNothingForAPaymentWhenAnotherOfTheSumIsReadAsNoAmountToo() {
        Map<ReceiptField, Value> read = sum(FUND_UNDER_THE_RING);
        read.put(ReceiptField.CASH_PAID, new Value("壮1283.0", 0.9, row(4)));
        ReceiptReading reading = unlabelled(read, read.keySet());

        assertThat(SecondReads.paymentLeftBySum(reading, sumLooks("3751.46"))).isSameAs(reading);
    }

    /**
     * 8011.60 = 0.00 + 0.00 + 1919.58 + 6092.02: 医保统筹基金支付 under the seal not read at all where its label was; a
     * look in its slot reads the 0.00 of it and of 其他支付 beside it, apart or run together (9000.00: longer than what is
     * left, but nothing is left, so each is nothing). The payments add up to the total without it.
     */
    @ParameterizedTest(name = "a look there reads {0}")
    @ValueSource(strings = {".¥0.¥0.00", "9000.00."})
    void takesAPaymentNotReadInItsLabelsSlotAsNothingWhenTheOthersAddUpToTheTotalAndALookThereReadsIt(String look) {
        Map<ReceiptField, Value> values = sum(ReceiptField.TOTAL, "8011.60", ReceiptField.OTHER_PAID, "0.00",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "1919.58", ReceiptField.CASH_PAID, "6092.02");
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "¥8011.60").answer(2, 2.0, "0.00").answer(3, 2.0, "1919.58")
                .answer(4, 2.0, "¥6092.02").answer(5, 2.0, look);

        ReceiptReading mended = SecondReads.paymentLeftBySum(reading(values, Map.of(ReceiptField.FUND_PAID, row(5))), lines);

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("0.00");
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).area()).isEqualTo(row(5));
        assertThat(mended.warnings()).containsExactly("医保统筹基金支付未能识别，金额合计减其余各项支付为 0.00，与页上识别出的末几位相符，按此取用，请核对原件");
    }

    /**
     * The total unread (its slot, row 5; a statement's 医疗费用总额 under the seal's ring), every payment read (rows 1-4)
     * and read so again by a look: the payments' sum is taken for it where a look at its place reads that sum whole among
     * its amounts (60¥30010.12¥20729.21: the look runs on over the next payment's amount), with a warning; not where it
     * reads only the sum's last digits, another amount, or the sum inside a longer one.
     */
    @ParameterizedTest(name = "a look there reads {0}")
    @CsvSource(delimiter = '|', value = {
            "60¥30010.12¥20729.21 | 30010.12",
            "¥30010.12 | 30010.12",
            "¥0010.12¥20729.21 | ",
            "¥30010.13 | ",
            "¥130010.12 | ",
            "¥5.30010.12 | "})
    void theTotalUnreadIsThePaymentsSumWhereALookAtItsPlaceReadsThatSumWhole(String look, String taken) {
        Map<ReceiptField, Value> values = sum(ReceiptField.FUND_PAID, "20729.21", ReceiptField.OTHER_PAID, "0.00",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "4286.99", ReceiptField.CASH_PAID, "4993.92");
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "¥20729.21").answer(2, 2.0, "¥0.00").answer(3, 2.0, "¥4286.99")
                .answer(4, 2.0, "¥4993.92").answer(5, 2.0, look);

        ReceiptReading mended = SecondReads.paymentLeftBySum(reading(values, Map.of(ReceiptField.TOTAL, row(5))), lines);

        if (taken == null) {
            assertThat(mended.fields()).doesNotContainKey(ReceiptField.TOTAL);
        } else {
            assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo(taken);
            assertThat(mended.fields().get(ReceiptField.TOTAL).area()).isEqualTo(row(5));
            assertThat(mended.warnings()).containsExactly("金额合计未能识别，各项支付之和为 30010.12，与页上识别出的金额相符，按此取用，请核对原件");
        }
    }

    /** A stay admitted 2025-04-24 and issued 2025-05-20, its discharge's label lost, with the dates given read where no label was. */
    private static ReceiptReading stay(Object... textRow) {
        Map<ReceiptField, Value> read = values(ReceiptField.ADMISSION_DATE, "2025-04-24", 1, ReceiptField.ISSUE_DATE, "2025-05-20", 2);
        return unlabelled(read, read.keySet(), textRow);
    }

    @Test
    void theOneDateReadWithoutALabelInTheStayIsItsDischargeWhenTwoMoreLooksReadIt() {
        ScriptedLines lines = new ScriptedLines().label(5, "人院").answer(5, 2.0, "2025-05-17").answer(5, 1.5, "2025/05/17");

        ReceiptReading read = SecondReads.apply(stay("2025-05-17", 5), lines);

        assertThat(read.fields().get(ReceiptField.DISCHARGE_DATE).text()).isEqualTo("2025-05-17");
        assertThat(read.fields().get(ReceiptField.DISCHARGE_DATE).area()).isEqualTo(row(5));
        assertThat(read.warnings()).contains("出院日期的标签未能识别，页上无标签的日期 2025-05-17 在入院日期与开票日期之间，按出院日期取用，请核对原件");
    }

    /**
     * 入院日期's slot (row 1) runs on over 出院日期's date, that label lost under the seal's star: the page read that date
     * alone, without a label, inside the slot, and the looks read the two run together (2025/09/2112025/10/134: a stroke
     * of the ring between them). When both begin with the same day before it, that day is the admission's. Not when the
     * looks begin with different days, nor with the date the page read there, nor when digits stand before the first
     * date, nor when the page read no date alone in the slot (two dates there may be the next two fields', the slot's
     * own left blank).
     */
    @ParameterizedTest(name = "looks {0} and {1}, the page reading {2} in the slot")
    @CsvSource(delimiter = '|', value = {
            "2025/09/2112025/10/134 | 2025/09/21 2025/10/13 | 2025-10-13 | 2025-09-21",
            "¥2025/09/21”2025/10/13 | :2025/09/2112025/10/13 | 2025-10-13 | 2025-09-21",
            "2025/09/2112025/10/134 | 2025/08/2112025/10/13 | 2025-10-13 | ",
            "2025/10/13 2025/10/14 | 2025/10/13 2025/10/14 | 2025-10-13 | ",
            "72025/09/2112025/10/13 | 72025/09/2112025/10/13 | 2025-10-13 | ",
            "2025/09/21 | 2025/09/2112025/10/13 | 2025-10-13 | ",
            "2025/09/2112025/10/134 | 2025/09/21 2025/10/13 | | "})
    void aDateSlotLookedAtOverTheNextDateTooTakesTheDateBothLooksBeginWith(String second, String third, String inTheSlot, String taken) {
        Map<ReceiptField, Value> read = values(ReceiptField.ISSUE_DATE, "2025-10-14", 2);
        List<ReceiptReading.Unlabelled> alone = inTheSlot == null ? List.of()
                : List.of(new ReceiptReading.Unlabelled(new Value(inTheSlot, 0.8, new Area(300, 88, 40, 24)), true, new Area(260, 88, 40, 24)));
        ReceiptReading reading = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, read,
                EnumSet.of(ReceiptField.ISSUE_DATE, ReceiptField.ADMISSION_DATE), List.of(), false, List.of(),
                Map.of(ReceiptField.ADMISSION_DATE, row(1)), alone);
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, second).answer(1, 1.5, third);

        ReceiptReading mended = SecondReads.apply(reading, lines);

        if (taken == null) {
            assertThat(mended.fields()).doesNotContainKey(ReceiptField.ADMISSION_DATE);
        } else {
            assertThat(mended.fields().get(ReceiptField.ADMISSION_DATE).text()).isEqualTo(taken);
        }
    }

    @Test
    void aDateWrittenInChineseIsLookedAtInAnyCharactersWhenALookInDigitsReadsItsCharactersAsDigits() {
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, "202545178").answer(5, 2.0, "", "2025年5月17日")
                .answer(5, 1.5, "", "2025年5月17日");

        ReceiptReading read = SecondReads.apply(stay("2025-05-17", 5), lines);

        assertThat(read.fields().get(ReceiptField.DISCHARGE_DATE).text()).isEqualTo("2025-05-17");
    }

    /**
     * The hospital's label lost, its name read where no label named it (row 7), perhaps again on another line (row 8): taken
     * when it ends with one listed hospital's name and a look there names the same, with a warning; not when the look
     * reads another, nor when two listed hospitals are read, nor a name the list lacks.
     */
    @ParameterizedTest(name = "{0} | {1} | look {2}")
    @CsvSource(delimiter = '|', value = {
            "大冶市人民医院段杰琪 | | 大冶市人民医院段杰琪 | 大冶市人民医院",
            "单位大冶市人民医院 | 大冶市人民医院 | 大冶市人民医院 | 大冶市人民医院",
            "大冶市人民医院 | | 大治市人民医院 | ",
            "大冶市人民医院 | 京山市中医医院 | 大冶市人民医院 | ",
            "江陵县仁和医院 | | 江陵县仁和医院 | "})
    void takesTheOneListedHospitalReadWhereNoLabelNamedIt(String read, String other, String look, String taken) {
        List<ReceiptReading.Unlabelled> names = new ArrayList<>();
        names.add(new ReceiptReading.Unlabelled(new Value(institution(read), 0.9, row(7)), ReceiptReading.Sort.INSTITUTION, row(7)));
        if (other != null) {
            names.add(new ReceiptReading.Unlabelled(new Value(other, 0.9, row(8)), ReceiptReading.Sort.INSTITUTION, row(8)));
        }
        ReceiptReading reading = new ReceiptReading(DocumentKind.OUTPATIENT_RECEIPT, values(ReceiptField.PAYER_NAME, "张三", 1),
                EnumSet.of(ReceiptField.PAYER_NAME), List.of(), false, List.of(), Map.of(), names);
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "张三").answer(7, 2.0, look);

        ReceiptReading read2 = SecondReads.apply(reading, lines, HospitalList.shipped());

        if (taken == null) {
            assertThat(read2.fields()).doesNotContainKey(ReceiptField.HOSPITAL);
        } else {
            assertThat(read2.fields().get(ReceiptField.HOSPITAL).text()).isEqualTo(taken);
            assertThat(read2.fields().get(ReceiptField.HOSPITAL).confidence()).isCloseTo(0.8 * PageReading.PLACED_TRUST, within(1e-9));
            assertThat(read2.warnings()).contains("收款单位的标签未能识别，页上读到医疗机构名录中的「" + taken + "」，按收款单位取用，请核对原件");
        }
    }

    /** An institution's name as the page finds it: the run up to the first ending of a hospital's name. */
    private static String institution(String read) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*?(?:医院|卫生院)").matcher(read);
        return m.lookingAt() ? m.group() : read;
    }

    /**
     * 2025年5月16日 under the seal, its looks in a date's characters reading 20255168 at both scales (年, 月 and 日 as
     * digits): the same twice, a date's form, no day of the calendar; the looks in any characters read the date.
     */
    @Test
    void aDateWhoseLooksInDigitsAgreeOnNoDayOfTheCalendarIsLookedAtInAnyCharacters() {
        String digits = "0123456789-/.";
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, digits, "20255168").answer(5, 1.5, digits, "20255168")
                .answer(5, 2.0, "", "2025年5月16日").answer(5, 1.5, "", "2025年5月16日");

        ReceiptReading read = SecondReads.apply(stay("2025-05-16", 5), lines);

        assertThat(read.fields().get(ReceiptField.DISCHARGE_DATE).text()).isEqualTo("2025-05-16");
    }

    /**
     * An outpatient receipt's 门诊日期 under the seal, its looks keeping 诊日 of it: of the labels those characters come
     * nearest to, only the visit's is a date's, and it was read nowhere on the page. Taken when two more looks read the date
     * the same; not when they read another, nor when the remnant is an amount's label's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"诊日 | 2025-05-17 | true", "诊日 | 2025-05-11 | false", "人自 | 2025-05-17 | false"})
    void givesADateToTheOneDatesFieldStillOpenThatARemnantOfItsLabelCanBe(String remnant, String looked, boolean taken) {
        Map<ReceiptField, Value> read = values(ReceiptField.ISSUE_DATE, "2025-05-20", 2);
        ScriptedLines lines = new ScriptedLines().label(5, remnant).answer(5, 2.0, looked).answer(5, 1.5, looked);

        ReceiptReading mended = SecondReads.apply(unlabelled(read, read.keySet(), "2025-05-17", 5), lines);

        if (taken) {
            assertThat(mended.fields().get(ReceiptField.VISIT_DATE).text()).isEqualTo("2025-05-17");
            assertThat(mended.fields().get(ReceiptField.VISIT_DATE).area()).isEqualTo(row(5));
            assertThat(mended.warnings()).contains("就诊日期的标签残缺，只认出「诊日」，与之相近的其他标签都已在页上找到，无标签的日期 2025-05-17 按就诊日期取用，请核对原件");
        } else {
            assertThat(mended.fields()).doesNotContainKey(ReceiptField.VISIT_DATE);
        }
    }

    /**
     * The seal over （小写） and the words beside it clear (set 2's doc-018): the words read 伍什制佰起拾参元零壹分, every
     * payment was read and they add up to 5823.01, which the words' capitals, read in place, agree with. Not when the
     * words say another amount, nor when a payment is missing or read as no amount yet (a fax's 64Y.24, which the checks
     * drop later: nothing then to hold them against).
     */
    @ParameterizedTest(name = "words {0}, cash paid {1}: total {2}")
    @CsvSource({"伍什制佰起拾参元零壹分, 645.24, 5823.01", "伍什制佰起拾参元零贰分, 645.24, ", "伍什制佰起拾参元零壹分, , ",
            "伍什制佰起拾参元零壹分, 64Y.24, "})
    void aTotalWhoseFiguresWereLostIsThePaymentsSumWhenItsWordsAgree(String words, String cash, String total) {
        Map<ReceiptField, Value> read = values(ReceiptField.FUND_PAID, "4420.64", 2, ReceiptField.OTHER_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "757.13", 4);
        if (cash != null) read.put(ReceiptField.CASH_PAID, new Value(cash, 0.7, row(5)));
        ReceiptReading page = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, read, EnumSet.of(ReceiptField.TOTAL, ReceiptField.CASH_PAID),
                List.of(), false, List.of(), Map.of(), List.of(new ReceiptReading.Unlabelled(new Value(words, 0.5, row(6)),
                ReceiptReading.Sort.WORDS, row(6))));

        ReceiptReading mended = SecondReads.totalInItsWords(page);

        if (total == null) {
            assertThat(mended).isSameAs(page);
            return;
        }
        assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo(total);
        assertThat(mended.fields().get(ReceiptField.TOTAL).confidence()).isCloseTo(0.6 * PageReading.PLACED_TRUST, within(1e-9));
        assertThat(mended.warnings()).containsExactly("金额合计（小写）未能识别，大写「伍什制佰起拾参元零壹分」与各项支付之和 5823.01 相符，按金额合计取用，请核对原件");
    }

    /**
     * The total's figures read as no amount and left so by the looks (set 2's doc-015 photographed: ¥623432 and ¥624632
     * for 6245.32, the point lost and a digit misread), every payment read: the words agree with the payments' sum, which
     * is taken in their place, as where no figures were read. Not when the words say another amount; and a total read as
     * an amount is left to the checks, whatever the words say.
     */
    @ParameterizedTest(name = "total read {0}, words {1}: total {2}")
    @CsvSource({"623432, 伍什制佰起拾参元零壹分, 5823.01", "623432, 伍什制佰起拾参元零贰分, 623432", "5823.10, 伍什制佰起拾参元零壹分, 5823.10"})
    void aTotalReadAsNoAmountIsThePaymentsSumWhenItsWordsAgree(String figures, String words, String total) {
        Map<ReceiptField, Value> read = values(ReceiptField.FUND_PAID, "4420.64", 2, ReceiptField.OTHER_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "757.13", 4, ReceiptField.CASH_PAID, "645.24", 5, ReceiptField.TOTAL, figures, 6);
        ReceiptReading page = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, read, EnumSet.of(ReceiptField.TOTAL),
                List.of(), false, List.of(), Map.of(), List.of(new ReceiptReading.Unlabelled(new Value(words, 0.5, row(7)),
                ReceiptReading.Sort.WORDS, row(7))));

        ReceiptReading mended = SecondReads.totalInItsWords(page);

        assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo(total);
        if (total.equals(figures)) {
            assertThat(mended).isSameAs(page);
        } else {
            assertThat(mended.warnings()).containsExactly("金额合计（小写）未能识别，大写「" + words + "」与各项支付之和 5823.01 相符，按金额合计取用，请核对原件");
        }
    }

    /**
     * The seal over the total's figures on a scan (set 1's TOTALSCAN, seed 2): the page read them 1282671 (the sign a 1,
     * the point lost), the words beside too damaged to agree. Every payment read, their sum 5823.01: figures with its
     * digits, a sign read as one more before them or the point as a 1, witness it; other digits, or too few, do not.
     */
    @ParameterizedTest(name = "figures {0}: total {1}")
    @CsvSource({"582301, 5823.01", "1582301, 5823.01", "15823101, 5823.01", "582391, ", "11582301, ", "5823, ", "0582301, 5823.01"})
    void aTotalWhoseFiguresWereReadAsNoAmountIsThePaymentsSumWhenItsDigitsAreTheSums(String figures, String total) {
        Map<ReceiptField, Value> read = values(ReceiptField.FUND_PAID, "4420.64", 2, ReceiptField.OTHER_PAID, "0.00", 3,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "757.13", 4, ReceiptField.CASH_PAID, "645.24", 5);
        ReceiptReading page = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, read, EnumSet.of(ReceiptField.TOTAL),
                List.of(), false, List.of(), Map.of(), List.of(new ReceiptReading.Unlabelled(new Value("伍什制佰起拾参元零贰分", 0.5, row(6)),
                ReceiptReading.Sort.WORDS, row(6)), new ReceiptReading.Unlabelled(new Value(figures, 0.5, row(6)), ReceiptReading.Sort.FIGURES, row(6))));

        ReceiptReading mended = SecondReads.totalInItsWords(page);

        if (total == null) {
            assertThat(mended).isSameAs(page);
            return;
        }
        assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo(total);
        assertThat(mended.warnings()).containsExactly("金额合计（小写）读作「" + figures + "」，不是金额，其数字与各项支付之和 5823.01 相符，按金额合计取用，请核对原件");
    }

    /**
     * An outpatient receipt with two dates no label was read before (set 2's doc-008, clean): 间其日期 before one keeps
     * 日期, which the issue's and the visit's labels keep as much of; 就诊门 before the other keeps 就诊 of 就诊日期, and as
     * much of 就诊科室 and 就诊人姓名, which no date stands after. The visit's date is given first, and then 日期 can only
     * be the issue's. Not when the looks at the second date read another: nothing then to give the issue's by.
     */
    @ParameterizedTest(name = "looks at the second date read {0}: issue date given {1}")
    @CsvSource({"2025-05-17, true", "2025-05-11, false"})
    void aRemnantTwoDatesCouldBeIsTheOneLeftOnceTheOtherWasGivenByItsOwn(String looked, boolean issue) {
        ScriptedLines lines = new ScriptedLines().label(5, "间其日期:").label(6, "就诊门")
                .answer(5, 2.0, "2025-05-18").answer(5, 1.5, "2025-05-18").answer(6, 2.0, looked).answer(6, 1.5, looked);
        Map<ReceiptField, Value> read = values(ReceiptField.INVOICE_NUMBER, "0044468893", 2);

        ReceiptReading mended = SecondReads.apply(unlabelled(read, read.keySet(), "2025-05-18", 5, "2025-05-17", 6), lines);

        assertThat(mended.fields().containsKey(ReceiptField.VISIT_DATE)).isEqualTo(issue);
        assertThat(mended.fields().containsKey(ReceiptField.ISSUE_DATE)).isEqualTo(issue);
        if (issue) {
            assertThat(mended.fields().get(ReceiptField.VISIT_DATE).text()).isEqualTo("2025-05-17");
            assertThat(mended.fields().get(ReceiptField.ISSUE_DATE).text()).isEqualTo("2025-05-18");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the date is the admission's | 2025-04-24 | | ",
            "the date is after the issue | 2025-05-21 | | ",
            "two dates are in the stay | 2025-05-17 | 2025-05-18 | ",
            "the look at its label reads another field's | 2025-05-17 | | 结算日期",
            "the looks read another date | 2025-05-16 | | "})
    void noDateIsTheDischargeUnlessTheStaySaysItIs(String what, String date, String other, String label) {
        ScriptedLines lines = new ScriptedLines().answer(5, 2.0, "2025-05-17").answer(5, 1.5, "2025-05-17")
                .answer(6, 2.0, "2025-05-18").answer(6, 1.5, "2025-05-18");
        if (label != null) lines.label(5, label);
        ReceiptReading reading = other == null ? stay(date, 5) : stay(date, 5, other, 6);

        assertThat(SecondReads.apply(reading, lines).fields()).doesNotContainKey(ReceiptField.DISCHARGE_DATE);
    }
    @Test
    void anAmountOfTheSumWhoseFirstDigitWasTheSignIsTheRestWhenTheSumThenHolds() {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "6012.10", ReceiptField.FUND_PAID, "84683.75", ReceiptField.OTHER_PAID, "0.00",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "328.35", ReceiptField.CASH_PAID, "1000.00");

        ReceiptReading mended = SecondReads.signReadAsDigit(unlabelled(read, read.keySet()));

        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("4683.75");
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).area()).isEqualTo(row(2));
        assertThat(mended.warnings()).containsExactly(
                "医保统筹基金支付读作 84683.75，去掉可能由 ¥ 误读的首位数字后为 4683.75，与金额合计和其余各项支付相符，按此取用，请核对原件");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the rest does not make the sum hold | 84683.76",
            "the rest begins with a zero | 804683.75",
            "the sum cannot be checked, the other payment missing | "})
    void keepsAnAmountOfTheSumAsReadUnlessItsRestAloneMakesTheSumHold(String what, String other) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "6012.10", ReceiptField.FUND_PAID, other == null ? "84683.75" : other,
                ReceiptField.PERSONAL_ACCOUNT_PAID, "328.35", ReceiptField.CASH_PAID, "1000.00");
        if (other != null) read.put(ReceiptField.OTHER_PAID, new Value("0.00", 0.9, row(5)));
        ReceiptReading reading = unlabelled(read, EnumSet.allOf(ReceiptField.class));

        assertThat(SecondReads.signReadAsDigit(reading)).isSameAs(reading);
    }

    @Test
    void keepsTheAmountsAsReadWhenTwoOfThemWithoutTheirFirstDigitEachMakeTheSumHold() {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "9300.00", ReceiptField.FUND_PAID, "9100.00", ReceiptField.OTHER_PAID, "0.00",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "100.00", ReceiptField.CASH_PAID, "9100.00");
        ReceiptReading reading = unlabelled(read, read.keySet());

        assertThat(SecondReads.signReadAsDigit(reading)).isSameAs(reading);
    }

    /**
     * A blurred template: 18355.84 read right, its 统筹基金支付 13169.03 read 3169.03 (its first digit lost), so the total
     * without its first digit makes the sum hold. The fee lines, every one read, add up to the total as read: they say its
     * digits are right, and it is kept (taken so, 8355.84 was WRONG). Where they add up to something else, or a line was
     * not read, the sum alone decides as before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the lines add up to the total as read | 7210.54 | true | 18355.84",
            "the lines add up to the total without its first digit | 7210.54 | true | 8355.84",
            "the lines add up to another amount | 7210.55 | true | 8355.84",
            "a line was not read | 7210.54 | false | 8355.84"})
    void aTotalTheFeeLinesAddUpToAsReadKeepsItsFirstDigit(String what, String drugs, boolean allLinesRead, String expected) {
        Map<ReceiptField, Value> read = sum(ReceiptField.TOTAL, "18355.84", ReceiptField.FUND_PAID, "3169.03", ReceiptField.OTHER_PAID, "514.92",
                ReceiptField.PERSONAL_ACCOUNT_PAID, "0.00", ReceiptField.CASH_PAID, "4671.89");
        List<FeeLine> lines = what.contains("without") ? List.of(new FeeLine("西药费", "8355.84"))
                : List.of(new FeeLine("检查费", "21.25"), new FeeLine("卫生材料费", "2311.66"), new FeeLine("西药费", drugs),
                        new FeeLine("中成药费", "7733.45"), new FeeLine("其他费", "1078.94"));
        ReceiptReading reading = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, read, read.keySet(), lines, allLinesRead, List.of());

        ReceiptReading mended = SecondReads.signReadAsDigit(reading);

        assertThat(mended.fields().get(ReceiptField.TOTAL).text()).isEqualTo(expected);
        assertThat(mended.fields().get(ReceiptField.FUND_PAID).text()).isEqualTo("3169.03");
    }
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {"交款人(患者):徐雪涛 → 徐雪涛", "交款人:张三开票日期:2025-05-02 → 张三", "患者姓名李四性别男 → 李四",
            "交款人:欧阳娜娜 → 欧阳娜娜", "交款人:买买提.艾力 → 买买提·艾力", "交款人: → ", "徐雪涛 → ", "交款人:张 → ", "交款人:张三丰收之年 → "})
    void aPayersNameReadWithItsLabelIsWhatFollowsTheLabel(String line, String name) {
        assertThat(SecondReads.afterPayersLabel(line)).isEqualTo(name);
    }

    @Test
    void aPayerNoLookAtItsSlotReadIsReadWithItsLabel() {
        ScriptedLines lines = new ScriptedLines().answer(1, 2.0, "3二").answer(1, 1.5, "3二")
                .withLabels(1, 2.0, "交款人（患者）：徐雪涛").withLabels(1, 1.5, "交款人(患者):徐雪涛");
        ReceiptReading reading = reading(values(), Map.of(ReceiptField.PAYER_NAME, row(1)));

        ReceiptReading read = SecondReads.apply(reading, lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("徐雪涛");
        assertThat(read.fields().get(ReceiptField.PAYER_NAME).confidence()).isCloseTo(0.8 * SecondReads.OUTVOTED_TRUST, within(1e-9));
    }

    /**
     * A payer read with its label, the next label a little past the name (交款人：吴杰 … 开具日期): a look that reached the
     * next label read its first character as the name's last, 吴杰开, twice. The look ends a line height before the slot's
     * end, where the next label begins.
     */
    @Test
    void aPayerReadWithItsLabelIsNotRunOnIntoTheNextLabel() {
        Area slot = row(1);
        double nextLabel = slot.x() + slot.width();
        LineReader lines = new LineReader() {
            @Override
            public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
                return null;
            }

            @Override
            public TextBox readLineWithLabels(double x, double y, double width, double height, double scale, String alphabet) {
                String text = x + width > nextLabel - slot.height() ? "交款人：吴杰开" : "交款人：吴杰";
                return new TextBox(text, x, y, width, height, 0.9);
            }
        };

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, slot)), lines);

        assertThat(read.fields().get(ReceiptField.PAYER_NAME).text()).isEqualTo("吴杰");
    }

    @Test
    void aPayerReadWithItsLabelIsLeftOutWhenTheTwoLooksDisagree() {
        ScriptedLines lines = new ScriptedLines().withLabels(1, 2.0, "交款人：徐雪涛").withLabels(1, 1.5, "交款人：徐雪清");

        ReceiptReading read = SecondReads.apply(reading(values(), Map.of(ReceiptField.PAYER_NAME, row(1))), lines);

        assertThat(read.fields()).doesNotContainKey(ReceiptField.PAYER_NAME);
    }
}
