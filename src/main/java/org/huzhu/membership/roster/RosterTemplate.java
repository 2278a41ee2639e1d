package org.huzhu.membership.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The blank roster template offered for download. */
public final class RosterTemplate {

    /** The roster columns, in template order. English aliases are accepted on upload too. */
    public static final List<String> HEADERS = List.of("姓名", "身份证号码", "手机号码", "就业形态", "保障方案", "份数", "缴费日期");

    static final String DATA_SHEET = "花名册";
    static final String HELP_SHEET = "填写说明";

    private static final double[] WIDTHS = {12, 22, 16, 14, 36, 8, 14};
    /** Columns kept as text so Excel does not turn IDs into 4.20106E+17 or dates into serials. */
    private static final int[] TEXT_COLUMNS = {
            RosterColumns.ID_NUMBER, RosterColumns.PHONE, RosterColumns.PAID_ON};
    /** How many rows get the text format explicitly (besides the column style). */
    private static final int FORMATTED_ROWS = 2000;

    private static final String[][] HELP = {
            {"姓名", "必填", "职工姓名，与身份证一致。", "张三"},
            {"身份证号码", "必填", "18 位居民身份证号码，末位可为 X。本列已设为文本格式，请勿改为数字，以免后几位变成 0。", "420106199001011234"},
            {"手机号码", "必填", "11 位手机号码。", "13800000000"},
            {"就业形态", "必填", "REGULAR（常规就业）或 NEW_FORM（新就业形态）。", "REGULAR"},
            {"保障方案", "必填", "填 BASIC（基础方案），或用 + 连接的保障项目；每项写作 项目 或 项目:方案。"
                    + "项目可选 HOSPITAL（住院）、CRITICAL_ILLNESS（重大疾病）、FEMALE_SPECIAL（女职工特殊疾病）、"
                    + "ACCIDENT（意外伤害）、SHORT_ACCIDENT（短期意外）。", "HOSPITAL+FEMALE_SPECIAL:UPG"},
            {"份数", "必填", "参保份数，正整数，对方案中的每一个项目都适用。", "1"},
            {"缴费日期", "必填", "格式 yyyy-MM-dd，例如 2026-01-09。", "2026-01-09"},
    };

    private RosterTemplate() {
    }

    /**
     * Writes the empty template: sheet "花名册" with the bold header row, column widths and the ID,
     * phone and date columns formatted as text; sheet "填写说明" explaining each column.
     * The stream is not closed.
     */
    public static void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Huzhu", "1.0");
        Worksheet ws = wb.newWorksheet(DATA_SHEET);
        for (int col = 0; col < HEADERS.size(); col++) {
            ws.width(col, WIDTHS[col]);
            ws.value(0, col, HEADERS.get(col));
        }
        ws.range(0, 0, 0, HEADERS.size() - 1).style().bold().fillColor("DDEBF7").set();
        for (int col : TEXT_COLUMNS) {
            ws.style(col).format("@").set();
            ws.range(1, col, FORMATTED_ROWS, col).style().format("@").set();
        }
        ws.freezePane(0, 1);

        Worksheet help = wb.newWorksheet(HELP_SHEET);
        String[] helpHeader = {"列名", "是否必填", "填写说明", "示例"};
        double[] helpWidths = {14, 10, 80, 30};
        for (int col = 0; col < helpHeader.length; col++) {
            help.width(col, helpWidths[col]);
            help.value(0, col, helpHeader[col]);
        }
        help.range(0, 0, 0, helpHeader.length - 1).style().bold().fillColor("DDEBF7").set();
        for (int r = 0; r < HELP.length; r++) {
            for (int col = 0; col < HELP[r].length; col++) {
                help.value(r + 1, col, HELP[r][col]);
            }
        }
        help.range(1, 2, HELP.length, 2).style().wrapText(true).set();
        int note = HELP.length + 2;
        help.value(note, 0, "说明");
        help.style(note, 0).bold().set();
        help.value(note + 1, 0, "1. 第一行为表头，请勿修改、删除；列的顺序可以调整，多余的列会被忽略。也可使用英文表头："
                + "name, idNumber, phone, employmentForm, plan, shares, paidOn。");
        help.value(note + 2, 0, "2. 每行填写一名职工；空行会被跳过。");
        help.value(note + 3, 0, "3. 可保存为 .xlsx，或另存为 CSV（UTF-8 或 GBK 编码均可）后上传。");
        wb.finish();
    }
}
