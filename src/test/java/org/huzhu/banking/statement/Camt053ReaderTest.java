package org.huzhu.banking.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** camt.053 statements read with Prowide ISO 20022: versions .08 and .02, batched entries, and broken files named by line or entry. */
class Camt053ReaderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final org.huzhu.shared.crypto.PersonalDataCipher CIPHER =
            new org.huzhu.shared.crypto.PersonalDataCipher(new byte[32], new byte[32]);

    @Test
    void readsEntriesOfAVersion08StatementWithTheirParties() {
        byte[] xml = StatementFiles.camt053("MSG-1", List.of(
                Movement.credit(DAY, "190.00", "互助金 HZB-12", "B001"),
                Movement.debit(DAY, "480.00", "HZ-7-1", "B002")));

        ParsedStatement statement = Camt053Reader.read(xml);

        assertThat(statement.format()).isEqualTo("CAMT053");
        assertThat(statement.messageId()).isEqualTo("MSG-1");
        assertThat(statement.lines()).hasSize(2);
        ParsedStatement.Line credit = statement.lines().get(0);
        assertThat(credit.credit()).isTrue();
        assertThat(credit.amount()).isEqualTo(Money.of("190.00"));
        assertThat(credit.valueDate()).isEqualTo(DAY);
        assertThat(credit.bankReference()).isEqualTo("B001");
        assertThat(credit.endToEndId()).as("NOTPROVIDED is no reference").isNull();
        assertThat(credit.remittance()).isEqualTo("互助金 HZB-12");
        assertThat(credit.counterpartyName()).isEqualTo("测试单位");
        assertThat(credit.counterpartyAccount()).isEqualTo("6222000000000000");
        assertThat(credit.account()).isEqualTo("420000000000000001");
        ParsedStatement.Line debit = statement.lines().get(1);
        assertThat(debit.credit()).isFalse();
        assertThat(debit.amount()).isEqualTo(Money.of("480.00"));
        assertThat(debit.endToEndId()).isEqualTo("HZ-7-1");
        assertThat(debit.counterpartyName()).isEqualTo("职工");
    }

    @Test
    void splitsABatchedEntryIntoItsTransactions() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>BATCH</MsgId><CreDtTm>2026-11-21T06:00:00+08:00</CreDtTm></GrpHdr>
                    <Stmt><Id>S</Id><Acct><Id><Othr><Id>1</Id></Othr></Id></Acct>
                      <Ntry>
                        <Amt Ccy="CNY">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><DtTm>2026-11-20T10:15:00+08:00</DtTm></BookgDt>
                        <AcctSvcrRef>BATCH-9</AcctSvcrRef>
                        <NtryDtls>
                          <TxDtls><Amt Ccy="CNY">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RmtInf><Ustrd>HZB-1</Ustrd></RmtInf></TxDtls>
                          <TxDtls><Refs><AcctSvcrRef>T-2</AcctSvcrRef></Refs><Amt Ccy="CNY">200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                            <RmtInf><Strd><CdtrRefInf><Ref>HZB-2</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;

        ParsedStatement statement = Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.lines()).extracting(ParsedStatement.Line::amount).containsExactly(Money.of("100.00"), Money.of("200.00"));
        assertThat(statement.lines()).extracting(ParsedStatement.Line::bankReference).containsExactly("BATCH-9/1", "T-2");
        assertThat(statement.lines()).extracting(ParsedStatement.Line::remittance).containsExactly("HZB-1", "HZB-2");
        assertThat(statement.lines()).extracting(ParsedStatement.Line::valueDate).containsOnly(DAY);
    }

    @Test
    void readsAVersion02Statement() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>V2</MsgId><CreDtTm>2026-11-21T06:00:00</CreDtTm></GrpHdr>
                    <Stmt><Id>S</Id><CreDtTm>2026-11-21T06:00:00</CreDtTm><Acct><Id><Othr><Id>42</Id></Othr></Id></Acct>
                      <Ntry>
                        <NtryRef>E1</NtryRef><Amt Ccy="CNY">215.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt>
                        <BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><AcctSvcrRef>V2-001</AcctSvcrRef><EndToEndId>E2E-1</EndToEndId></Refs>
                          <RltdPties><Dbtr><Nm>荆门某厂</Nm></Dbtr></RltdPties>
                          <RmtInf><Ustrd>ＨＺＢ－９</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;

        ParsedStatement statement = Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8));

        ParsedStatement.Line line = statement.lines().getFirst();
        assertThat(line.amount()).isEqualTo(Money.of("215.00"));
        assertThat(line.credit()).isTrue();
        assertThat(line.bankReference()).isEqualTo("V2-001");
        assertThat(line.endToEndId()).isEqualTo("E2E-1");
        assertThat(line.counterpartyName()).isEqualTo("荆门某厂");
        assertThat(line.remittance()).isEqualTo("ＨＺＢ－９");
    }

    /** The shape the simulated bank (banking.simulator) writes: balances, bank transaction codes, returns, no bank references. */
    @Test
    void readsAStatementWithoutBankReferencesAndKeysItsLinesByContent() {
        String entry = """
                      <Ntry><Amt Ccy="CNY">480.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls><Refs><EndToEndId>HZ-7-1</EndToEndId></Refs><Amt Ccy="CNY">480.00</Amt>
                          <CdtDbtInd>DBIT</CdtDbtInd><RmtInf><Ustrd>互助金给付</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                  <GrpHdr><MsgId>SIM-1</MsgId><CreDtTm>2026-11-21T00:00:00+08:00</CreDtTm></GrpHdr>
                  <Stmt><Id>SIM-1-1</Id><CreDtTm>2026-11-21T00:00:00+08:00</CreDtTm>
                    <FrToDt><FrDtTm>2026-11-20T00:00:00+08:00</FrDtTm><ToDtTm>2026-11-20T23:59:59+08:00</ToDtTm></FrToDt>
                    <Acct><Id><Othr><Id>4200</Id></Othr></Id><Ccy>CNY</Ccy><Nm>互助基金</Nm></Acct>
                    <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>
                    <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">40.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>
                """ + entry + entry + """
                  </Stmt></BkToCstmrStmt></Document>
                """;

        ParsedStatement statement = Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.lines()).hasSize(2).allSatisfy(l -> {
            assertThat(l.bankReference()).isNull();
            assertThat(l.endToEndId()).isEqualTo("HZ-7-1");
            assertThat(l.credit()).isFalse();
            assertThat(l.account()).isEqualTo("4200");
        });
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        String first = Statements.key(statement.lines().get(0), seen, CIPHER);
        String second = Statements.key(statement.lines().get(1), seen, CIPHER);
        assertThat(first).startsWith("K:").endsWith("#1");
        assertThat(second).isEqualTo(first.replace("#1", "#2"));
        assertThat(Statements.key(statement.lines().get(0), new java.util.HashMap<>(), CIPHER)).as("the same file again: the same keys").isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not closed            | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>                                                 | XML 格式错误
            not xml at all        | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt></Document>                                     | XML 格式错误
            another message       | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>                                | 不是 camt.053
            unsupported version   | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt/></Document>                                   | 暂不支持 camt.053.001.04
            no entries            | <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S</Id></Stmt></BkToCstmrStmt></Document> | 没有分录
            """)
    void refusesABrokenOrForeignDocument(String label, String xml, String message) {
        assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(StatementFileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void namesTheLineOfMalformedXml() {
        String xml = "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n<Stmt></Stm>\n</BkToCstmrStmt></Document>";

        assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("第 4 行");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no amount        | <CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt></BookgDt>                              | 第 1 笔分录（Ntry 7）：缺少金额
            three decimals   | <Amt Ccy="CNY">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt></BookgDt>    | 第 1 笔分录（Ntry 7）：金额最多两位小数
            negative amount  | <Amt Ccy="CNY">-5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt></BookgDt>    | 第 1 笔分录（Ntry 7）：金额应为正数
            no direction     | <Amt Ccy="CNY">5.00</Amt><BookgDt><Dt>2026-11-20</Dt></BookgDt>                                | 第 1 笔分录（Ntry 7）：缺少借贷标志
            no date          | <Amt Ccy="CNY">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>                                           | 第 1 笔分录（Ntry 7）：缺少记账日期
            """)
    void refusesAnEntryWithoutWhatALineNeedsNamingIt(String label, String entry, String message) {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>S</Id>"
                + "<Ntry><NtryRef>7</NtryRef>" + entry + "</Ntry></Stmt></BkToCstmrStmt></Document>";

        assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(StatementFileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesADocumentTypeDeclaration() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>";

        assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(StatementFileException.class);
    }
}
