package org.huzhu.membership.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The roster template offered for download, as XLSX or CSV. Its {@link Content} (the plan names of
 * the catalogue in force, the employment forms and example rows that pass the import's checks) is
 * chosen by the membership module; the XLSX offers the plans and forms as drop-down lists.
 */
public final class RosterTemplate {

    /**
     * What goes into a template: the drop-down choices of 保障方案 and 就业形态 and example rows (each in
     * {@link #HEADERS} order). Choices are offered, not enforced: combined plans are typed freely.
     */
    public record Content(List<String> planChoices, List<String> formChoices, List<List<String>> examples) {
        public static final Content NONE = new Content(List.of(), List.of(), List.of());

        public Content {
            planChoices = List.copyOf(planChoices);
            formChoices = List.copyOf(formChoices);
            examples = examples.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        }
    }

    static final String CHOICES_SHEET = "选项";
    /** A valid example ID number (GB 11643 check character 1), used when no example rows are given. */
    private static final String EXAMPLE_ID = "420106199001011231";

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
            {"身份证号码", "必填", "18 位居民身份证号码，末位可为 X。本列已设为文本格式，请勿改为数字，以免后几位变成 0。", EXAMPLE_ID},
            {"手机号码", "必填", "11 位手机号码。", "13800000000"},
            {"就业形态", "必填", "常规就业 或 新就业形态（也可填 REGULAR、NEW_FORM），可从下拉列表选择。", "常规就业"},
            {"保障方案", "必填", "按保障项目名称填写，可从下拉列表选择：基本保障、住院医疗、重大疾病、女职工特殊疾病、"
                    + "女职工特殊疾病（升级版）、意外伤害、短期意外伤害（3个月）等；多项用 +、、 或 ， 连接，例如 住院医疗+意外伤害。"
                    + "也可填代码：BASIC（基本保障），或用 + 连接的项目代码，每项写作 项目 或 项目:方案，"
                    + "项目代码有 HOSPITAL、CRITICAL_ILLNESS、FEMALE_SPECIAL、ACCIDENT、SHORT_ACCIDENT，例如 HOSPITAL+FEMALE_SPECIAL:UPG。", "住院医疗+意外伤害"},
            {"份数", "必填", "参保份数，正整数，对方案中的每一个项目都适用。", "1"},
            {"缴费日期", "选填", "已缴费的填缴费日期，格式 yyyy-MM-dd，例如 2026-01-09；尚未缴费的留空，导入后生成待缴费的缴费单。",
                    "（留空）"},
    };

    private RosterTemplate() {
    }

    /** The empty template without choices or examples. The stream is not closed. */
    public static void writeXlsx(OutputStream out) throws IOException {
        writeXlsx(out, Content.NONE);
    }

    /** The template as CSV (UTF-8 with a byte-order mark, so that Excel opens the Chinese headers): the header and the example rows. */
    public static void writeCsv(OutputStream out, Content content) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", HEADERS)).append("\r\n");
        for (List<String> row : content.examples()) {
            csv.append(String.join(",", row.stream().map(RosterTemplate::csvCell).toList())).append("\r\n");
        }
        out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String csvCell(String value) {
        if (value == null) return "";
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /**
     * Writes the template: sheet "花名册" with the bold header row, the example rows, column widths, the ID,
     * phone and date columns formatted as text and drop-down lists on 就业形态 and 保障方案 (from sheet "选项");
     * sheet "填写说明" explaining each column. The stream is not closed.
     */
    public static void writeXlsx(OutputStream out, Content content) throws IOException {
        Workbook wb = new Workbook(out, "Huzhu", "1.0");
        Worksheet ws = wb.newWorksheet(DATA_SHEET);
        for (int col = 0; col < HEADERS.size(); col++) {
            ws.width(col, WIDTHS[col]);
            ws.value(0, col, HEADERS.get(col));
        }
        for (int r = 0; r < content.examples().size(); r++) {
            List<String> row = content.examples().get(r);
            for (int col = 0; col < row.size(); col++) {
                if (row.get(col) != null) ws.value(r + 1, col, row.get(col));
            }
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
        if (!content.examples().isEmpty()) {
            help.value(note + 4, 0, "4. 花名册第 2 至 " + (content.examples().size() + 1) + " 行是示例，可照样填写；导入前请删除示例行，以免为示例人员参保。");
        }
        help.value(note + 5, 0, "5. 同一文件修改后可再次上传：已参保的职工显示“已参保，未重复办理”，不会重复参保、不会重复收费。");
        if (!content.planChoices().isEmpty()) dropDowns(wb, ws, content);
        wb.finish();
    }

    /** 就业形态 and 保障方案 offer their choices as lists; a combined plan typed by hand is still accepted (no error alert). */
    private static void dropDowns(Workbook wb, Worksheet ws, Content content) {
        Worksheet choices = wb.newWorksheet(CHOICES_SHEET);
        choices.value(0, 0, "保障方案");
        choices.value(0, 1, "就业形态");
        for (int i = 0; i < content.planChoices().size(); i++) choices.value(i + 1, 0, content.planChoices().get(i));
        for (int i = 0; i < content.formChoices().size(); i++) choices.value(i + 1, 1, content.formChoices().get(i));
        choices.width(0, 30);
        choices.width(1, 14);
        ws.range(1, RosterColumns.PLAN, FORMATTED_ROWS, RosterColumns.PLAN)
                .validateWithList(choices.range(1, 0, content.planChoices().size(), 0)).allowBlank(true).showErrorMessage(false)
                .errorTitle("保障方案").error("可从下拉列表选择，组合方案用 + 连接");
        if (!content.formChoices().isEmpty()) {
            ws.range(1, RosterColumns.EMPLOYMENT_FORM, FORMATTED_ROWS, RosterColumns.EMPLOYMENT_FORM)
                    .validateWithList(choices.range(1, 1, content.formChoices().size(), 1)).allowBlank(true).showErrorMessage(true)
                    .errorTitle("就业形态").error("请从下拉列表选择：" + String.join("、", content.formChoices()));
        }
    }
}
