package org.huzhu.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.banking.iso20022.BankSideWriter;
import org.huzhu.banking.iso20022.Iso20022Reader;
import org.huzhu.banking.iso20022.Pain001Reader;
import org.huzhu.banking.iso20022.Pain001Writer;
import org.huzhu.banking.iso20022.Schemas;
import org.huzhu.banking.iso20022.StreamingReader;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO 20022 on the wire: the pain.001 we build with Prowide's model, the pain.002 / camt.054 / camt.053 we read, checked against the schemas. */
class Iso20022Test {

    private static final Pain001Writer.Debtor FUND = new Pain001Writer.Debtor("湖北省总工会职工互助保障金", "4202000109300123456",
            "中国工商银行武汉市分行营业部");
    private static final Instant AT = Instant.parse("2026-11-23T02:30:00Z");

    private static PaymentFile file() {
        return new PaymentFile("HZPB-20261123-7", AT, LocalDate.of(2026, 11, 23), List.of(
                new CreditTransfer("HZ-101-1", "张三", "中国建设银行武汉江岸支行", "6217002870012345678", Money.of("3000.00"), "职工互助保障金 HZ-101-1"),
                new CreditTransfer("HZ-102-2", "李四", "中国农业银行荆门分行", "6228480012345670004", Money.of("480.50"), "职工互助保障金 HZ-102-2")));
    }

