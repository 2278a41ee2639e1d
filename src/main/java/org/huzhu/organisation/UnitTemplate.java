package org.huzhu.organisation;

import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The unit import template: the header row, one example row, and what each column takes. */
final class UnitTemplate {

    private static final String[] EXAMPLE = {"武汉示例物流有限公司", "91420102MA4K000000", "420102", "民营企业", "120", "张三",
            "027-85551234", "正常"};
    private static final String[] HELP = {
            "单位全称，最多200字（必填）",
            "18位统一社会信用代码，是单位的唯一标识；再次导入时按它匹配并更新（必填）",
            "所属工会：6位行政区划代码（如 420102）或工会组织全称（如 江岸区总工会）；省直、市直单位填省、市总工会（必填）",
            "机关事业单位、国有企业、民营企业 或 其他（必填）",
            "1至1000000的整数（必填）",
            "单位联系人姓名（可空；空着不改原有值）",
            "11位手机号码或带区号的固定电话（可空；空着不改原有值）",
            "正常 或 注销（可空：新单位为正常，已有单位不变）"};

    private UnitTemplate() {
    }

    static void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Huzhu", "1.0");
        Worksheet ws = wb.newWorksheet("单位");
        for (int col = 0; col < UnitFile.COLUMNS.size(); col++) {
            ws.width(col, col == 0 ? 30 : col == 2 ? 16 : 20);
            ws.value(0, col, UnitFile.COLUMNS.get(col));
            ws.value(1, col, EXAMPLE[col]);
            ws.style(col).format("@").set();
        }
        ws.range(0, 0, 0, UnitFile.COLUMNS.size() - 1).style().bold().fillColor("DDEBF7").set();
        ws.freezePane(0, 1);
        Worksheet help = wb.newWorksheet("填写说明");
        help.width(0, 18);
        help.width(1, 90);
        for (int r = 0; r < HELP.length; r++) {
            help.value(r, 0, UnitFile.COLUMNS.get(r));
            help.value(r, 1, HELP[r]);
        }
        help.value(HELP.length + 1, 0, "第一行为表头，列的顺序可调整；示例行请删除。可另存为 CSV（UTF-8 或 GBK）。有错误行时整个文件不导入，请按提示改正后重新上传；重复上传同一文件不会重复登记。");
        wb.finish();
    }
}
