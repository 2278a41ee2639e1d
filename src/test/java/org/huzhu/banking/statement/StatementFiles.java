package org.huzhu.banking.statement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Builds statement files for tests: the plain CSV and a camt.053.001.08 document. */
public final class StatementFiles {

    private StatementFiles() {
    }

    /**
     * One movement: {@code amount} signed (credit positive), {@code remittance} free text, {@code bankReference}
     * the bank's own reference, {@code endToEndId} may be null.
     */
    public record Movement(LocalDate date, String amount, String counterparty, String remittance, String bankReference,
                           String endToEndId) {

        public static Movement credit(LocalDate date, String amount, String remittance, String bankReference) {
            return new Movement(date, amount, "测试单位", remittance, bankReference, null);
        }

        public static Movement debit(LocalDate date, String amount, String endToEndId, String bankReference) {
            return new Movement(date, "-" + amount, "职工", "互助金给付 " + endToEndId, bankReference, endToEndId);
        }
    }

    public static byte[] csv(List<Movement> movements) {
        StringBuilder csv = new StringBuilder("交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n");
        for (Movement m : movements) {
            csv.append(m.date()).append(',').append(m.amount()).append(',').append(m.counterparty()).append(",6222000000000000,")
                    .append(m.remittance() == null ? "" : m.remittance()).append(',').append(m.bankReference()).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] camt053(String messageId, List<Movement> movements) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-21T06:00:00+08:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%s-1</Id>
                      <CreDtTm>2026-11-21T06:00:00+08:00</CreDtTm>
                      <Acct><Id><Othr><Id>420000000000000001</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                """.formatted(messageId, messageId));
        int n = 0;
        for (Movement m : movements) {
            n++;
            boolean credit = !m.amount().startsWith("-");
            String amount = credit ? m.amount() : m.amount().substring(1);
            xml.append("""
                          <Ntry>
                            <NtryRef>%d</NtryRef>
                            <Amt Ccy="CNY">%s</Amt>
                            <CdtDbtInd>%s</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>%s</AcctSvcrRef>
                            <NtryDtls><TxDtls>
                              <Refs><EndToEndId>%s</EndToEndId></Refs>
                              <RltdPties><%s><Pty><Nm>%s</Nm></Pty></%s><%sAcct><Id><Othr><Id>6222000000000000</Id></Othr></Id></%sAcct></RltdPties>
                              <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                            </TxDtls></NtryDtls>
                          </Ntry>
                    """.formatted(n, amount, credit ? "CRDT" : "DBIT", m.date(), m.date(), m.bankReference(),
                    m.endToEndId() == null ? "NOTPROVIDED" : m.endToEndId(), credit ? "Dbtr" : "Cdtr", escape(m.counterparty()),
                    credit ? "Dbtr" : "Cdtr", credit ? "Dbtr" : "Cdtr", credit ? "Dbtr" : "Cdtr",
                    escape(m.remittance() == null ? "-" : m.remittance())));
        }
        xml.append("""
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
