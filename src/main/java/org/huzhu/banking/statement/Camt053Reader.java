package org.huzhu.banking.statement;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
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

    private static ParsedStatement v08(String xml) {
        MxCamt05300108 mx = parse(() -> MxCamt05300108.parse(xml));
        if (mx == null || mx.getBkToCstmrStmt() == null) throw unreadable();
        var statement = mx.getBkToCstmrStmt();
        String messageId = statement.getGrpHdr() == null ? null : statement.getGrpHdr().getMsgId();
        List<ParsedStatement.Line> lines = new ArrayList<>();
        int entryNo = 0;
        for (AccountStatement9 stmt : statement.getStmt()) {
            String account = stmt.getAcct() == null ? null : account(stmt.getAcct().getId());
            for (ReportEntry10 entry : stmt.getNtry()) {
                entryNo++;
                String at = "第 " + entryNo + " 笔分录（Ntry" + (entry.getNtryRef() == null ? "" : " " + entry.getNtryRef()) + "）";
                LocalDate booked = date(entry.getBookgDt() == null ? null : entry.getBookgDt().getDt(),
                        entry.getBookgDt() == null ? null : entry.getBookgDt().getDtTm());
                LocalDate value = date(entry.getValDt() == null ? null : entry.getValDt().getDt(),
                        entry.getValDt() == null ? null : entry.getValDt().getDtTm());
                if (value == null) value = booked;
                if (value == null) throw new StatementFileException(at + "：缺少记账日期和起息日期（BookgDt / ValDt）");
                if (booked == null) booked = value;
                List<EntryTransaction10> txs = entry.getNtryDtls().stream().map(EntryDetails9::getTxDtls).flatMap(List::stream).toList();
                boolean split = txs.size() > 1 && txs.stream().allMatch(t -> t.getAmt() != null);
                if (!split) {
                    EntryTransaction10 tx = txs.isEmpty() ? null : txs.getFirst();
                    boolean credit = credit(entry.getCdtDbtInd(), at);
                    lines.add(line08(at, account, booked, value, credit, amount(entry.getAmt(), at), currency(entry.getAmt()), tx,
                            firstNonBlank(tx == null || tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                                    entry.getAcctSvcrRef(), entry.getNtryRef()), entry.getAddtlNtryInf()));
                } else {
                    for (int i = 0; i < txs.size(); i++) {
                        EntryTransaction10 tx = txs.get(i);
                        String txAt = at + "第 " + (i + 1) + " 笔交易";
                        boolean credit = credit(tx.getCdtDbtInd() != null ? tx.getCdtDbtInd() : entry.getCdtDbtInd(), txAt);
                        String entryKey = firstNonBlank(entry.getAcctSvcrRef(), entry.getNtryRef());
                        lines.add(line08(txAt, account, booked, value, credit, amount(tx.getAmt(), txAt), currency(tx.getAmt()), tx,
                                firstNonBlank(tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                                        entryKey == null ? null : entryKey + "/" + (i + 1)), entry.getAddtlNtryInf()));
                    }
                }
            }
        }
        if (lines.isEmpty()) throw new StatementFileException("对账单中没有分录（Ntry）");
        return new ParsedStatement("CAMT053", messageId, lines);
    }

    private static ParsedStatement.Line line08(String at, String account, LocalDate booked, LocalDate value, boolean credit,
                                               Money amount, String currency, EntryTransaction10 tx, String bankReference,
                                               String entryInfo) {
        String name = null;
        String counterpartyAccount = null;
        String remittance = null;
        String endToEnd = null;
        if (tx != null) {
            var parties = tx.getRltdPties();
            if (parties != null) {
                var party = credit ? parties.getDbtr() : parties.getCdtr();
                if (party != null && party.getPty() != null) name = party.getPty().getNm();
                var acct = credit ? parties.getDbtrAcct() : parties.getCdtrAcct();
                if (acct != null) counterpartyAccount = account(acct.getId());
            }
            if (tx.getRmtInf() != null) {
                remittance = join(Stream.concat(tx.getRmtInf().getUstrd().stream(), tx.getRmtInf().getStrd().stream()
                        .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef())));
            }
            if (tx.getRefs() != null) endToEnd = endToEnd(tx.getRefs().getEndToEndId());
            remittance = join(Stream.of(remittance, tx.getAddtlTxInf()));
        }
        remittance = join(Stream.of(remittance, entryInfo));
        return new ParsedStatement.Line(at, account, booked, value, credit, amount, currency, name, counterpartyAccount, remittance,
                endToEnd, bankReference);
    }

    private static ParsedStatement v02(String xml) {
        MxCamt05300102 mx = parse(() -> MxCamt05300102.parse(xml));
        if (mx == null || mx.getBkToCstmrStmt() == null) throw unreadable();
        var statement = mx.getBkToCstmrStmt();
        String messageId = statement.getGrpHdr() == null ? null : statement.getGrpHdr().getMsgId();
        List<ParsedStatement.Line> lines = new ArrayList<>();
        int entryNo = 0;
        for (AccountStatement2 stmt : statement.getStmt()) {
            String account = stmt.getAcct() == null ? null : account(stmt.getAcct().getId());
            for (ReportEntry2 entry : stmt.getNtry()) {
                entryNo++;
                String at = "第 " + entryNo + " 笔分录（Ntry" + (entry.getNtryRef() == null ? "" : " " + entry.getNtryRef()) + "）";
                LocalDate booked = date(entry.getBookgDt() == null ? null : entry.getBookgDt().getDt(),
                        entry.getBookgDt() == null ? null : entry.getBookgDt().getDtTm());
                LocalDate value = date(entry.getValDt() == null ? null : entry.getValDt().getDt(),
                        entry.getValDt() == null ? null : entry.getValDt().getDtTm());
                if (value == null) value = booked;
                if (value == null) throw new StatementFileException(at + "：缺少记账日期和起息日期（BookgDt / ValDt）");
                if (booked == null) booked = value;
                boolean credit = credit(entry.getCdtDbtInd(), at);
                List<EntryTransaction2> txs = entry.getNtryDtls().stream().map(EntryDetails1::getTxDtls).flatMap(List::stream).toList();
                EntryTransaction2 tx = txs.isEmpty() ? null : txs.getFirst();
                String name = null;
                String counterpartyAccount = null;
                String remittance = null;
                String endToEnd = null;
                if (tx != null) {
                    var parties = tx.getRltdPties();
                    if (parties != null) {
                        var party = credit ? parties.getDbtr() : parties.getCdtr();
                        if (party != null) name = party.getNm();
                        var acct = credit ? parties.getDbtrAcct() : parties.getCdtrAcct();
                        if (acct != null) counterpartyAccount = account(acct.getId());
                    }
                    if (tx.getRmtInf() != null) {
                        remittance = join(Stream.concat(tx.getRmtInf().getUstrd().stream(), tx.getRmtInf().getStrd().stream()
                                .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef())));
                    }
                    if (tx.getRefs() != null) endToEnd = endToEnd(tx.getRefs().getEndToEndId());
                    remittance = join(Stream.of(remittance, tx.getAddtlTxInf()));
                }
                remittance = join(Stream.of(remittance, entry.getAddtlNtryInf()));
                String reference = firstNonBlank(tx == null || tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                        entry.getAcctSvcrRef(), entry.getNtryRef());
                lines.add(new ParsedStatement.Line(at, account, booked, value, credit, amount(entry.getAmt(), at), currency(entry.getAmt()),
                        name, counterpartyAccount, remittance, endToEnd, reference));
            }
        }
        if (lines.isEmpty()) throw new StatementFileException("对账单中没有分录（Ntry）");
        return new ParsedStatement("CAMT053", messageId, lines);
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
