package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt for the recognition tests: the truth (fields as the API names them, fee lines) and the
 * text drawn on its 240 × 140 mm page in the layout of docs/receipts.md, as strings placed in
 * millimetres (x of the first character, y of the top of the line, size). Small and hand-checked;
 * the realistic generator lives in specimen/.
 */
final class TestReceipt {

    /** A string on the page: left edge, top edge and character height in millimetres. */
    record Placed(String text, double x, double y, double size) {
        /** Width as our test fonts draw it: CJK a full size, ASCII half of it. */
        double width() {
            return text.chars().mapToDouble(c -> advance((char) c, size)).sum();
        }

        static double advance(char c, double size) {
            return c < 0x2E80 ? 0.5 * size : size;
        }
    }

    static final double WIDTH = 240;
    static final double HEIGHT = 140;
    static final double SIZE = 3.5;

    final Map<String, String> fields = new LinkedHashMap<>();
    final List<FeeLine> lines = new ArrayList<>();
    boolean inpatient = true;

    /** The receipt of docs/receipts.md: the figures add up. */
    static TestReceipt inpatient() {
        TestReceipt r = new TestReceipt();
        r.fields.put("invoiceCode", "42010126");
        r.fields.put("invoiceNumber", "0012345678");
        r.fields.put("checkCode", "fc0971");
        r.fields.put("issueDate", "2026-05-12");
        r.fields.put("payerName", "张三");
        r.fields.put("hospital", "武汉市第一医院");
        r.fields.put("admissionDate", "2026-05-01");
        r.fields.put("dischargeDate", "2026-05-12");
        r.fields.put("total", "23456.78");
        r.fields.put("fundPaid", "15000.00");
        r.fields.put("otherPaid", "0.00");
        r.fields.put("personalAccountPaid", "0.00");
        r.fields.put("cashPaid", "8456.78");
        r.fields.put("selfPaid", "5000.00");
        r.fields.put("selfFunded", "3456.78");
        r.lines.add(new FeeLine("床位费", "450.00"));
        r.lines.add(new FeeLine("西药费", "8200.00"));
        r.lines.add(new FeeLine("检查费", "3106.78"));
        r.lines.add(new FeeLine("治疗费", "6700.00"));
        r.lines.add(new FeeLine("手术费", "5000.00"));
        return r;
    }

    static TestReceipt outpatient() {
        TestReceipt r = new TestReceipt();
        r.inpatient = false;
        r.fields.put("invoiceCode", "42060226");
        r.fields.put("invoiceNumber", "0098765432");
        r.fields.put("checkCode", "0a1b2c");
        r.fields.put("issueDate", "2026-03-09");
        r.fields.put("payerName", "欧阳娜娜");
        r.fields.put("hospital", "荆门市掇刀区人民医院");
        r.fields.put("visitDate", "2026-03-09");
        r.fields.put("total", "356.40");
        r.fields.put("fundPaid", "200.00");
        r.fields.put("otherPaid", "0.00");
        r.fields.put("personalAccountPaid", "100.00");
        r.fields.put("cashPaid", "56.40");
        r.fields.put("selfPaid", "30.00");
        r.fields.put("selfFunded", "26.40");
        r.lines.add(new FeeLine("诊察费", "20.00"));
        r.lines.add(new FeeLine("化验费", "136.40"));
        r.lines.add(new FeeLine("西药费", "200.00"));
        return r;
    }

    TestReceipt with(String field, String value) {
        fields.put(field, value);
        return this;
    }

    TestReceipt without(String field) {
        fields.remove(field);
        return this;
    }

