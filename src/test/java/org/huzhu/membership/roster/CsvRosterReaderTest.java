package org.huzhu.membership.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.membership.roster.RosterTestFiles.concat;
import static org.huzhu.membership.roster.RosterTestFiles.csv;
import static org.huzhu.membership.roster.RosterTestFiles.readAll;
import static org.huzhu.membership.roster.RosterTestFiles.write;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvRosterReaderTest {

    private static final String HEADER = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期";
    private static final String ROW = "张三,420106199001011234,13800000000,REGULAR,HOSPITAL+FEMALE_SPECIAL:UPG,2,2026-01-09";
    private static final RosterRow EXPECTED = new RosterRow(2, "张三", "420106199001011234", "13800000000",
            "REGULAR", "HOSPITAL+FEMALE_SPECIAL:UPG", "2", "2026-01-09");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("UTF-8", UTF_8, false),
                Arguments.of("UTF-8 with BOM", UTF_8, true),
                Arguments.of("GBK", Charset.forName("GBK"), false),
                Arguments.of("GB18030", Charset.forName("GB18030"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void decodesChineseInEachEncoding(String label, Charset charset, boolean bom) {
        String text = HEADER + "\r\n" + ROW + "\r\n" + "欧阳娜娜,11010519491231002X,13900000000,NEW_FORM,BASIC,1,2026/1/9\r\n";
        byte[] bytes = text.getBytes(charset);
        if (bom) {
            bytes = concat(BOM, bytes);
        }
        List<RosterRow> rows = readAll(write(bytes, ".csv"));
        assertThat(rows).containsExactly(EXPECTED,
                new RosterRow(3, "欧阳娜娜", "11010519491231002X", "13900000000", "NEW_FORM", "BASIC", "1", "2026/1/9"));
    }

    @Test
    void bomDecidesUtf8EvenWhenTheSampleHasAStrayInvalidByte() {
        byte[] bytes = concat(BOM, (HEADER + ",备注\n" + ROW + ",").getBytes(UTF_8), new byte[]{(byte) 0xFF},
                "\n".getBytes(UTF_8));
        assertThat(RosterFormats.isValidUtf8(bytes, false)).isFalse();
        List<RosterRow> rows = readAll(write(bytes, ".csv"));
        assertThat(rows).containsExactly(EXPECTED);
    }

    @Test
    void gbkBytesAreReallyNotUtf8() {
        byte[] gbk = "姓名".getBytes(Charset.forName("GBK"));
        assertThat(gbk).containsExactly(0xD0, 0xD5, 0xC3, 0xFB);
        assertThat(RosterFormats.detectCsvCharset(gbk, false)).isEqualTo(RosterFormats.GB18030);
        assertThat(RosterFormats.detectCsvCharset("姓名".getBytes(UTF_8), false)).isEqualTo(UTF_8);
    }

    @Test
    void utf8CharacterCutAtTheEndOfTheSampleIsStillUtf8() {
        String row = "张三丰,420106199001011234,13800000000,REGULAR,BASIC,1,2026-01-09,";
        StringBuilder sb = new StringBuilder(HEADER).append(",备注\n");
        int rows = 0;
        while (sb.toString().getBytes(UTF_8).length < RosterFormats.SAMPLE_SIZE - 1000) {
            sb.append(row).append('\n');
            rows++;
        }
        // pad the remark of one more row so that the first byte of "尾" is the last byte of the sample
        int before = sb.toString().getBytes(UTF_8).length + row.getBytes(UTF_8).length;
        sb.append(row).append("x".repeat(RosterFormats.SAMPLE_SIZE - 1 - before)).append("尾\n");
        rows++;
        sb.append(row).append('\n');
        rows++;
        byte[] bytes = sb.toString().getBytes(UTF_8);
        assertThat(bytes[RosterFormats.SAMPLE_SIZE - 1] & 0xFF).as("lead byte of 尾").isEqualTo(0xE5);
        byte[] sample = Arrays.copyOf(bytes, RosterFormats.SAMPLE_SIZE);
        assertThat(RosterFormats.isValidUtf8(sample, true)).isTrue();
        assertThat(RosterFormats.isValidUtf8(sample, false)).isFalse();
        assertThat(RosterFormats.detectCsvCharset(sample, true)).isEqualTo(UTF_8);

        List<RosterRow> read = readAll(write(bytes, ".csv"));
        assertThat(read).hasSize(rows);
        assertThat(read).allSatisfy(r -> assertThat(r.name()).isEqualTo("张三丰"));
    }

    @Test
    void utf8ValidatorRejectsMalformedSequences() {
        assertThat(RosterFormats.isValidUtf8(new byte[]{(byte) 0xC0, (byte) 0x80}, false)).as("overlong").isFalse();
        assertThat(RosterFormats.isValidUtf8(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, false)).as("surrogate").isFalse();
        assertThat(RosterFormats.isValidUtf8(new byte[]{(byte) 0xE5, (byte) 0xBC}, false)).as("cut at real end").isFalse();
        assertThat(RosterFormats.isValidUtf8(new byte[]{(byte) 0xE5, (byte) 0xBC}, true)).as("cut at sample end").isTrue();
        assertThat(RosterFormats.isValidUtf8(new byte[]{(byte) 0xE5, 'a', (byte) 0x80}, true)).isFalse();
    }

    @Test
    void englishHeadersCaseInsensitiveAndTrimmed() {
        Path file = csv(" NAME ,idnumber,Phone,EMPLOYMENTFORM,plan, Shares ,paidOn\n" + ROW + "\n", UTF_8);
        assertThat(readAll(file)).containsExactly(EXPECTED);
    }

    @Test
    void reorderedColumnsAndAnExtraColumn() {
        Path file = csv("备注,缴费日期,份数,保障方案,就业形态,手机号码,身份证号码,姓名\n"
                + "新入职,2026-01-09,2,HOSPITAL+FEMALE_SPECIAL:UPG,REGULAR,13800000000,420106199001011234,张三\n", UTF_8);
        assertThat(readAll(file)).containsExactly(EXPECTED);
    }

    @Test
    void quotedFieldsWithCommaNewlineAndEscapedQuotesKeepRowNumbers() {
        Path file = csv(HEADER + "\n"
                + "\"张,三\",420106199001011234,13800000000,REGULAR,\"HOSPITAL\nCRITICAL_ILLNESS\",1,2026-01-09\n"
                + "\"李\"\"四\"\"\",\"11010519491231002X\",13900000000,NEW_FORM,BASIC,\"1\",2026-01-10\r\n"
                + "王五,11010519491231003X,13700000000,REGULAR,BASIC,3,2026-01-11", UTF_8);
        List<RosterRow> rows = readAll(file);
        assertThat(rows).extracting(RosterRow::rowNumber).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(0).name()).isEqualTo("张,三");
        assertThat(rows.get(0).plan()).isEqualTo("HOSPITAL\nCRITICAL_ILLNESS");
        assertThat(rows.get(1).name()).isEqualTo("李\"四\"");
        assertThat(rows.get(1).shares()).isEqualTo("1");
        assertThat(rows.get(2).name()).isEqualTo("王五");
        assertThat(rows.get(2).paidOn()).as("last record without final line break").isEqualTo("2026-01-11");
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of("=\"420106199001011234\"", "420106199001011234"),
                Arguments.of("\"=\"\"420106199001011234\"\"\"", "420106199001011234"),
                Arguments.of("'420106199001011234", "420106199001011234"),
                Arguments.of("\u3000420106199001011234\u3000", "420106199001011234"),
                Arguments.of(" \t= \"420106199001011234\" ", "= \"420106199001011234\""),
                Arguments.of("=\" 420106199001011234 \"", "420106199001011234"),
                Arguments.of("\"  '420106199001011234 \"", "420106199001011234"),
                Arguments.of("=\"\"", null),
                Arguments.of("'", null),
                Arguments.of("\u3000 ", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("wrappers")
    void stripsExcelTextWrappersAndSpaces(String cell, String expected) {
        Path file = csv(HEADER + "\n张三," + cell + ",13800000000,REGULAR,BASIC,1,2026-01-09\n", UTF_8);
        List<RosterRow> rows = readAll(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).idNumber()).isEqualTo(expected);
    }

    @Test
    void fullWidthSpacesAroundNamesAreTrimmed() {
        Path file = csv(HEADER + "\n\u3000张三\u3000 ," + ROW.substring(3) + "\n", UTF_8);
        assertThat(readAll(file)).containsExactly(EXPECTED);
    }

    @Test
    void blankLinesAreSkippedButCounted() {
        Path file = csv("\r\n" + HEADER + "\r\n\r\n,,,,,,\r\n" + ROW + "\r\n \u3000 ,\"\" , \r\n\n" + ROW + "\n\n\n", UTF_8);
        List<RosterRow> rows = readAll(file);
        assertThat(rows).extracting(RosterRow::rowNumber).containsExactly(5L, 8L);
        assertThat(rows.get(0)).isEqualTo(new RosterRow(5, EXPECTED.name(), EXPECTED.idNumber(), EXPECTED.phone(),
                EXPECTED.employmentForm(), EXPECTED.plan(), EXPECTED.shares(), EXPECTED.paidOn()));
    }

    @Test
    void aRowWithOnlyAnUnknownColumnFilledIsStillARow() {
        Path file = csv("备注," + HEADER + "\n只有备注,,,,,,,\n\"\",,,,,,,\n", UTF_8);
        List<RosterRow> rows = readAll(file);
        assertThat(rows).containsExactly(new RosterRow(2, null, null, null, null, null, null, null));
    }

    @Test
    void oldMacLineEndings() {
        Path file = csv(HEADER + "\r" + ROW + "\r" + ROW, UTF_8);
        assertThat(readAll(file)).extracting(RosterRow::rowNumber).containsExactly(2L, 3L);
    }

    @Test
    void shortRecordsGiveNullsAndSurplusCellsAreIgnored() {
        Path file = csv(HEADER + "\n张三,420106199001011234\n" + ROW + ",多余,更多\n", UTF_8);
        assertThat(readAll(file)).containsExactly(
                new RosterRow(2, "张三", "420106199001011234", null, null, null, null, null),
                new RosterRow(3, EXPECTED.name(), EXPECTED.idNumber(), EXPECTED.phone(), EXPECTED.employmentForm(),
                        EXPECTED.plan(), EXPECTED.shares(), EXPECTED.paidOn()));
    }

    @Test
    void headerOnlyFileHasNoRows() {
        assertThat(readAll(csv(HEADER, UTF_8))).isEmpty();
        assertThat(readAll(csv(HEADER + "\r\n\r\n", UTF_8))).isEmpty();
    }

    @Test
    void missingColumnsAreNamedInChinese() {
        Path file = csv("姓名,手机号码,就业形态,保障方案,缴费日期\n张三,13800000000,REGULAR,BASIC,2026-01-09\n", UTF_8);
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("缺少必需的列：身份证号码、份数");
    }

    @Test
    void missingColumnsNamedInChineseEvenForEnglishHeaders() {
        Path file = csv("name,idNumber,phone,employmentForm,plan\n", UTF_8);
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("缺少必需的列：份数、缴费日期");
    }

    @Test
    void aFileWithoutHeaderAsksForTheHeaderRow() {
        Path file = csv(ROW + "\n", UTF_8);
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessageStartingWith("缺少必需的列：姓名、身份证号码、手机号码、就业形态、保障方案、份数、缴费日期")
                .hasMessageContaining("表头");
    }

    @Test
    void duplicatedColumnIsAnError() {
        Path file = csv(HEADER + ",姓名\n", UTF_8);
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("表头中有重复的列：姓名");
    }

    static Stream<Arguments> unreadable() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] withNul = concat((HEADER + "\n").getBytes(UTF_8), new byte[]{'a', 0, 'b', '\n'});
        return Stream.of(
                Arguments.of("empty", new byte[0], "文件为空"),
                Arguments.of("only blank lines", "\r\n \r\n\u3000\n,,,\n".getBytes(UTF_8), "文件中没有内容：未找到表头行"),
                Arguments.of("PNG", png, RosterFormats.UNRECOGNISED),
                Arguments.of("PDF", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(UTF_8), RosterFormats.UNRECOGNISED),
                Arguments.of("random bytes", garbage, RosterFormats.UNRECOGNISED),
                Arguments.of("NUL bytes", withNul, RosterFormats.UNRECOGNISED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableFilesAreRejectedInChinese(String label, byte[] content, String message) {
        Path file = write(content, ".csv");
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage(message);
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> RosterReader.open(Path.of("target/no-such-roster.csv")))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("文件不存在");
    }

    @Test
    void unclosedQuoteIsReportedInsteadOfSwallowingTheFile() {
        StringBuilder sb = new StringBuilder(HEADER).append("\n\"张三,420106199001011234\n");
        while (sb.length() < CsvRosterReader.MAX_CELL_LENGTH + 10) {
            sb.append(ROW).append('\n');
        }
        try (RosterReader reader = RosterReader.open(csv(sb.toString(), UTF_8))) {
            assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(RosterFileException.class)
                    .hasMessageContaining("第 2 行")
                    .hasMessageContaining("引号");
        }
    }

    @Test
    void iteratorContract() {
        RosterReader reader = RosterReader.open(csv(HEADER + "\n" + ROW + "\n", UTF_8));
        assertThat(reader.hasNext()).isTrue();
        assertThat(reader.hasNext()).isTrue();
        assertThat(reader.next()).isEqualTo(EXPECTED);
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        reader.close();
        reader.close();
        assertThat(reader.hasNext()).isFalse();
    }

    /** Many rows with awkward cells, so that records and quoted cells straddle the 64 K buffer refills. */
    @Test
    void largeFileRoundTripsAcrossBufferBoundaries() {
        Random random = new Random(7);
        String[] names = {"张三", "欧阳,娜娜", "李\"四\"", "多\n行", "王五", "  赵六  ", "\u3000钱七"};
        StringBuilder sb = new StringBuilder("姓名,备注,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n");
        List<RosterRow> expected = new ArrayList<>();
        long row = 1;
        for (int i = 0; i < 20_000; i++) {
            row++;
            if (random.nextInt(50) == 0) {
                sb.append(",,,,\r\n");
                continue;
            }
            String name = names[random.nextInt(names.length)];
            String id = String.format("%018d", random.nextLong(1_000_000_000_000_000_000L));
            String remark = "x".repeat(random.nextInt(300));
            String shares = Integer.toString(1 + random.nextInt(5));
            sb.append(quote(name)).append(',').append(remark).append(',');
            sb.append(random.nextBoolean() ? "=\"" + id + "\"" : id).append(",13800000000,REGULAR,\"HOSPITAL+ACCIDENT\",");
            sb.append(shares).append(",2026-01-09").append(random.nextBoolean() ? "\r\n" : "\n");
            expected.add(new RosterRow(row, CellText.clean(name), id, "13800000000", "REGULAR", "HOSPITAL+ACCIDENT",
                    shares, "2026-01-09"));
        }
        assertThat(sb.length()).isGreaterThan(10 * 64 * 1024);
        assertThat(readAll(write(concat(BOM, sb.toString().getBytes(UTF_8)), ".csv"))).containsExactlyElementsOf(expected);
        assertThat(readAll(csv(sb.toString(), Charset.forName("GBK")))).containsExactlyElementsOf(expected);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
