package org.huzhu.claims;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.huzhu.shared.Money;
import org.huzhu.shared.pdf.ChinesePdf;
import org.springframework.stereotype.Component;

/**
 * A decision letter (决定书) on A4 ({@link ChinesePdf}): the office and the numbers, the worker's name and masked ID
 * number, the decision's date, how it was decided and its conclusion, each item with its decision, amount and reasons
 * in plain Chinese, the total, notes, the appeal route, and a line saying what the letter leaves out (so that the unit
 * may keep it).
 */
@Component
class DecisionLetterPdf {

    static final String FOR_THE_UNIT = "本决定书不含诊断等健康信息，也不含完整的身份证号码和银行账号，可交职工所在单位留存。";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** One item of a letter: its name, the decision in words, the amount, and why (empty when nothing needs saying). */
    record Line(String item, String decision, Money amount, String reasons) {
    }

    record Letter(String title, String number, String office, String reference, String memberName, String maskedIdNumber,
                  LocalDate decidedOn, String decidedHow, String conclusion, List<Line> lines, Money total, List<String> notes,
                  String appealRoute, LocalDate issuedOn) {
    }

    private final ChinesePdf pdf;

    DecisionLetterPdf(ChinesePdf pdf) {
        this.pdf = pdf;
    }

    static String date(LocalDate day) {
        return DATE.format(day);
    }

    byte[] render(Letter l) {
        return pdf.draw(w -> {
            w.title(l.title());
            w.line(12, 0, "文书编号：" + l.number() + "　　申领编号：" + l.reference());
            w.line(12, 0, "出具单位：" + l.office());
            w.rule();
            w.line("职工姓名：" + l.memberName());
            w.line("身份证号：" + l.maskedIdNumber());
            w.line("决定日期：" + date(l.decidedOn()));
            w.line("审核方式：" + l.decidedHow());
            w.line("审核结论：" + l.conclusion());
            w.gap(6).line("各保障项目：");
            for (Line line : l.lines()) {
                w.line(13, 24, line.item() + "：" + line.decision() + "　" + line.amount() + "元");
                if (!line.reasons().isEmpty()) w.paragraph(11, 48, "原因：" + line.reasons());
            }
            w.gap(4).line("互助金合计：" + l.total() + "元");
            for (String note : l.notes()) w.paragraph(12, 0, note);
            w.gap(6).rule();
            w.paragraph(12, 0, l.appealRoute());
            w.gap(10).paragraph(10, 0, FOR_THE_UNIT);
            w.line(10, 0, "出具日期：" + date(l.issuedOn()));
        });
    }
}
