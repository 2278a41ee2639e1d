package org.huzhu.contributions;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.pdf.ChinesePdf;
import org.huzhu.shared.pdf.DocumentParts;
import org.huzhu.shared.pdf.IssuedDocuments;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bill's documents (docs/contributions.md, “Documents”): the payment notice (缴费通知单: the unit, the bill's
 * reference, its lines with the workers' names and masked ID numbers, the totals, the due date, the fund's receiving
 * account and what to write on the transfer) and, once the bill is paid, the contribution receipt (缴费凭证: what was
 * received, when and how). Each download is a document of its own with a QR code of its public verification link
 * ({@link IssuedDocuments}); the verification reads the bill afresh.
 */
@Service
class BillDocuments implements IssuedDocuments.Verifier {

    static final String NOTICE = "BILL_NOTICE";
    static final String RECEIPT = "BILL_RECEIPT";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float[] LINE_COLUMNS = {0, 36, 110, 270, 330, 400};
    private static final float[] PAYMENT_COLUMNS = {0, 90, 170, 250, 390};

    private final Contributions contributions;
    private final BillRepository bills;
    private final IssuedDocuments issued;
    private final ChinesePdf pdf;
    private final Clock clock;
    private final int paymentTermDays;

    BillDocuments(Contributions contributions, BillRepository bills, IssuedDocuments issued, ChinesePdf pdf, Clock clock,
                  @Value("${huzhu.contributions.payment-term-days:15}") int paymentTermDays) {
        this.contributions = contributions;
        this.bills = bills;
        this.issued = issued;
        this.pdf = pdf;
        this.clock = clock;
        this.paymentTermDays = paymentTermDays;
    }

    @Transactional
    DocumentParts.Pdf notice(long billId, CurrentUser user) {
        Contributions.BillView b = contributions.bill(billId, user);
        if ("CANCELLED".equals(b.status())) throw new ConflictException("id", "缴费单 " + b.reference() + " 已撤销，不出具缴费通知单");
        IssuedDocuments.Issued doc = issued.issue(NOTICE, "HZTZ", billId, user.username());
        byte[] content = pdf.draw(w -> {
            w.title("职工互助保障缴费通知单");
            head(w, b);
            w.line("出具日期：" + date(b.createdOn()) + "　　缴费期限：" + date(b.createdOn().plusDays(paymentTermDays)) + "前");
            w.rule();
            w.line("参保明细（共 " + b.lineCount() + " 人次）：");
            DocumentParts.row(w, 10, LINE_COLUMNS, "序号", "姓名", "身份证号", "单位缴", "工会补贴", "个人缴");
            int n = 0;
            for (Contributions.BillLine l : b.lines()) {
                DocumentParts.row(w, 10, LINE_COLUMNS, String.valueOf(++n), l.memberName(), l.maskedIdNumber(), l.unit().toString(),
                        l.union().toString(), l.member().toString());
            }
            if (b.lineCount() > b.lines().size()) w.line(10, 0, "（另有 " + (b.lineCount() - b.lines().size()) + " 人次，见参保人员名单）");
            w.rule();
            w.paragraph(13, 0, "应缴合计：" + b.amountDue() + " 元（单位承担 " + b.unitPart() + " 元，职工个人承担 " + b.memberPart()
                    + " 元，由单位代收代缴）");
            if (b.unionSubsidyDue().isPositive()) w.line("工会补贴：" + b.unionSubsidyDue() + " 元（由工会另行拨付，单位无须缴纳）");
            w.line("已缴：" + b.received() + " 元　　尚欠：" + b.outstanding() + " 元");
            w.rule();
            PaymentTruth.Transfer t = b.transfer();
            w.line("收款账户户名：" + Optional.ofNullable(t.accountName()).orElse("（请联系所属工会）"));
            w.line("开户银行：" + Optional.ofNullable(t.bank()).orElse("—"));
            w.line("收款账号：" + Optional.ofNullable(t.accountNumber()).orElse("—"));
            w.line("转账附言（用途）请填写：" + t.reference());
            w.paragraph(11, 0, t.note() + "。缴清后，参保自到账次日起生效。");
            DocumentParts.verification(w, doc, clock.getZone(), "本通知单");
        });
        return new DocumentParts.Pdf("缴费通知单-" + b.reference() + ".pdf", content);
    }