    /** Everything printed on the page, form and data, in the docs layout. */
    List<Placed> drawing() {
        List<Placed> p = new ArrayList<>();
        String title = inpatient ? "湖北省医疗住院收费票据（电子）" : "湖北省医疗门诊收费票据（电子）";
        p.add(new Placed(title, 120 - title.length() * 6 / 2.0, 8, 6));
        labelled(p, "票据代码：", "invoiceCode", 10, 20);
        labelled(p, "票据号码：", "invoiceNumber", 150, 20);
        p.add(new Placed("交款人统一社会信用代码：420102199001011234", 10, 27, SIZE));
        labelled(p, "校验码：", "checkCode", 150, 27);
        labelled(p, "交款人：", "payerName", 10, 34);
        labelled(p, "开票日期：", "issueDate", 150, 34);
        if (inpatient) {
            p.add(new Placed("住院号：ZY2026001234", 10, 41, SIZE));
            p.add(new Placed("医疗机构类型：综合医院", 80, 41, SIZE));
            String stay = fields.containsKey("admissionDate") && fields.containsKey("dischargeDate")
                    ? fields.get("admissionDate") + "至" + fields.get("dischargeDate") : "";
            p.add(new Placed("住院时间：" + stay, 150, 41, SIZE));
        } else {
            p.add(new Placed("门诊号：MZ20260309001", 10, 41, SIZE));
            p.add(new Placed("医疗机构类型：综合医院", 80, 41, SIZE));
            labelled(p, "就诊日期：", "visitDate", 150, 41);
        }
        p.add(new Placed("项目名称", 14, 50, SIZE));
        p.add(new Placed("金额(元)", 84, 50, SIZE));
        p.add(new Placed("项目名称", 128, 50, SIZE));
        p.add(new Placed("金额(元)", 198, 50, SIZE));
        double y = 57;
        for (int i = 0; i < lines.size(); i += 2) {
            fee(p, lines.get(i), 14, 112, y);
            if (i + 1 < lines.size()) fee(p, lines.get(i + 1), 128, 226, y);
            y += 6;
        }
        y = Math.max(y, 57 + 6 * 3) + 2;
        p.add(new Placed("金额合计（大写）", 10, y, SIZE));
        p.add(new Placed("贰万叁仟肆佰伍拾陆元柒角捌分", 40, y, SIZE));
        labelled(p, "（小写）", "total", 150, y);
        y += 7;
        p.add(new Placed("业务流水号：20260512000123", 10, y, SIZE));
        p.add(new Placed("医保类型：职工基本医疗保险", 120, y, SIZE));
        y += 7;
        p.add(new Placed("其他信息", 10, y, SIZE));
        y += 7;
        labelled(p, "医保统筹基金支付：", "fundPaid", 10, y);
        labelled(p, "其他支付：", "otherPaid", 72, y);
        labelled(p, "个人账户支付：", "personalAccountPaid", 115, y);
        labelled(p, "个人现金支付：", "cashPaid", 170, y);
        y += 7;
        labelled(p, "个人自付：", "selfPaid", 10, y);
        labelled(p, "个人自费：", "selfFunded", 72, y);
        y += 7;
        labelled(p, "收款单位（章）：", "hospital", 10, y);
        p.add(new Placed("复核人：李四", 130, y, SIZE));
        p.add(new Placed("收款人：王五", 190, y, SIZE));
        return p;
    }

    private void labelled(List<Placed> p, String label, String field, double x, double y) {
        String value = fields.getOrDefault(field, "");
        p.add(new Placed(label + value, x, y, SIZE));
    }

    private static void fee(List<Placed> p, FeeLine line, double nameX, double amountRight, double y) {
        p.add(new Placed(line.name(), nameX, y, SIZE));
        Placed amount = new Placed(line.amount(), 0, y, SIZE);
        p.add(new Placed(line.amount(), amountRight - amount.width(), y, SIZE));
    }

    /** The page as text boxes, one per placed string (as a PDF's runs would come). */
    PageText page() {
        return new PageText(0, WIDTH, HEIGHT, drawing().stream()
                .map(s -> new TextBox(s.text(), s.x(), s.y(), s.width(), s.size(), 1.0)).toList());
    }

    /** The page as one box per character, in shuffled order. */
    PageText glyphPage(long seed) {
        List<TextBox> boxes = new ArrayList<>();
        for (Placed s : drawing()) {
            double x = s.x();
            for (char c : s.text().toCharArray()) {
                double w = Placed.advance(c, s.size());
                boxes.add(new TextBox(String.valueOf(c), x, s.y(), w, s.size(), 1.0));
                x += w;
            }
        }
        java.util.Collections.shuffle(boxes, new java.util.Random(seed));
        return new PageText(0, WIDTH, HEIGHT, boxes);
    }
}
