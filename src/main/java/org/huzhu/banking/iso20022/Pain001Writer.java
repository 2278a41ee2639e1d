package org.huzhu.banking.iso20022;

import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huzhu.banking.CreditTransfer;
import org.huzhu.banking.PaymentFile;

/**
 * Writes a payment file as pain.001.001.09 (CustomerCreditTransferInitiationV09), built with Prowide
 * ISO 20022's JAXB model ({@link MxPain00100109} and its {@code dic} types) and serialised by Prowide:
 * one group header, one payment information block debiting the fund's account (booked by the bank as
 * one batch debit, BtchBookg), one CdtTrfTxInf per transfer with its end-to-end id, amount in CNY
 * (exact, two decimals), payee name, account and bank. Only the {@code Document} is written (no
 * business application header, no envelope), in the pain.001.001.09 namespace without prefix.
 * The JAXB context is built once and shared. The output is validated against the profile schema
 * ({@code iso20022/pain.001.001.09.xsd}) in tests, and by the simulated bank on every file it receives.
 */
public final class Pain001Writer {

    private static final String CNY = "CNY";
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(new MxPain00100109().getClasses());
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The ordering customer: the fund, its account and its bank. */
    public record Debtor(String name, String account, String bankName) {
    }

    private Pain001Writer() {
    }

    public static String write(PaymentFile file, Debtor fund) {
        return serialise(build(file, fund));
    }

    /** The message as Prowide's model. */
    static MxPain00100109 build(PaymentFile file, Debtor fund) {
        List<CreditTransfer> transfers = file.transfers();
        String count = Integer.toString(transfers.size());
        BigDecimal total = money(file.total().amount());
        OffsetDateTime created = file.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(Xml.BEIJING);

        PaymentInstruction30 block = new PaymentInstruction30()
                .setPmtInfId(file.messageId() + "-1")
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(Boolean.TRUE)
                .setNbOfTxs(count)
                .setCtrlSum(total)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(file.executionDate()))
                .setDbtr(party(fund.name()))
                .setDbtrAcct(account(fund.account()).setCcy(CNY))
                .setDbtrAgt(agent(fund.bankName()))
                .setChrgBr(ChargeBearerType1Code.DEBT);
        List<CreditTransferTransaction34> txs = block.getCdtTrfTxInf();
        for (CreditTransfer t : transfers) {
            CreditTransferTransaction34 tx = new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setEndToEndId(t.endToEndId()))
                    .setAmt(new AmountType4Choice().setInstdAmt(
                            new ActiveOrHistoricCurrencyAndAmount().setValue(money(t.amount().amount())).setCcy(CNY)))
                    .setCdtrAgt(agent(t.bankName()))
                    .setCdtr(party(t.payeeName()))
                    .setCdtrAcct(account(t.accountNumber()));
            if (t.remittance() != null) tx.setRmtInf(new RemittanceInformation16().addUstrd(t.remittance()));
            txs.add(tx);
        }

        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(file.messageId())
                        .setCreDtTm(created)
                        .setNbOfTxs(count)
                        .setCtrlSum(total)
                        .setInitgPty(party(fund.name())))
                .addPmtInf(block);
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation);
    }

    /**
     * The Document alone (no AppHdr, no envelope) by Prowide's writer: XML declaration first, default
     * namespace (no prefix), one element per line without indentation, and only the XML special
     * characters escaped, so Chinese names stay as UTF-8 text rather than numeric character references.
     */
    static String serialise(MxPain00100109 mx) {
        MxWriteParams params = new MxWriteParams();
        params.context = CONTEXT;
        params.prefix = null;
        params.includeXMLDeclaration = true;
        params.indent = "";
        params.escapeHandler = new MinimumEscapeHandler();
        return mx.document(params);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static PartyIdentification135 party(String name) {
        return new PartyIdentification135().setNm(name);
    }

    private static CashAccount38 account(String number) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(number)));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String name) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18().setNm(name));
    }
}
