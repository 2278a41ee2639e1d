package org.huzhu.banking.statement;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.huzhu.shared.Money;

/**
 * Reads a camt.053 bank-to-customer statement (versions 001.02 and 001.08) with Prowide ISO 20022.
 * The XML is first checked for well-formedness by a StAX reader with DTDs and external entities
 * disabled, so that a broken file is refused naming its line. Each entry (Ntry) is one line; an
 * entry that batches several transactions with their own amounts gives one line per transaction.
 * The bank's reference of a line is the transaction's AcctSvcrRef, else the entry's AcctSvcrRef,
 * else its NtryRef (with the transaction's position when an entry has several).
 */
final class Camt053Reader {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

    private Camt053Reader() {
    }

    static boolean looksLikeXml(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue;
            return b == '<';
        }
        return false;
    }

    static ParsedStatement read(byte[] content) {
        Prescan scan = prescan(content);
        if (scan.namespace == null || !scan.namespace.startsWith(NAMESPACE)) {
            throw new StatementFileException("XML 文件不是 camt.053 银行对账单（命名空间：" + (scan.namespace == null ? "无" : scan.namespace) + "）");
        }
        String version = scan.namespace.substring(NAMESPACE.length());
        String xml = new String(content, scan.charset);
        return switch (version) {
            case "08" -> v08(xml);
            case "02" -> v02(xml);
            default -> throw new StatementFileException("暂不支持 camt.053.001." + version + "，请使用 camt.053.001.08 或 camt.053.001.02");
        };
    }

    // ---------------------------------------------------------------- the two versions, read into one form

    /** One statement (Stmt) as both versions give it: the account and its entries. */
    private record Statement(String account, List<Entry> entries) {
    }

    /** One entry (Ntry), whichever version it came from. */
    private record Entry(String ntryRef, String acctSvcrRef, LocalDate booked, LocalDate value, CreditDebitCode direction,
                         ActiveOrHistoricCurrencyAndAmount amount, String info, List<Tx> transactions) {
    }

    /**
     * One transaction detail (TxDtls): its own amount and direction (001.08 only; null in 001.02),
     * references, the parties on both sides, and its remittance texts.
     */
    private record Tx(CreditDebitCode direction, ActiveOrHistoricCurrencyAndAmount amount, String acctSvcrRef, String endToEndId,
                      String debtorName, String debtorAccount, String creditorName, String creditorAccount, List<String> remittance,
                      String info) {
    }

    private static ParsedStatement v08(String xml) {
        MxCamt05300108 mx = parse(() -> MxCamt05300108.parse(xml));
        if (mx == null || mx.getBkToCstmrStmt() == null) throw unreadable();
        var statement = mx.getBkToCstmrStmt();
        List<Statement> statements = statement.getStmt().stream().map(stmt -> new Statement(
                stmt.getAcct() == null ? null : account(stmt.getAcct().getId()),
                stmt.getNtry().stream().map(e -> new Entry(e.getNtryRef(), e.getAcctSvcrRef(),
                        e.getBookgDt() == null ? null : date(e.getBookgDt().getDt(), e.getBookgDt().getDtTm()),
                        e.getValDt() == null ? null : date(e.getValDt().getDt(), e.getValDt().getDtTm()),
                        e.getCdtDbtInd(), e.getAmt(), e.getAddtlNtryInf(),
                        e.getNtryDtls().stream().map(EntryDetails9::getTxDtls).flatMap(List::stream).map(Camt053Reader::tx08).toList()))
                        .toList())).toList();
        return lines(statement.getGrpHdr() == null ? null : statement.getGrpHdr().getMsgId(), statements);
    }

    private static Tx tx08(EntryTransaction10 tx) {
        var parties = tx.getRltdPties();
        var debtor = parties == null ? null : parties.getDbtr();
        var creditor = parties == null ? null : parties.getCdtr();
        return new Tx(tx.getCdtDbtInd(), tx.getAmt(), tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                debtor == null || debtor.getPty() == null ? null : debtor.getPty().getNm(),
                parties == null || parties.getDbtrAcct() == null ? null : account(parties.getDbtrAcct().getId()),
                creditor == null || creditor.getPty() == null ? null : creditor.getPty().getNm(),
                parties == null || parties.getCdtrAcct() == null ? null : account(parties.getCdtrAcct().getId()),
                tx.getRmtInf() == null ? List.of() : remittance(tx.getRmtInf().getUstrd(), tx.getRmtInf().getStrd().stream()
                        .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef())),
                tx.getAddtlTxInf());
    }

    private static ParsedStatement v02(String xml) {
        MxCamt05300102 mx = parse(() -> MxCamt05300102.parse(xml));
        if (mx == null || mx.getBkToCstmrStmt() == null) throw unreadable();
        var statement = mx.getBkToCstmrStmt();
        List<Statement> statements = statement.getStmt().stream().map(stmt -> new Statement(
                stmt.getAcct() == null ? null : account(stmt.getAcct().getId()),
                stmt.getNtry().stream().map(e -> new Entry(e.getNtryRef(), e.getAcctSvcrRef(),
                        e.getBookgDt() == null ? null : date(e.getBookgDt().getDt(), e.getBookgDt().getDtTm()),
                        e.getValDt() == null ? null : date(e.getValDt().getDt(), e.getValDt().getDtTm()),
                        e.getCdtDbtInd(), e.getAmt(), e.getAddtlNtryInf(),
                        e.getNtryDtls().stream().map(EntryDetails1::getTxDtls).flatMap(List::stream).map(Camt053Reader::tx02).toList()))
                        .toList())).toList();
        return lines(statement.getGrpHdr() == null ? null : statement.getGrpHdr().getMsgId(), statements);
    }

    /** 001.02 transaction details carry no amount or direction of their own: an entry of 001.02 is always one line. */
    private static Tx tx02(EntryTransaction2 tx) {
        var parties = tx.getRltdPties();
        return new Tx(null, null, tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                parties == null || parties.getDbtr() == null ? null : parties.getDbtr().getNm(),
                parties == null || parties.getDbtrAcct() == null ? null : account(parties.getDbtrAcct().getId()),
                parties == null || parties.getCdtr() == null ? null : parties.getCdtr().getNm(),
                parties == null || parties.getCdtrAcct() == null ? null : account(parties.getCdtrAcct().getId()),
                tx.getRmtInf() == null ? List.of() : remittance(tx.getRmtInf().getUstrd(), tx.getRmtInf().getStrd().stream()
                        .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef())),
                tx.getAddtlTxInf());
    }

    private static List<String> remittance(List<String> unstructured, Stream<String> creditorReferences) {
        return Stream.concat(unstructured.stream(), creditorReferences).filter(Objects::nonNull).toList();
    }

    // ---------------------------------------------------------------- lines, the same for both versions

    private static ParsedStatement lines(String messageId, List<Statement> statements) {
        List<ParsedStatement.Line> lines = new ArrayList<>();
        int entryNo = 0;
        for (Statement stmt : statements) {
            for (Entry entry : stmt.entries()) {
                entryNo++;
                String at = "第 " + entryNo + " 笔分录（Ntry" + (entry.ntryRef() == null ? "" : " " + entry.ntryRef()) + "）";
                LocalDate booked = entry.booked();
                LocalDate value = entry.value() != null ? entry.value() : booked;
                if (value == null) throw new StatementFileException(at + "：缺少记账日期和起息日期（BookgDt / ValDt）");
                if (booked == null) booked = value;
                List<Tx> txs = entry.transactions();
                boolean split = txs.size() > 1 && txs.stream().allMatch(t -> t.amount() != null);
                if (!split) {
                    Tx tx = txs.isEmpty() ? null : txs.getFirst();
                    boolean credit = credit(entry.direction(), at);
                    lines.add(line(at, stmt.account(), booked, value, credit, amount(entry.amount(), at), currency(entry.amount()), tx,
                            firstNonBlank(tx == null ? null : tx.acctSvcrRef(), entry.acctSvcrRef(), entry.ntryRef()), entry.info()));
                } else {
                    String entryKey = firstNonBlank(entry.acctSvcrRef(), entry.ntryRef());
                    for (int i = 0; i < txs.size(); i++) {
                        Tx tx = txs.get(i);
                        String txAt = at + "第 " + (i + 1) + " 笔交易";
                        boolean credit = credit(tx.direction() != null ? tx.direction() : entry.direction(), txAt);
                        lines.add(line(txAt, stmt.account(), booked, value, credit, amount(tx.amount(), txAt), currency(tx.amount()), tx,
                                firstNonBlank(tx.acctSvcrRef(), entryKey == null ? null : entryKey + "/" + (i + 1)), entry.info()));
                    }
                }
            }
        }
        if (lines.isEmpty()) throw new StatementFileException("对账单中没有分录（Ntry）");
        return new ParsedStatement("CAMT053", messageId, lines);
    }

    /** A line: the counterparty is the debtor of a credit and the creditor of a debit. */
    private static ParsedStatement.Line line(String at, String account, LocalDate booked, LocalDate value, boolean credit, Money amount,
                                             String currency, Tx tx, String bankReference, String entryInfo) {
        String name = null;
        String counterpartyAccount = null;
        String remittance = null;
        String endToEnd = null;
        if (tx != null) {
            name = credit ? tx.debtorName() : tx.creditorName();
            counterpartyAccount = credit ? tx.debtorAccount() : tx.creditorAccount();
            remittance = join(Stream.concat(tx.remittance().stream(), Stream.of(tx.info())));
            endToEnd = endToEnd(tx.endToEndId());
        }
        remittance = join(Stream.of(remittance, entryInfo));
        return new ParsedStatement.Line(at, account, booked, value, credit, amount, currency, name, counterpartyAccount, remittance,
                endToEnd, bankReference);
    }

    // ---------------------------------------------------------------- pieces

    private static boolean credit(CreditDebitCode code, String at) {
        if (code == null) throw new StatementFileException(at + "：缺少借贷标志（CdtDbtInd）");
        return code == CreditDebitCode.CRDT;
    }

    private static Money amount(ActiveOrHistoricCurrencyAndAmount amount, String at) {
        if (amount == null || amount.getValue() == null) throw new StatementFileException(at + "：缺少金额（Amt）");
        BigDecimal value = amount.getValue();
        if (value.signum() <= 0) throw new StatementFileException(at + "：金额应为正数：" + value.toPlainString());
        try {
            return new Money(value);
        } catch (IllegalArgumentException e) {
            throw new StatementFileException(at + "：金额最多两位小数：" + value.toPlainString());
        }
    }

    private static String currency(ActiveOrHistoricCurrencyAndAmount amount) {
        return amount == null || amount.getCcy() == null ? "CNY" : amount.getCcy();
    }

    private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
        if (date != null) return date;
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    private static String account(AccountIdentification4Choice id) {
        if (id == null) return null;
        if (id.getIBAN() != null) return id.getIBAN();
        return id.getOthr() == null ? null : id.getOthr().getId();
    }

    private static String endToEnd(String id) {
        return id == null || id.isBlank() || id.equals("NOTPROVIDED") ? null : id.strip();
    }

    private static String join(Stream<String> parts) {
        String text = parts.filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.run();
        } catch (RuntimeException e) {
            throw unreadable();
        }
    }

    private static StatementFileException unreadable() {
        return new StatementFileException("无法按 camt.053 报文结构读取该文件：请检查报文是否完整、元素是否符合 ISO 20022 规范");
    }

    /** What a secure StAX pass learns: the document's namespace and encoding; a malformed file fails naming its line. */
    private record Prescan(String namespace, java.nio.charset.Charset charset) {
    }

    private static Prescan prescan(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        String namespace = null;
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            String declared = reader.getCharacterEncodingScheme() != null ? reader.getCharacterEncodingScheme() : reader.getEncoding();
            if (declared != null) charset = charset(declared);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) throw new StatementFileException("XML 文件不能包含 DTD 声明");
                if (event == XMLStreamConstants.START_ELEMENT && namespace == null) {
                    String ns = reader.getNamespaceURI();
                    if (ns != null && ns.startsWith(NAMESPACE)) namespace = ns;
                    else if (reader.getLocalName().equals("Document")) namespace = ns == null ? "" : ns;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new StatementFileException("XML 格式错误" + (line > 0 ? "（第 " + line + " 行）" : "") + "：文件不是完整、有效的 XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
        return new Prescan(namespace == null || namespace.isEmpty() ? null : namespace, charset);
    }

    private static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (RuntimeException e) {
            throw new StatementFileException("XML 声明的编码无法识别：" + name);
        }
    }
}
