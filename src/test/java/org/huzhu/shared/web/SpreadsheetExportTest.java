package org.huzhu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The hand-written workbook is one a real reader (fastexcel-reader) opens: the header, every row, text as given —
 * markup characters, Chinese, characters beyond the basic plane, leading spaces, empty and missing cells —, formulas
 * neutralised; a workbook abandoned part way is no workbook.
 */
class SpreadsheetExportTest {

    private static List<List<String>> read(byte[] workbook) throws Exception {
        return ListExportApiTest.sheet(workbook);
    }

    @Test
    void aRealReaderReadsBackEveryCellAsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<String>> given = new ArrayList<>();
        try (SpreadsheetExport sheet = new SpreadsheetExport(out, "职工 <&> \"名单\"", List.of("编号", "姓名", "备注"), 10, 12)) {
            for (int i = 1; i <= 2500; i++) {
                List<String> row = Arrays.asList(Integer.toString(i), "张三" + i, i % 3 == 0 ? null : "<b>&amp;</b> 𠀀😀 " + i);
                sheet.row(row);
                given.add(row);
            }
            sheet.row(Arrays.asList("2501", "=1+1", "  两端空格  "));
            sheet.row(Arrays.asList("2502", "@SUM(A1)", "-2"));
            sheet.row(Arrays.asList("2503", "", "控制\u0001字符"));
            assertThat(sheet.rows()).isEqualTo(2503);
        }
        List<List<String>> rows = read(out.toByteArray());
        assertThat(rows).hasSize(2504);
        assertThat(rows.getFirst()).containsExactly("编号", "姓名", "备注");
        for (int i = 0; i < given.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(given.get(i).get(0));
            assertThat(row.get(1)).isEqualTo(given.get(i).get(1));
            assertThat(row.size() > 2 ? row.get(2) : "").isEqualTo(given.get(i).get(2) == null ? "" : given.get(i).get(2));
        }
        assertThat(rows.get(2501)).containsExactly("2501", "'=1+1", "  两端空格  ");
        assertThat(rows.get(2502)).containsExactly("2502", "'@SUM(A1)", "'-2");
        assertThat(rows.get(2503).get(2)).isEqualTo("控制字符");
    }

    @Test
    void theSheetIsNamedAndItsHeaderFrozen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetExport sheet = new SpreadsheetExport(out, "缴费单", List.of("编号"), 10)) {
            sheet.row(List.of("1"));
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("缴费单");
        }
        String sheetXml = entry(out.toByteArray(), "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("state=\"frozen\"").contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">");
    }

    @Test
    void anAbandonedExportIsNoWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetExport sheet = new SpreadsheetExport(out, "职工", List.of("编号"))) {
            for (int i = 0; i < 1500; i++) sheet.row(List.of(Integer.toString(i)));
            sheet.abandon();
        }
        assertThatThrownBy(() -> read(out.toByteArray())).isInstanceOf(Exception.class);
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in the workbook");
    }
}