    @Test
    void thePaymentFileIsAValidPain001ThatProwideReadsBackFieldForField() {
        String xml = Pain001Writer.write(file(), FUND);

        Schemas.validate(Schemas.PAIN_001, xml);
        MxPain00100109 mx = MxPain00100109.parse(xml);
        var initiation = mx.getCstmrCdtTrfInitn();
        assertThat(initiation.getGrpHdr().getMsgId()).isEqualTo("HZPB-20261123-7");
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("2");
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("3480.50");
        assertThat(initiation.getGrpHdr().getCreDtTm().toString()).isEqualTo("2026-11-23T10:30+08:00");
        var block = initiation.getPmtInf().getFirst();
        assertThat(block.getPmtMtd().value()).isEqualTo("TRF");
        assertThat(block.getDbtr().getNm()).isEqualTo("湖北省总工会职工互助保障金");
        assertThat(block.getDbtrAcct().getId().getOthr().getId()).isEqualTo("4202000109300123456");
        assertThat(block.getReqdExctnDt().getDt()).isEqualTo(LocalDate.of(2026, 11, 23));
        List<CreditTransferTransaction34> txs = block.getCdtTrfTxInf();
        assertThat(txs).extracting(t -> t.getPmtId().getEndToEndId(), t -> t.getAmt().getInstdAmt().getValue().toPlainString(),
                        t -> t.getAmt().getInstdAmt().getCcy(), t -> t.getCdtr().getNm(), t -> t.getCdtrAcct().getId().getOthr().getId(),
                        t -> t.getCdtrAgt().getFinInstnId().getNm(), t -> t.getRmtInf().getUstrd().getFirst())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HZ-101-1", "3000.00", "CNY", "张三", "6217002870012345678", "中国建设银行武汉江岸支行",
                                "职工互助保障金 HZ-101-1"),
                        org.assertj.core.groups.Tuple.tuple("HZ-102-2", "480.50", "CNY", "李四", "6228480012345670004", "中国农业银行荆门分行",
                                "职工互助保障金 HZ-102-2"));
    }

    @Test
    void theBanksReaderSeesWhatTheFileSays() {
        Pain001Reader.Read read = Pain001Reader.read(Pain001Writer.write(file(), FUND));

        assertThat(read.messageId()).isEqualTo("HZPB-20261123-7");
        assertThat(read.debtorAccount()).isEqualTo("4202000109300123456");
        assertThat(read.transfers()).extracting(Pain001Reader.Transfer::endToEndId, Pain001Reader.Transfer::payeeName,
                Pain001Reader.Transfer::account, Pain001Reader.Transfer::bankName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-101-1", "张三", "6217002870012345678", "中国建设银行武汉江岸支行"),
                        org.assertj.core.groups.Tuple.tuple("HZ-102-2", "李四", "6228480012345670004", "中国农业银行荆门分行"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no end-to-end id       | <PmtId><EndToEndId>HZ-101-1</EndToEndId></PmtId> | <PmtId></PmtId>",
            "message id over 35     | <MsgId>HZPB-20261123-7</MsgId>                    | <MsgId>HZPB-20261123-7-0123456789-0123456789</MsgId>",
            "amount with 6 decimals | >3000.00<                                        | >3000.000001<",
            "unknown payment method | <PmtMtd>TRF</PmtMtd>                              | <PmtMtd>WIRE</PmtMtd>",
            "elements out of order  | <NbOfTxs>2</NbOfTxs><CtrlSum>3480.50</CtrlSum>    | <CtrlSum>3480.50</CtrlSum><NbOfTxs>2</NbOfTxs>"})
    void aFileThatBreaksTheSchemaIsRefusedWithTheLine(String what, String good, String bad) {
        String xml = Pain001Writer.write(file(), FUND);
        Schemas.validate(Schemas.PAIN_001, xml);
        // Prowide writes one element per line: match the fragment whatever whitespace lies between its tags
        Matcher fragment = Pattern.compile(Arrays.stream(good.split("><", -1)).map(Pattern::quote).collect(Collectors.joining(">\\s*<")))
                .matcher(xml);
        assertThat(fragment.find()).as("the writer's output contains %s", good).isTrue();
        String broken = fragment.replaceFirst(Matcher.quoteReplacement(bad));

        assertThatThrownBy(() -> Schemas.validate(Schemas.PAIN_001, broken))
                .isInstanceOf(Schemas.InvalidDocumentException.class).hasMessageContaining("行不符合报文规范");
    }

    @Test
    void thePain001IsProwidesOwnSerialisationOfItsModelAsABareDocument() {
        String xml = Pain001Writer.write(file(), FUND);

        assertThat(xml).startsWith("<?xml").doesNotContain("AppHdr").doesNotContain("RequestPayload").doesNotContain("&#");
        assertThat(xml.lines().skip(1).findFirst()).contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">");
        MxPain00100109 mx = MxPain00100109.parse(xml);
        assertThat(mx.getAppHdr()).isNull();
        MxWriteParams params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        params.indent = "";
        params.escapeHandler = new MinimumEscapeHandler();
        assertThat(mx.document(params)).as("Prowide writes its parsed model back to the very same text").isEqualTo(xml);
    }

    @ParameterizedTest(name = "{0} yuan is written {1}")
    @CsvSource({"3000, 3000.00", "0.1, 0.10", "480.5, 480.50", "12345678.9, 12345678.90", "0.01, 0.01"})
    void amountsAreExactDecimalsWithTwoPlaces(String amount, String written) {
        PaymentFile one = new PaymentFile("HZPB-AMT-1", AT, LocalDate.of(2026, 11, 23), List.of(
                new CreditTransfer("HZ-201-1", "王五", "中国银行宜昌分行", "6216600100001234567", Money.of(amount), null)));

        String xml = Pain001Writer.write(one, FUND);

        Schemas.validate(Schemas.PAIN_001, xml);
        assertThat(xml).contains("<InstdAmt Ccy=\"CNY\">" + written + "</InstdAmt>").contains("<CtrlSum>" + written + "</CtrlSum>");
        CreditTransferTransaction34 tx = MxPain00100109.parse(xml).getCstmrCdtTrfInitn().getPmtInf().getFirst().getCdtTrfTxInf().getFirst();
        assertThat(tx.getAmt().getInstdAmt().getValue()).isEqualTo(new BigDecimal(written));
        assertThat(tx.getRmtInf()).as("no remittance given, none written").isNull();
    }

    @Test
    void aFullBenchmarkSizedFileOf5000TransfersReadsBackTransferForTransfer() {
        List<CreditTransfer> transfers = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= 5000; i++) {
            BigDecimal amount = new BigDecimal(100 + i).add(new BigDecimal(i % 100).movePointLeft(2));
            total = total.add(amount);
            transfers.add(new CreditTransfer("HZ-" + i + "-1", "职工" + i, "中国建设银行武汉江岸支行", "621700287" + (1000000000L + i),
                    new Money(amount), "职工互助保障金 HZ-" + i + "-1"));
        }
        PaymentFile big = new PaymentFile("HZPB-20261123-9", AT, LocalDate.of(2026, 11, 23), transfers);

        String xml = Pain001Writer.write(big, FUND);

        Schemas.validate(Schemas.PAIN_001, xml);
        var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("5000");
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualTo(total.setScale(2));
        List<CreditTransferTransaction34> txs = initiation.getPmtInf().getFirst().getCdtTrfTxInf();
        assertThat(txs).hasSize(5000);
        for (int i = 0; i < transfers.size(); i++) {
            CreditTransfer want = transfers.get(i);
            CreditTransferTransaction34 got = txs.get(i);
            assertThat(List.of(got.getPmtId().getEndToEndId(), got.getAmt().getInstdAmt().getValue().toPlainString(), got.getAmt().getInstdAmt().getCcy(),
                    got.getCdtr().getNm(), got.getCdtrAcct().getId().getOthr().getId(), got.getCdtrAgt().getFinInstnId().getNm(),
                    got.getRmtInf().getUstrd().getFirst()))
                    .as("transfer %d", i + 1)
                    .containsExactly(want.endToEndId(), want.amount().amount().toPlainString(), "CNY", want.payeeName(), want.accountNumber(),
                            want.bankName(), want.remittance());
        }
        assertThat(Pain001Reader.read(xml).transfers()).extracting(Pain001Reader.Transfer::endToEndId)
                .containsExactlyElementsOf(transfers.stream().map(CreditTransfer::endToEndId).toList());
    }

    /** A status report as a bank writes it, not by our writer: reason in Cd and a text of the bank's own. */
    private static final String BANK_PAIN_002 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>ICBC-STS-0001</MsgId><CreDtTm>2026-11-23T23:50:00+08:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>HZPB-20261123-7</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>HZPB-20261123-7-1</OrgnlPmtInfId>
                  <TxInfAndSts><OrgnlEndToEndId>HZ-101-1</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
                  <TxInfAndSts><OrgnlEndToEndId>HZ-102-2</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                    <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
                  <TxInfAndSts><OrgnlEndToEndId>HZ-103-1</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                    <StsRsnInf><Rsn><Cd>BE01</Cd></Rsn><AddtlInf>收款人户名与账号不一致</AddtlInf></StsRsnInf></TxInfAndSts>
                </OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """;

    @Test
    void aStatusReportGivesEachTransfersStatusAndReasonInChinese() {
        Schemas.validate(Schemas.PAIN_002, BANK_PAIN_002.strip());
        BankReport.StatusReport report = Iso20022Reader.statusReport(BANK_PAIN_002.strip());

        assertThat(report.messageId()).isEqualTo("ICBC-STS-0001");
        assertThat(report.originalMessageId()).isEqualTo("HZPB-20261123-7");
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.reportedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(report.transactions()).containsExactly(
                new TransactionStatus("HZ-101-1", "ACSC", null, null),
                new TransactionStatus("HZ-102-2", "RJCT", "AC04", "账户已销户"),
                new TransactionStatus("HZ-103-1", "RJCT", "BE01", "收款人户名与账号不一致"));
    }

    @Test
    void theSimulatedBanksMessagesAreValidAndReadBack() {
        var account = new BankSideWriter.Account("4202000109300123456", "湖北省总工会职工互助保障金");
        String pain002 = BankSideWriter.statusReport("SIMSTS-1", AT, "HZPB-20261123-7", 2, "PART", List.of(
                new TransactionStatus("HZ-101-1", "ACSC", null, null), new TransactionStatus("HZ-102-2", "RJCT", "AC04", "账户已销户")));
        LocalDate day = LocalDate.of(2026, 11, 23);
        String camt054 = BankSideWriter.notification("SIMNTF-2", AT, account, List.of(
                new Entry("HZ-101-1", false, Money.of("3000.00"), day, null, null, "互助金支付 HZ-101-1"),
                new Entry("HZ-105-1", true, Money.of("200.00"), day, "AC04", "账户已销户", "退票 HZ-105-1")));
        String camt053 = BankSideWriter.statement("SIMSTMT-3", AT, account, day, Money.of("10000.00"), Money.of("7200.00"), List.of(
                new Entry("HZ-101-1", false, Money.of("3000.00"), day, null, null, "互助金支付 HZ-101-1"),
                new Entry("HZ-105-1", true, Money.of("200.00"), day, "AC04", "账户已销户", "退票 HZ-105-1")));

        String batch = BankSideWriter.batchNotification("SIMNTF-4", AT, account, day, "HZPB-20261123-7", List.of(
                new Entry("HZ-101-1", false, Money.of("3000.00"), day, null, null, null),
                new Entry("HZ-103-1", false, Money.of("12.34"), day, null, null, null)));
        Schemas.validate(Schemas.PAIN_002, pain002);
        Schemas.validate(Schemas.CAMT_054, camt054);
        Schemas.validate(Schemas.CAMT_054, batch);
        assertThat(Iso20022Reader.notification(batch).entries()).extracting(Entry::endToEndId, Entry::credit, Entry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-101-1", false, Money.of("3000.00")),
                        org.assertj.core.groups.Tuple.tuple("HZ-103-1", false, Money.of("12.34")));
        Schemas.validate(Schemas.CAMT_053, camt053);
        assertThat(Iso20022Reader.statusReport(pain002).transactions()).extracting(TransactionStatus::endToEndId, TransactionStatus::status,
                TransactionStatus::reasonCode).containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-101-1", "ACSC", null),
                org.assertj.core.groups.Tuple.tuple("HZ-102-2", "RJCT", "AC04"));
        BankReport.Notification note = Iso20022Reader.notification(camt054);
        assertThat(note.entries()).extracting(Entry::endToEndId, Entry::credit, Entry::amount, Entry::isReturn, Entry::returnReasonText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HZ-101-1", false, Money.of("3000.00"), false, null),
                        org.assertj.core.groups.Tuple.tuple("HZ-105-1", true, Money.of("200.00"), true, "账户已销户"));
        BankReport.Statement statement = Iso20022Reader.statement(camt053);
        assertThat(statement.day()).isEqualTo(day);
        assertThat(statement.openingBalance()).isEqualTo(Money.of("10000.00"));
        assertThat(statement.closingBalance()).isEqualTo(Money.of("7200.00"));
        assertThat(statement.entries()).hasSize(2);
    }

    /**
     * Large status reports and notifications are read in one streaming pass; they must say exactly
     * what Prowide's reading of the same message says: every status, reason code and text (given, or
     * the code's Chinese text), every entry of a batch booking and of a return.
     */
    @Test
    void largeMessagesReadStreamingSayWhatProwideReads() {
        var account = new BankSideWriter.Account("4202000109300123456", "湖北省总工会职工互助保障金");
        LocalDate day = LocalDate.of(2026, 11, 23);
        List<TransactionStatus> statuses = new ArrayList<>();
        List<Entry> paid = new ArrayList<>();
        List<Entry> returned = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            String e2e = "HZ-" + (5000 + i) + "-1";
            Money amount = Money.of(i + "." + String.format("%02d", i % 100));
            switch (i % 4) {
                case 0 -> statuses.add(new TransactionStatus(e2e, "RJCT", "AC04", null));
                case 1 -> statuses.add(new TransactionStatus(e2e, "RJCT", "BE01", "收款人户名与账号不一致 & <核对>"));
                default -> {
                    statuses.add(new TransactionStatus(e2e, "ACSC", null, null));
                    paid.add(new Entry(e2e, false, amount, day, null, null, null));
                    if (i % 7 == 0) returned.add(new Entry(e2e, true, amount, day, "AC04", i % 2 == 0 ? null : "账户已销户", "退票 " + e2e));
                }
            }
        }
        String pain002 = BankSideWriter.statusReport("SIMSTS-9", AT, "HZPB-20261123-9", statuses.size(), "PART", statuses);
        String batch = BankSideWriter.batchNotification("SIMNTF-10", AT, account, day, "HZPB-20261123-9", paid);
        String returns = BankSideWriter.notification("SIMRTN-11", AT, account, returned);
        for (String xml : List.of(pain002, batch, returns)) assertThat(xml.length()).isGreaterThan(64 * 1024);

        BankReport.StatusReport streamed = StreamingReader.statusReport(pain002);
        assertThat(streamed).isEqualTo(Iso20022Reader.statusReport(pain002));
        assertThat(streamed.transactions()).hasSize(3000).contains(new TransactionStatus("HZ-5004-1", "RJCT", "AC04", "账户已销户"),
                new TransactionStatus("HZ-5005-1", "RJCT", "BE01", "收款人户名与账号不一致 & <核对>"));
        assertThat(Iso20022Reader.read(BankMessage.STATUS_REPORT, pain002)).isEqualTo(streamed);
        for (String xml : List.of(batch, returns)) {
            BankReport.Notification note = StreamingReader.notification(xml);
            assertThat(note).isEqualTo(Iso20022Reader.notification(xml));
            assertThat(Iso20022Reader.read(BankMessage.NOTIFICATION, xml)).isEqualTo(note);
        }
        assertThat(StreamingReader.notification(batch).entries()).hasSize(paid.size());
        assertThat(StreamingReader.notification(returns).entries()).allMatch(Entry::isReturn).extracting(Entry::returnReasonText)
                .containsOnly("账户已销户");
        assertThat(StreamingReader.statusReport(BANK_PAIN_002.strip())).isEqualTo(Iso20022Reader.statusReport(BANK_PAIN_002.strip()));
    }
}