    @Transactional
    DocumentParts.Pdf receipt(long billId, CurrentUser user) {
        Contributions.BillView b = contributions.bill(billId, user);
        if (b.paidOn() == null || !("PAID".equals(b.status()) || "OVERPAID".equals(b.status()))) {
            throw new ConflictException("id", "缴费单 " + b.reference() + " 尚未缴清，缴清后方可出具缴费凭证");
        }
        IssuedDocuments.Issued doc = issued.issue(RECEIPT, "HZJF", billId, user.username());
        byte[] content = pdf.draw(w -> {
            w.title("职工互助保障缴费凭证");
            head(w, b);
            w.paragraph(13, 0, "应缴合计：" + b.amountDue() + " 元　　实收：" + b.received() + " 元"
                    + (b.excess().isPositive() ? "　　多缴：" + b.excess() + " 元（预收）" : ""));
            w.line("缴清日期：" + date(b.paidOn()) + "（参保自次日起生效）");
            if (b.unionSubsidyDue().isPositive()) w.line("工会补贴：应拨 " + b.unionSubsidyDue() + " 元，已到 " + b.unionSubsidyReceived() + " 元");
            w.rule();
            w.line("到账记录：");
            DocumentParts.row(w, 10, PAYMENT_COLUMNS, "到账日期", "来源", "金额（元）", "流水号／凭证号", "银行确认");
            for (Contributions.PaymentView p : b.payments()) {
                if (p.reversed()) continue;
                DocumentParts.row(w, 10, PAYMENT_COLUMNS, p.paidOn().toString(), p.sourceName() + (p.part().equals("UNION_SUBSIDY") ? "（补贴）" : ""),
                        p.amount().toString(), shorten(p.reference()), p.awaitingBankConfirmation() ? "待确认" : "已确认");
            }
            PaymentTruth.Confirmation c = b.confirmation();
            if (c != null && c.status() != null && !BankConfirmation.CONFIRMED.name().equals(c.status())) {
                w.paragraph(11, 0, "注：单位申报已缴的款项" + c.statusName() + "，以银行流水到账为准。");
            }
            w.line("收款单位：" + Optional.ofNullable(b.transfer().accountName()).orElse("职工互助保障资金"));
            DocumentParts.verification(w, doc, clock.getZone(), "本凭证");
        });
        return new DocumentParts.Pdf("缴费凭证-" + b.reference() + ".pdf", content);
    }

    private static void head(ChinesePdf.Writer w, Contributions.BillView b) throws IOException {
        w.line(12, 0, "缴费单号：" + b.reference());
        w.line("缴费单位：" + (b.unitName() == null ? "个人缴费" : b.unitName()));
    }

    @Override
    public boolean handles(String kind) {
        return NOTICE.equals(kind) || RECEIPT.equals(kind);
    }

    /** The public verification of a notice or a receipt: the bill as it stands now, no personal data. */
    @Override
    public Optional<IssuedDocuments.Verification> verify(IssuedDocuments.Stored doc) {
        return bills.find(doc.subject()).map(s -> {
            Bill bill = s.bill();
            boolean paid = bill.paidOn() != null && bill.isPaid() && !bill.cancelled();
            boolean notice = NOTICE.equals(doc.kind());
            String state = bill.cancelled() ? "已撤销" : paid ? "已缴清（" + bill.paidOn() + "）" : "待缴费，尚欠 " + bill.outstanding() + " 元";
            boolean valid = notice ? !bill.cancelled() : paid;
            String verdict = notice ? (valid ? "✓ 缴费通知单真实有效" : "该缴费单已撤销")
                    : (valid ? "✓ 缴费凭证真实有效" : "该缴费单当前未缴清，凭证所载到账已变更");
            return new IssuedDocuments.Verification(notice ? "缴费通知单核验" : "缴费凭证核验", doc.number(), doc.issuedAt(), valid, verdict,
                    List.of(new IssuedDocuments.Fact("缴费单号", bill.reference()), new IssuedDocuments.Fact("应缴合计", bill.amountDue() + " 元"),
                            new IssuedDocuments.Fact("当前状态", state)));
        });
    }

    private static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 22 ? s.substring(0, 21) + "…" : s;
    }
}
