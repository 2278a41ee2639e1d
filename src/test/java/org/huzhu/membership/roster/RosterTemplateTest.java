package org.huzhu.membership.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class RosterTemplateTest {

    private static Path template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterTemplate.writeXlsx(out);
        return RosterTestFiles.write(out.toByteArray(), ".xlsx");
    }

    @Test
    void roundTripReadsAsAnEmptyRoster() throws IOException {
        Path file = template();
        try (RosterReader reader = RosterReader.open(file)) {
            assertThat(reader).isInstanceOf(XlsxRosterReader.class);
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void layout() throws IOException {
        Path file = template();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("花名册", "填写说明");

            List<Row> data = sheets.get(0).read();
            assertThat(data.get(0).stream().map(c -> c.getRawValue()).toList()).isEqualTo(RosterTemplate.HEADERS);
            assertThat(data.subList(1, data.size()))
                    .as("below the header only empty, pre-formatted cells")
                    .allSatisfy(r -> assertThat(r.stream()).allSatisfy(c -> assertThat(c == null || c.getRawValue() == null
                            || c.getRawValue().isEmpty()).isTrue()));

            String help = sheets.get(1).read().stream()
                    .flatMap(Row::stream)
                    .filter(c -> c != null && c.getRawValue() != null)
                    .map(c -> c.getRawValue())
                    .collect(Collectors.joining("\n"));
            assertThat(help).contains(RosterTemplate.HEADERS)
                    .contains("REGULAR", "NEW_FORM", "BASIC", "HOSPITAL+FEMALE_SPECIAL:UPG",
                            "HOSPITAL", "CRITICAL_ILLNESS", "FEMALE_SPECIAL", "ACCIDENT", "SHORT_ACCIDENT",
                            "yyyy-MM-dd", "每一个项目");
        }
    }

    @Test
    void headerIsBoldAndIdPhoneDateColumnsAreText() throws IOException {
        Path file = template();
        String styles;
        String sheet;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), UTF_8);
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), UTF_8);
        }
        assertThat(sheet).contains("<col ").contains("width=");
        String textFormatId = attribute(styles, "formatCode=\"@\"", "numFmtId", true);
        List<String> xfs = cellXfs(styles);
        // header cells: a bold font
        int headerXf = Integer.parseInt(attribute(sheet, "r=\"A1\"", "s", false));
        String boldFontId = Integer.toString(fonts(styles).indexOf(fonts(styles).stream()
                .filter(f -> f.contains("<b/>")).findFirst().orElseThrow()));
        assertThat(xfs.get(headerXf)).contains("fontId=\"" + boldFontId + "\"");
        // ID (B), phone (C) and date (G) cells under the header and the columns themselves: text format "@"
        for (String cell : List.of("B2", "C2", "G2", "B2001")) {
            int xf = Integer.parseInt(attribute(sheet, "r=\"" + cell + "\"", "s", false));
            assertThat(xfs.get(xf)).as(cell).contains("numFmtId=\"" + textFormatId + "\"");
        }
        assertThat(sheet).doesNotContain("r=\"A2\"");
        for (int col : new int[]{2, 3, 7}) {
            int xf = Integer.parseInt(attribute(sheet, "min=\"" + col + "\" max=\"" + col + "\"", "style", false));
            assertThat(xfs.get(xf)).as("column " + col).contains("numFmtId=\"" + textFormatId + "\"");
        }
    }

    /** The value of {@code name} in the element that contains {@code marker}. */
    private static String attribute(String xml, String marker, String name, boolean before) {
        int at = xml.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int open = xml.lastIndexOf('<', at);
        int close = xml.indexOf('>', at);
        String element = xml.substring(open, close);
        int a = element.indexOf(" " + name + "=\"");
        assertThat(a).as(name + " in " + element).isNotNegative();
        int from = a + name.length() + 3;
        return element.substring(from, element.indexOf('"', from));
    }

    private static List<String> cellXfs(String styles) {
        String section = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
        return List.of(section.substring(section.indexOf("<xf")).split("(?=<xf)"));
    }

    private static List<String> fonts(String styles) {
        String section = styles.substring(styles.indexOf("<fonts"), styles.indexOf("</fonts>"));
        return List.of(section.substring(section.indexOf("<font>")).split("(?=<font>)"));
    }

    @Test
    void doesNotCloseTheCallersStream() throws IOException {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RosterTemplate.writeXlsx(out);
        assertThat(closed[0]).isFalse();
    }
}
