package org.huzhu.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.pdf.ChinesePdf;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.stereotype.Component;

/**
 * A statistical report (统计报表) in the form offices send upwards, drawn from a dashboard's figures: the same lines as an
 * XLSX sheet and as a PDF. One list of lines ({@link #lines}) feeds both, so the two files never disagree.
 */
@Component
class ReportFiles {

    private final ChinesePdf pdf;

    ReportFiles(ChinesePdf pdf) {
        this.pdf = pdf;
    }

    static String title(Dashboard d, String kindName, String period) {
        return d.office().name() + " 职工互助保障" + kindName + "统计报表（" + period + "）";
    }

    /** The report's lines: a section heading has one cell, a figure two, the league a header and rows. */
    static List<List<String>> lines(Dashboard d) {
        List<List<String>> out = new ArrayList<>();
        var e = d.enrolment();
        var t = e.target();
        out.add(List.of("一、参保"));
        out.add(List.of("参保人次", Long.toString(e.personTimes())));
        out.add(List.of("参保单位（家）", Long.toString(e.units())));
        out.add(List.of("其中新参保人次", Long.toString(e.newEnrolments())));
        out.add(List.of("其中续保人次", Long.toString(e.renewals())));
        out.add(List.of("新就业形态参保人次", Long.toString(e.newFormPersonTimes())));
        out.add(List.of("退保（件，不计入参保人次）", Long.toString(e.cancellations())));
        out.add(List.of("年度目标（参保人次）", text(t.personTimes())));
        out.add(List.of("目标完成率（参保人次）", percent(t.personTimesShare())));
        out.add(List.of("目标完成率（参保单位）", percent(t.unitsShare())));
        out.add(List.of("目标完成率（新就业形态）", percent(t.newFormShare())));
        e.byItem().forEach(i -> out.add(List.of("参保项目：" + i.name(), Long.toString(i.enrolments()))));
        e.byOwnership().forEach(o -> out.add(List.of("单位性质：" + o.name(), o.personTimes() + " 人次 / " + o.units() + " 家")));
        e.byForm().forEach(f -> out.add(List.of("就业形态：" + f.name(), Long.toString(f.personTimes()))));
        e.byMonth().forEach(m -> out.add(List.of("月度：" + m.month(), m.personTimes() + " 人次（新参保 " + m.newEnrolments() + "，续保 "
                + m.renewals() + "）")));
        var c = d.claims();
        out.add(List.of("二、理赔"));
        out.add(List.of("受理申领（件）", Long.toString(c.filed())));
        out.add(List.of("核准（件）", Long.toString(c.approved())));
        out.add(List.of("拒付（件）", Long.toString(c.rejected())));
        out.add(List.of("已支付（件）", Long.toString(c.paid())));
        out.add(List.of("受益人次", Long.toString(c.personTimesPaid())));
        out.add(List.of("支付金额（元）", c.paidAmount().toString()));
        c.byItem().forEach(i -> out.add(List.of("支付项目：" + i.name(), i.paidAmount() + " 元 / " + i.paid() + " 件")));
        out.add(List.of("材料齐全至支付平均工作日", text(c.workingDaysToPay().average())));
        out.add(List.of("材料齐全至支付第90百分位工作日", text(c.workingDaysToPay().p90())));
        out.add(List.of("7个工作日内支付占比", percent(c.workingDaysToPay().withinPromiseShare())));
        out.add(List.of("当前逾期未支付（件）", Long.toString(c.overdueNow())));
        var m = d.money();
        out.add(List.of("三、资金"));
        out.add(List.of("应缴会费（元）", m.billed().toString()));
        out.add(List.of("已到账（元）", m.received().toString()));
        out.add(List.of("尚欠（元）", m.outstanding().toString()));
        out.add(List.of("工会补贴预算（元）", m.subsidy().budget().toString()));
        out.add(List.of("工会补贴已用 / 结余（元）", m.subsidy().drawn() + " / " + m.subsidy().left()));
        out.add(List.of("免费意外保障名额 / 已领取", (m.gifts().quota() == null ? "未设（用上级名额）" : m.gifts().quota()) + " / "
                + m.gifts().granted()));
        out.add(List.of("退保退费（元）", m.refunds().toString()));
        out.add(List.of("支付失败 / 退票（笔）", m.payoutsFailed() + " / " + m.payoutsBounced()));
        out.add(List.of("赔付率（支付金额÷应缴）", percent(m.lossRatio())));
        if (!d.league().isEmpty()) {
            out.add(List.of("四、下级排名"));
            out.add(List.of("单位/工会", "参保人次", "参保单位", "目标", "完成率", "支付件数", "支付金额", "应缴", "赔付率", "按时支付占比", "逾期"));
            d.league().forEach(r -> out.add(List.of(r.office().name(), Long.toString(r.personTimes()), Long.toString(r.units()),
                    text(r.target()), percent(r.share()), Long.toString(r.claimsPaid()), r.paidAmount().toString(), r.billed().toString(),
                    percent(r.lossRatio()), percent(r.withinPromiseShare()), Long.toString(r.overdueNow()))));
        }
        return out;
    }

    byte[] xlsx(Dashboard d, String title) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpreadsheetExport sheet = new SpreadsheetExport(bytes, "统计报表", List.of(title), 34, 22, 12, 12, 10, 10, 14, 14, 10, 12, 8)) {
            sheet.row(List.of("统计期间", d.period().from() + " 至 " + d.period().to()));
            sheet.row(List.of("数据截至", asOfInChina(d.asOf())));
            for (List<String> line : lines(d)) sheet.row(line);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    byte[] pdf(Dashboard d, String title) {
        return pdf.draw(w -> {
            w.title(title);
            w.line(11, 0, "统计期间：" + d.period().from() + " 至 " + d.period().to() + "　　数据截至：" + asOfInChina(d.asOf()));
            w.rule();
            List<List<String>> table = new java.util.ArrayList<>();   // the lines of one section, drawn as one ruled table
            for (List<String> line : lines(d)) {
                if (line.size() == 1) {
                    if (!table.isEmpty()) w.table(table.getFirst().size() > 6 ? 7 : 9.5f, table);
                    table.clear();
                    w.gap(4).line(12, 0, line.get(0));
                } else {
                    if (!table.isEmpty() && table.getLast().size() != line.size()) {
                        w.table(table.getFirst().size() > 6 ? 7 : 9.5f, table);
                        table.clear();
                    }
                    table.add(line);
                }
            }
            if (!table.isEmpty()) w.table(table.getFirst().size() > 6 ? 7 : 9.5f, table);
        });
    }

    /** The moment the figures were taken, as China time to the minute ("2026-11-24 01:48"). */
    private static String asOfInChina(String asOf) {
        if (asOf == null) return "—";
        String local = asOf.replace('T', ' ');
        return local.length() >= 16 ? local.substring(0, 16) + "（北京时间）" : local;
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString();
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
