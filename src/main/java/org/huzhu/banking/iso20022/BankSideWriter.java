package org.huzhu.banking.iso20022;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.shared.Money;

/**
 * What a bank writes: pain.002.001.10 status reports, camt.054.001.08 notifications and
 * camt.053.001.08 statements, streamed. Used by the simulated bank; the fund's side only reads these.
 */
public final class BankSideWriter {

    private BankSideWriter() {
    }

    /** The account the messages report on. */
    public record Account(String number, String name) {
    }

    /**
     * A status report on payment file {@code originalMessageId}: the group status, and for a final
     * report one TxInfAndSts per transfer (status, and for a rejection the reason code and text).
     */
    public static String statusReport(String messageId, Instant at, String originalMessageId, int originalCount, String groupStatus,
                                      List<TransactionStatus> transactions) {
        {
            Xml x = new Xml(Schemas.PAIN_002, 300 * transactions.size() + 1500);
            x.open("CstmrPmtStsRpt");
            x.open("GrpHdr").text("MsgId", messageId).text("CreDtTm", Xml.dateTime(at)).close();
            x.open("OrgnlGrpInfAndSts")
                    .text("OrgnlMsgId", originalMessageId)
                    .text("OrgnlMsgNmId", Schemas.PAIN_001)
                    .text("OrgnlNbOfTxs", Integer.toString(originalCount))
                    .text("GrpSts", groupStatus)
                    .close();
            if (!transactions.isEmpty()) {
                x.open("OrgnlPmtInfAndSts").text("OrgnlPmtInfId", originalMessageId + "-1");
                for (TransactionStatus t : transactions) {
                    x.open("TxInfAndSts").text("OrgnlEndToEndId", t.endToEndId()).text("TxSts", t.status());
                    if (t.reasonCode() != null) {
                        x.open("StsRsnInf").nested("Rsn", "Cd", t.reasonCode());
                        if (t.reasonText() != null) x.text("AddtlInf", t.reasonText());
                        x.close();
                    }
                    x.close();
                }
                x.close();
            }
            x.close();
            return x.finish();
        }
    }

    /** A debit/credit notification with one entry per booked transfer or return. */
    public static String notification(String messageId, Instant at, Account account, List<Entry> entries) {
        {
            Xml x = new Xml(Schemas.CAMT_054, 700 * entries.size() + 1500);
            x.open("BkToCstmrDbtCdtNtfctn");
            x.open("GrpHdr").text("MsgId", messageId).text("CreDtTm", Xml.dateTime(at)).close();
            x.open("Ntfctn").text("Id", messageId + "-1").text("CreDtTm", Xml.dateTime(at));
            account(x, account);
            for (Entry e : entries) entry(x, e);
            x.close();
            x.close();
            return x.finish();
        }
    }

    /**
     * A notification of one batch booking (the file asked for it with BtchBookg): one debit entry for
     * the total, its details one TxDtls per transfer (end-to-end id and amount).
     */
    public static String batchNotification(String messageId, Instant at, Account account, LocalDate day, String fileMessageId,
                                           List<Entry> transfers) {
        BigDecimal total = transfers.stream().map(e -> e.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Xml x = new Xml(Schemas.CAMT_054, 140 * transfers.size() + 1500);
        x.open("BkToCstmrDbtCdtNtfctn");
        x.open("GrpHdr").text("MsgId", messageId).text("CreDtTm", Xml.dateTime(at)).close();
        x.open("Ntfctn").text("Id", messageId + "-1").text("CreDtTm", Xml.dateTime(at));
        account(x, account);
        x.open("Ntry").amount("Amt", total, "CNY").text("CdtDbtInd", "DBIT").nested("Sts", "Cd", "BOOK");
        x.nested("BookgDt", "Dt", day.toString()).nested("ValDt", "Dt", day.toString()).text("AcctSvcrRef", fileMessageId);
        x.open("BkTxCd").open("Domn").text("Cd", "PMNT").open("Fmly").text("Cd", "ICDT").text("SubFmlyCd", "DMCT").close().close().close();
        x.open("NtryDtls");
        for (Entry e : transfers) {
            x.open("TxDtls").nested("Refs", "EndToEndId", e.endToEndId()).amount("Amt", e.amount().amount(), "CNY").text("CdtDbtInd", "DBIT")
                    .close();
        }
        x.close();
        x.text("AddtlNtryInf", "批量代发 " + fileMessageId + " 共" + transfers.size() + "笔");
        x.close();
        x.close();
        x.close();
        return x.finish();
    }

    /** The statement of one day: opening and closing booked balances and every entry of the day. */
    public static String statement(String messageId, Instant at, Account account, LocalDate day, Money opening, Money closing,
                                   List<Entry> entries) {
        {
            Xml x = new Xml(Schemas.CAMT_053, 700 * entries.size() + 2000);
            x.open("BkToCstmrStmt");
            x.open("GrpHdr").text("MsgId", messageId).text("CreDtTm", Xml.dateTime(at)).close();
            x.open("Stmt").text("Id", messageId + "-1").text("CreDtTm", Xml.dateTime(at));
            x.open("FrToDt").text("FrDtTm", day + "T00:00:00+08:00").text("ToDtTm", day + "T23:59:59+08:00").close();
            account(x, account);
            balance(x, "OPBD", opening, day);
            balance(x, "CLBD", closing, day);
            for (Entry e : entries) entry(x, e);
            x.close();
            x.close();
            return x.finish();
        }
    }

    private static void account(Xml x, Account account) {
        x.open("Acct").open("Id").nested("Othr", "Id", account.number()).close().text("Ccy", "CNY").text("Nm", account.name()).close();
    }

    private static void balance(Xml x, String type, Money amount, LocalDate day) {
        x.open("Bal").open("Tp").nested("CdOrPrtry", "Cd", type).close()
                .amount("Amt", amount.amount().abs(), "CNY")
                .text("CdtDbtInd", amount.isNegative() ? "DBIT" : "CRDT")
                .nested("Dt", "Dt", day.toString())
                .close();
    }

    private static void entry(Xml x, Entry e) {
        String direction = e.credit() ? "CRDT" : "DBIT";
        x.open("Ntry").amount("Amt", e.amount().amount(), "CNY").text("CdtDbtInd", direction).nested("Sts", "Cd", "BOOK");
        x.nested("BookgDt", "Dt", e.bookedOn().toString());
        x.nested("ValDt", "Dt", e.bookedOn().toString());
        x.open("BkTxCd").open("Domn").text("Cd", "PMNT").open("Fmly").text("Cd", e.credit() ? "RCDT" : "ICDT")
                .text("SubFmlyCd", e.isReturn() ? "RRTN" : "DMCT").close().close().close();
        x.open("NtryDtls").open("TxDtls");
        if (e.endToEndId() != null) x.nested("Refs", "EndToEndId", e.endToEndId());
        x.amount("Amt", e.amount().amount(), "CNY").text("CdtDbtInd", direction);
        if (e.reference() != null) x.nested("RmtInf", "Ustrd", e.reference());
        if (e.isReturn()) {
            x.open("RtrInf").nested("Rsn", "Cd", e.returnReasonCode());
            if (e.returnReasonText() != null) x.text("AddtlInf", e.returnReasonText());
            x.close();
        }
        x.close().close();
        x.close();
    }
}
