package org.huzhu.banking.iso20022;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.banking.BankMessage;
import org.huzhu.banking.BankReasons;
import org.huzhu.banking.BankReport;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.shared.Money;

/**
 * Reads the bank's messages with Prowide ISO 20022: pain.002.001.10 status reports, camt.054.001.08
 * notifications and camt.053.001.08 statements, into {@link BankReport}s. A reason without a text of
 * its own gets the Chinese text of its code. Status reports and notifications above
 * {@link #STREAMING_ABOVE} characters (a batch's thousands of statuses) are read by
 * {@link StreamingReader} into the same reports, without building Prowide's JAXB tree.
 */
public final class Iso20022Reader {

    private Iso20022Reader() {
    }

    /** Messages longer than this (about 200 statuses) are read in one streaming pass instead of through Prowide's JAXB tree. */
    static final int STREAMING_ABOVE = 64 * 1024;

    public static BankReport read(String kind, String xml) {
        boolean large = xml.length() > STREAMING_ABOVE;
        return switch (kind) {
            case BankMessage.STATUS_REPORT -> large ? StreamingReader.statusReport(xml) : statusReport(xml);
            case BankMessage.NOTIFICATION -> large ? StreamingReader.notification(xml) : notification(xml);
            case BankMessage.STATEMENT -> statement(xml);
            default -> throw new IllegalArgumentException("unknown bank message kind " + kind);
        };
    }

    public static BankReport.StatusReport statusReport(String xml) {
        MxPain00200110 mx = MxPain00200110.parse(xml);
        if (mx == null || mx.getCstmrPmtStsRpt() == null) throw new IllegalArgumentException("not a pain.002.001.10 document");
        CustomerPaymentStatusReportV10 report = mx.getCstmrPmtStsRpt();
        List<TransactionStatus> statuses = new ArrayList<>();
        for (OriginalPaymentInstruction32 block : report.getOrgnlPmtInfAndSts()) {
            for (PaymentTransaction105 tx : block.getTxInfAndSts()) {
                String code = null;
                String text = null;
                if (!tx.getStsRsnInf().isEmpty()) {
                    StatusReasonInformation12 reason = tx.getStsRsnInf().getFirst();
                    if (reason.getRsn() != null) code = reason.getRsn().getCd() != null ? reason.getRsn().getCd() : reason.getRsn().getPrtry();
                    if (!reason.getAddtlInf().isEmpty()) text = String.join("", reason.getAddtlInf());
                }
                if (code != null && text == null) text = BankReasons.chinese(code);
                statuses.add(new TransactionStatus(tx.getOrgnlEndToEndId(), tx.getTxSts(), code, text));
            }
        }
        return new BankReport.StatusReport(report.getGrpHdr().getMsgId(), day(report.getGrpHdr().getCreDtTm()),
                report.getOrgnlGrpInfAndSts().getOrgnlMsgId(), report.getOrgnlGrpInfAndSts().getGrpSts(), statuses);
    }

    public static BankReport.Notification notification(String xml) {
        MxCamt05400108 mx = MxCamt05400108.parse(xml);
        if (mx == null || mx.getBkToCstmrDbtCdtNtfctn() == null) throw new IllegalArgumentException("not a camt.054.001.08 document");
        var body = mx.getBkToCstmrDbtCdtNtfctn();
        List<Entry> entries = new ArrayList<>();
        body.getNtfctn().forEach(n -> n.getNtry().forEach(e -> entries.addAll(entries(e))));
        return new BankReport.Notification(body.getGrpHdr().getMsgId(), day(body.getGrpHdr().getCreDtTm()), entries);
    }

    public static BankReport.Statement statement(String xml) {
        MxCamt05300108 mx = MxCamt05300108.parse(xml);
        if (mx == null || mx.getBkToCstmrStmt() == null) throw new IllegalArgumentException("not a camt.053.001.08 document");
        var body = mx.getBkToCstmrStmt();
        AccountStatement9 statement = body.getStmt().getFirst();
        List<Entry> entries = new ArrayList<>();
        statement.getNtry().forEach(e -> entries.addAll(entries(e)));
        Money opening = balance(statement.getBal(), "OPBD");
        Money closing = balance(statement.getBal(), "CLBD");
        LocalDate day = statement.getFrToDt() != null ? statement.getFrToDt().getFrDtTm().toLocalDate() : day(body.getGrpHdr().getCreDtTm());
        return new BankReport.Statement(body.getGrpHdr().getMsgId(), day(body.getGrpHdr().getCreDtTm()), day, opening, closing, entries);
    }

    /** One entry per transaction detail (a batch entry may carry several), or the entry itself when it has none. */
    private static List<Entry> entries(ReportEntry10 e) {
        boolean credit = e.getCdtDbtInd() == CreditDebitCode.CRDT;
        LocalDate booked = date(e.getBookgDt());
        List<Entry> out = new ArrayList<>();
        for (EntryDetails9 details : e.getNtryDtls()) {
            for (EntryTransaction10 tx : details.getTxDtls()) {
                String e2e = tx.getRefs() == null ? null : tx.getRefs().getEndToEndId();
                BigDecimal amount = tx.getAmt() != null ? tx.getAmt().getValue() : e.getAmt().getValue();
                String code = null;
                String text = null;
                if (tx.getRtrInf() != null) {
                    var rsn = tx.getRtrInf().getRsn();
                    if (rsn != null) code = rsn.getCd() != null ? rsn.getCd() : rsn.getPrtry();
                    if (!tx.getRtrInf().getAddtlInf().isEmpty()) text = String.join("", tx.getRtrInf().getAddtlInf());
                    if (code != null && text == null) text = BankReasons.chinese(code);
                }
                String reference = tx.getRmtInf() == null || tx.getRmtInf().getUstrd().isEmpty() ? null
                        : String.join(" ", tx.getRmtInf().getUstrd());
                boolean txCredit = tx.getCdtDbtInd() != null ? tx.getCdtDbtInd() == CreditDebitCode.CRDT : credit;
                out.add(new Entry(e2e, txCredit, new Money(amount), booked, code, text, reference));
            }
        }
        if (out.isEmpty()) out.add(new Entry(null, credit, new Money(e.getAmt().getValue()), booked, null, null, e.getAddtlNtryInf()));
        return out;
    }

    private static Money balance(List<CashBalance8> balances, String type) {
        for (CashBalance8 b : balances) {
            if (b.getTp() != null && b.getTp().getCdOrPrtry() != null && type.equals(b.getTp().getCdOrPrtry().getCd())) {
                Money amount = new Money(b.getAmt().getValue());
                return b.getCdtDbtInd() == CreditDebitCode.DBIT ? Money.ZERO.minus(amount) : amount;
            }
        }
        return null;
    }

    private static LocalDate date(DateAndDateTime2Choice choice) {
        if (choice == null) return null;
        if (choice.getDt() != null) return choice.getDt();
        return choice.getDtTm() == null ? null : choice.getDtTm().toLocalDate();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(Xml.BEIJING).toLocalDate();
    }
}
