package org.huzhu.membership.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.membership.roster.RosterTestFiles.readAll;
import static org.huzhu.membership.roster.RosterTestFiles.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class XlsxRosterReaderTest {

    private static final String[] HEADER = RosterTemplate.HEADERS.toArray(new String[0]);

    static Path xlsx(Consumer<Worksheet> first) {
        return xlsx(first, null);
    }

    static Path xlsx(Consumer<Worksheet> first, Consumer<Worksheet> second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            first.accept(wb.newWorksheet("Sheet1"));
            if (second != null) {
                second.accept(wb.newWorksheet("Sheet2"));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(out.toByteArray(), ".xlsx");
    }

    static void row(Worksheet ws, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof String s) {
                ws.value(r, c, s);
            } else if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v instanceof LocalDate d) {
                ws.value(r, c, d);
            }
        }
    }

    @Test
    void sharedAndInlineStringCells() {
        Path file = xlsx(ws -> {
            row(ws, 0, (Object[]) HEADER);
            row(ws, 1, "张三", "420106199001011234", "13800000000", "REGULAR", "HOSPITAL+FEMALE_SPECIAL:UPG", "2", "2026-01-09");
            ws.inlineString(2, 0, " 李四\u3000");
            ws.inlineString(2, 1, "'11010519491231002X");
            ws.inlineString(2, 2, "=\"13900000000\"");
            ws.inlineString(2, 3, "NEW_FORM");
            ws.inlineString(2, 4, "BASIC");
            ws.inlineString(2, 5, "1");
            ws.inlineString(2, 6, "2026年1月9日");
        }, ws -> row(ws, 0, "这是第二个工作表", "不应被读取"));
        assertThat(readAll(file)).containsExactly(
                new RosterRow(2, "张三", "420106199001011234", "13800000000", "REGULAR", "HOSPITAL+FEMALE_SPECIAL:UPG", "2", "2026-01-09"),
                new RosterRow(3, "李四", "11010519491231002X", "13900000000", "NEW_FORM", "BASIC", "1", "2026年1月9日"));
    }

    @Test
    void numericCellsComeOutAsTypedAndDateCellsAsIsoDates() {
        Path file = xlsx(ws -> {
            row(ws, 0, (Object[]) HEADER);
            // ID typed as a number: Excel keeps 15 significant digits and writes it with an exponent
            row(ws, 1, "张三", 4.20106199001011E17, 13800000000L, "REGULAR", "BASIC", 2.0, LocalDate.of(2026, 1, 9));
            ws.style(1, 6).format("yyyy-mm-dd").set();
            // a date cell in Chinese format, and shares as an integer
            row(ws, 2, "李四", new BigDecimal("110105194912310020"), 13900000000.0, "NEW_FORM", "BASIC", 3, LocalDate.of(2028, 2, 29));
            ws.style(2, 6).format("yyyy年m月d日").set(); // (fastexcel's writer does not escape quotes in formats)
            // a plain number in 缴费日期: an Excel date serial without a date format
            row(ws, 3, "王五", "420106199001011234", "13700000000", "REGULAR", "BASIC", 1, excelSerial(LocalDate.of(2026, 3, 1)));
            // a number in 缴费日期 that is not a plausible serial stays as typed
            row(ws, 4, "赵六", "420106199001011234", "13700000000", "REGULAR", "BASIC", 1.5, 20260109);
            // a date-formatted number in another column is a date too
            row(ws, 5, "钱七", "420106199001011234", "13700000000", "REGULAR", "BASIC", 1, "2026/1/9");
            ws.value(5, 2, LocalDate.of(2026, 1, 9));
            ws.style(5, 2).format("m/d/yy").set();
        });
        assertThat(readAll(file)).containsExactly(
                new RosterRow(2, "张三", "420106199001011000", "13800000000", "REGULAR", "BASIC", "2", "2026-01-09"),
                new RosterRow(3, "李四", "110105194912310020", "13900000000", "NEW_FORM", "BASIC", "3", "2028-02-29"),
                new RosterRow(4, "王五", "420106199001011234", "13700000000", "REGULAR", "BASIC", "1", "2026-03-01"),
                new RosterRow(5, "赵六", "420106199001011234", "13700000000", "REGULAR", "BASIC", "1.5", "20260109"),
                new RosterRow(6, "钱七", "420106199001011234", "2026-01-09", "REGULAR", "BASIC", "1", "2026/1/9"));
    }

    private static long excelSerial(LocalDate date) {
        return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date);
    }

    @Test
    void headerIsTheFirstNonEmptyRowAndRowNumbersAreTheSpreadsheetOnes() {
        Path file = xlsx(ws -> {
            ws.style(0, 0).bold().set(); // a styled but empty cell: still an empty row
            String[] reordered = {"备注", "缴费日期", "份数", "保障方案", "就业形态", "手机号码", "身份证号码", "姓名"};
            row(ws, 2, (Object[]) reordered);
            row(ws, 3, "", "2026-01-09", "1", "BASIC", "REGULAR", "13800000000", "420106199001011234", "张三");
            ws.style(4, 3).bold().set();
            row(ws, 5, "   ");
            row(ws, 6, "仅有备注");
            row(ws, 9, "", "2026-01-10", "2", "BASIC", "NEW_FORM", "13900000000", "11010519491231002X", "李四");
        });
        assertThat(readAll(file)).containsExactly(
                new RosterRow(4, "张三", "420106199001011234", "13800000000", "REGULAR", "BASIC", "1", "2026-01-09"),
                new RosterRow(7, null, null, null, null, null, null, null),
                new RosterRow(10, "李四", "11010519491231002X", "13900000000", "NEW_FORM", "BASIC", "2", "2026-01-10"));
    }

    @Test
    void englishHeaders() {
        Path file = xlsx(ws -> {
            row(ws, 0, "Name", "IDNUMBER", " phone ", "employmentForm", "PLAN", "shares", "paidOn");
            row(ws, 1, "张三", "420106199001011234", "13800000000", "REGULAR", "BASIC", "1", "2026-01-09");
        });
        assertThat(readAll(file)).extracting(RosterRow::name).containsExactly("张三");
    }

    @Test
    void headerOnlyWorkbookHasNoRows() {
        assertThat(readAll(xlsx(ws -> row(ws, 0, (Object[]) HEADER)))).isEmpty();
    }

    @Test
    void missingColumnsAreNamedInChinese() {
        Path file = xlsx(ws -> row(ws, 0, "姓名", "身份证号码", "手机号码", "就业形态", "缴费日期"));
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("缺少必需的列：保障方案、份数");
    }

    @Test
    void emptySheetHasNoHeader() {
        Path file = xlsx(ws -> ws.style(3, 3).bold().set());
        assertThatThrownBy(() -> RosterReader.open(file))
                .isInstanceOf(RosterFileException.class)
                .hasMessage("文件中没有内容：未找到表头行");
    }

    static Stream<Arguments> brokenFiles() throws IOException {
        byte[] good = Files.readAllBytes(xlsx(ws -> {
            row(ws, 0, (Object[]) HEADER);
            for (int r = 1; r < 2000; r++) {
                row(ws, r, "张三" + r, "420106199001011234", "13800000000", "REGULAR", "BASIC", "1", "2026-01-09");
            }
        }));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] corruptedMiddle = good.clone();
        for (int i = good.length / 3; i < good.length / 3 + 200; i++) {
            corruptedMiddle[i] = (byte) 0x55;
        }
        byte[] pkGarbage = new byte[1000];
        new java.util.Random(1).nextBytes(pkGarbage);
        pkGarbage[0] = 'P';
        pkGarbage[1] = 'K';
        pkGarbage[2] = 3;
        pkGarbage[3] = 4;
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        return Stream.of(
                Arguments.of("truncated xlsx", truncated, XlsxRosterReader.CORRUPT),
                Arguments.of("garbage after the zip magic", pkGarbage, XlsxRosterReader.CORRUPT),
                Arguments.of("zip that is not a workbook", zip("readme.txt", "hello".getBytes(UTF_8)),
                        RosterFormats.UNRECOGNISED + "（该压缩文件不是 Excel 工作簿）"),
                Arguments.of("zip with a broken workbook", zip("xl/workbook.xml", "<workbook><sheets>".getBytes(UTF_8)),
                        XlsxRosterReader.CORRUPT),
                Arguments.of("encrypted xlsx / legacy xls (OLE2)", ole2,
                        "无法读取加密或旧版（.xls）的 Excel 文件：请取消密码保护，另存为 .xlsx 或 CSV 后再上传"),
                Arguments.of("damaged sheet data", corruptedMiddle, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenWorkbooksAreRejectedInChinese(String label, byte[] content, String message) {
        Path file = write(content, ".xlsx");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(RosterFileException.class)
                .satisfies(e -> {
                    if (message != null) {
                        assertThat(e).hasMessage(message);
                    } else {
                        assertThat(e.getMessage()).contains("Excel 文件").contains("损坏");
                    }
                });
    }

    private static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A bare-bones workbook as small generators write it: no styles, no shared strings, no cell references. */
    @Test
    void minimalHandWrittenWorkbook() {
        String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns + "\"><sheetData>"
                + "<row>" + Stream.of(HEADER).map(h -> "<c t=\"inlineStr\"><is><t>" + h + "</t></is></c>")
                .reduce("", String::concat) + "</row>"
                + "<row><c t=\"inlineStr\"><is><t>张三</t></is></c><c><v>4.20106199001011E+17</v></c>"
                + "<c t=\"str\"><f>A1</f><v>13800000000</v></c><c t=\"inlineStr\"><is><t>REGULAR</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>BASIC</t></is></c><c><v>1</v></c><c><v>46031</v></c></row>"
                + "</sheetData></worksheet>";
        byte[] bytes = zip(
                "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "</Types>",
                "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"花名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "</Relationships>",
                "xl/worksheets/sheet1.xml", sheet);
        assertThat(readAll(write(bytes, ".xlsx"))).containsExactly(
                new RosterRow(2, "张三", "420106199001011000", "13800000000", "REGULAR", "BASIC", "1", "2026-01-09"));
    }

    private static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
            "2, 2",
            "2.0, 2",
            "2.50, 2.5",
            "13800000000, 13800000000",
            "1.38E10, 13800000000",
            "4.20106199001011E17, 420106199001011000",
            "0, 0",
            "0.000, 0",
            "-3.0, -3",
    })
    void plainNumbers(String stored, String expected) {
        assertThat(XlsxRosterReader.plainNumber(new BigDecimal(stored))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "46031, false, 2026-01-09",
            "46031.75, false, 2026-01-09",
            "1, false, 1900-01-01",
            "59, false, 1900-02-28",
            "61, false, 1900-03-01",
            "60, false, ",
            "0, true, 1904-01-01",
            "44569, true, 2026-01-09",
            "-1, false, ",
    })
    void excelDateSerials(double serial, boolean date1904, String expected) {
        assertThat(XlsxRosterReader.excelDate(serial, date1904)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyy-mm-dd | true",
            "yyyy\"年\"m\"月\"d\"日\" | true",
            "m/d/yy | true",
            "[$-804]yyyy年m月d日;@ | true",
            "mmm-yy | true",
            "General | false",
            "0.00E+00 | false",
            "0 | false",
            "@ | false",
            "h:mm:ss | false",
            "mm:ss | false",
            "[h]:mm | false",
            "\"days\"0 | false",
            "#,##0.00_);[Red](#,##0.00) | false",
    })
    void dateFormatCodes(String format, boolean date) {
        assertThat(XlsxRosterReader.isDateFormat(format)).isEqualTo(date);
    }

    @Test
    void rowsAreStreamedLazily() {
        Path file = xlsx(ws -> {
            row(ws, 0, (Object[]) HEADER);
            for (int r = 1; r <= 5000; r++) {
                row(ws, r, "张三" + r, "420106199001011234", "13800000000", "REGULAR", "BASIC", r, "2026-01-09");
            }
        });
        try (RosterReader reader = RosterReader.open(file)) {
            List<RosterRow> firstTwo = List.of(reader.next(), reader.next());
            assertThat(firstTwo).extracting(RosterRow::shares).containsExactly("1", "2");
        }
        assertThat(readAll(file)).hasSize(5000).last().extracting(RosterRow::rowNumber).isEqualTo(5001L);
    }
}
