package org.huzhu.banking.iso20022;

import org.huzhu.banking.CreditTransfer;
import org.huzhu.banking.PaymentFile;

/**
 * Writes a payment file as pain.001.001.09 (CustomerCreditTransferInitiationV09) with a streaming
 * writer: one group header, one payment information block debiting the fund's account (booked by the
 * bank as one batch debit, BtchBookg), one
 * CdtTrfTxInf per transfer with its end-to-end id, amount in CNY, payee name, account and bank.
 * Streaming because 5,000 transfers through a JAXB object tree cost several times as much
 * (measured in the payouts benchmark); the output is validated against the profile schema in tests.
 */
public final class Pain001Writer {

    /** The ordering customer: the fund, its account and its bank. */
    public record Debtor(String name, String account, String bankName) {
    }

    private Pain001Writer() {
    }

    public static String write(PaymentFile file, Debtor fund) {
        String count = Integer.toString(file.transfers().size());
        String total = Xml.money(file.total().amount());
        {
            Xml x = new Xml(Schemas.PAIN_001, 600 * file.transfers().size() + 2000);
            x.open("CstmrCdtTrfInitn");
            x.open("GrpHdr")
                    .text("MsgId", file.messageId())
                    .text("CreDtTm", Xml.dateTime(file.createdAt()))
                    .text("NbOfTxs", count)
                    .text("CtrlSum", total)
                    .nested("InitgPty", "Nm", fund.name())
                    .close();
            x.open("PmtInf")
                    .text("PmtInfId", file.messageId() + "-1")
                    .text("PmtMtd", "TRF")
                    .text("BtchBookg", "true")
                    .text("NbOfTxs", count)
                    .text("CtrlSum", total)
                    .nested("ReqdExctnDt", "Dt", file.executionDate().toString())
                    .nested("Dbtr", "Nm", fund.name());
            x.open("DbtrAcct").open("Id").nested("Othr", "Id", fund.account()).close().text("Ccy", "CNY").close();
            x.open("DbtrAgt").nested("FinInstnId", "Nm", fund.bankName()).close();
            x.text("ChrgBr", "DEBT");
            for (CreditTransfer t : file.transfers()) {
                x.open("CdtTrfTxInf");
                x.nested("PmtId", "EndToEndId", t.endToEndId());
                x.open("Amt").amount("InstdAmt", t.amount().amount(), "CNY").close();
                x.open("CdtrAgt").nested("FinInstnId", "Nm", t.bankName()).close();
                x.nested("Cdtr", "Nm", t.payeeName());
                x.open("CdtrAcct").open("Id").nested("Othr", "Id", t.accountNumber()).close().close();
                if (t.remittance() != null) x.nested("RmtInf", "Ustrd", t.remittance());
                x.close();
            }
            x.close();
            x.close();
            return x.finish();
        }
    }
}
