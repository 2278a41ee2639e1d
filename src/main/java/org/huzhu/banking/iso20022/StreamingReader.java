package org.huzhu.banking.iso20022;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.huzhu.banking.BankReasons;
import org.huzhu.banking.BankReport;
import org.huzhu.banking.BankReport.Entry;
import org.huzhu.banking.BankReport.TransactionStatus;
import org.huzhu.shared.Money;

/**
 * Reads large pain.002.001.10 status reports and camt.054.001.08 notifications in one streaming
 * pass (StAX, DTDs and external entities off) into the same {@link BankReport}s as
 * {@link Iso20022Reader}'s Prowide path, which builds the whole JAXB tree first: for a 5,000-status
 * report that tree costs several times the reading. The same rules: only the first status reason of
 * a transaction counts, a reason without text gets its code's Chinese text, a notification entry
 * gives one entry per transaction detail (or itself when it has none), a detail without an amount or
 * direction takes the entry's. {@code Iso20022Test} reads the same messages both ways.
 */
public final class StreamingReader {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private StreamingReader() {
    }

    /** Walks the document: {@code start(name, parent)} and {@code end(name, parent, grandparent, text)} per element. */
    private abstract static class Walk {
        private final List<String> path = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        final void run(String xml, String message) {
            try {
                XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
                try {
                    while (r.hasNext()) {
                        switch (r.next()) {
                            case XMLStreamConstants.START_ELEMENT -> {
                                start(r.getLocalName(), top(0));
                                path.add(r.getLocalName());
                                text.setLength(0);
                            }
                            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                            case XMLStreamConstants.END_ELEMENT -> {
                                String name = path.removeLast();
                                end(name, top(0), top(1), text.toString().strip());
                                text.setLength(0);
                            }
                            default -> {
                                // comments, processing instructions, whitespace between elements
                            }
                        }
                    }
                } finally {
                    r.close();
                }
            } catch (XMLStreamException e) {
                throw new IllegalArgumentException("not a readable " + message + " document: " + e.getMessage(), e);
            }
        }

        private String top(int back) {
            int i = path.size() - 1 - back;
            return i >= 0 ? path.get(i) : "";
        }

        boolean inside(String element) {
            return path.contains(element);
        }

        abstract void start(String name, String parent);

        abstract void end(String name, String parent, String grandparent, String text);
    }

    public static BankReport.StatusReport statusReport(String xml) {
        var walk = new Walk() {
            String messageId;
            LocalDate reportedOn;
            String originalMessageId;
            String groupStatus;
            final List<TransactionStatus> statuses = new ArrayList<>();
            String e2e, status, code, reasonText;
            int reasons;

            @Override
            void start(String name, String parent) {
                if (name.equals("TxInfAndSts") && parent.equals("OrgnlPmtInfAndSts")) {
                    e2e = status = code = reasonText = null;
                    reasons = 0;
                } else if (name.equals("StsRsnInf")) {
                    reasons++;
                }
            }

            @Override
            void end(String name, String parent, String grandparent, String text) {
                switch (name) {
                    case "MsgId" -> {
                        if (parent.equals("GrpHdr")) messageId = text;
                    }
                    case "CreDtTm" -> {
                        if (parent.equals("GrpHdr")) reportedOn = day(text);
                    }
                    case "OrgnlMsgId" -> {
                        if (parent.equals("OrgnlGrpInfAndSts")) originalMessageId = text;
                    }
                    case "GrpSts" -> {
                        if (parent.equals("OrgnlGrpInfAndSts")) groupStatus = text;
                    }
                    case "OrgnlEndToEndId" -> {
                        if (parent.equals("TxInfAndSts")) e2e = text;
                    }
                    case "TxSts" -> {
                        if (parent.equals("TxInfAndSts")) status = text;
                    }
                    case "Cd", "Prtry" -> {
                        // Prowide's order: the code, else the proprietary reason
                        if (parent.equals("Rsn") && grandparent.equals("StsRsnInf") && reasons == 1 && inside("TxInfAndSts")
                                && (code == null || name.equals("Cd"))) code = text;
                    }
                    case "AddtlInf" -> {
                        if (parent.equals("StsRsnInf") && reasons == 1 && inside("TxInfAndSts")) {
                            reasonText = reasonText == null ? text : reasonText + text;
                        }
                    }
                    case "TxInfAndSts" -> {
                        if (parent.equals("OrgnlPmtInfAndSts")) {
                            String textOrDefault = code != null && reasonText == null ? BankReasons.chinese(code) : reasonText;
                            statuses.add(new TransactionStatus(e2e, status, code, textOrDefault));
                        }
                    }
                    default -> {
                        // not read
                    }
                }
            }
        };
        walk.run(xml, "pain.002.001.10");
        if (walk.messageId == null) throw new IllegalArgumentException("not a pain.002.001.10 document");
        return new BankReport.StatusReport(walk.messageId, walk.reportedOn, walk.originalMessageId, walk.groupStatus, walk.statuses);
    }

    public static BankReport.Notification notification(String xml) {
        var walk = new Walk() {
            String messageId;
            LocalDate reportedOn;
            final List<Entry> entries = new ArrayList<>();
            // the entry being read
            BigDecimal entryAmount;
            Boolean entryCredit;
            LocalDate booked;
            String entryInfo;
            final List<Tx> txs = new ArrayList<>();
            Tx tx;

            @Override
            void start(String name, String parent) {
                if (name.equals("Ntry") && parent.equals("Ntfctn")) {
                    entryAmount = null;
                    entryCredit = null;
                    booked = null;
                    entryInfo = null;
                    txs.clear();
                } else if (name.equals("TxDtls") && parent.equals("NtryDtls")) {
                    tx = new Tx();
                }
            }

            @Override
            void end(String name, String parent, String grandparent, String text) {
                switch (parent) {
                    case "GrpHdr" -> {
                        if (name.equals("MsgId")) messageId = text;
                        else if (name.equals("CreDtTm")) reportedOn = day(text);
                    }
                    case "Ntry" -> {
                        switch (name) {
                            case "Amt" -> entryAmount = new BigDecimal(text);
                            case "CdtDbtInd" -> entryCredit = text.equals("CRDT");
                            case "AddtlNtryInf" -> entryInfo = text;
                            default -> {
                                // not read
                            }
                        }
                    }
                    case "BookgDt" -> {
                        if (grandparent.equals("Ntry")) {
                            if (name.equals("Dt")) booked = LocalDate.parse(text);
                            else if (name.equals("DtTm") && booked == null) booked = dateTime(text).toLocalDate();
                        }
                    }
                    case "TxDtls" -> {
                        if (tx == null) return;
                        if (name.equals("Amt")) tx.amount = new BigDecimal(text);
                        else if (name.equals("CdtDbtInd")) tx.credit = text.equals("CRDT");
                    }
                    case "Refs" -> {
                        if (tx != null && grandparent.equals("TxDtls") && name.equals("EndToEndId")) tx.endToEndId = text;
                    }
                    case "RmtInf" -> {
                        if (tx != null && grandparent.equals("TxDtls") && name.equals("Ustrd")) tx.ustrd.add(text);
                    }
                    case "RtrInf" -> {
                        if (tx != null && grandparent.equals("TxDtls") && name.equals("AddtlInf")) {
                            tx.returnText = tx.returnText == null ? text : tx.returnText + text;
                        }
                    }
                    case "Rsn" -> {
                        if (tx != null && grandparent.equals("RtrInf") && (name.equals("Cd") || tx.returnCode == null && name.equals("Prtry"))) {
                            tx.returnCode = text;
                        }
                    }
                    default -> {
                        // not read
                    }
                }
                if (name.equals("TxDtls") && parent.equals("NtryDtls") && tx != null) {
                    txs.add(tx);
                    tx = null;
                } else if (name.equals("Ntry") && parent.equals("Ntfctn")) {
                    entries.addAll(entries());
                }
            }

            private List<Entry> entries() {
                boolean credit = Boolean.TRUE.equals(entryCredit);
                List<Entry> out = new ArrayList<>();
                for (Tx t : txs) {
                    String text = t.returnText;
                    if (t.returnCode != null && text == null) text = BankReasons.chinese(t.returnCode);
                    String reference = t.ustrd.isEmpty() ? null : String.join(" ", t.ustrd);
                    out.add(new Entry(t.endToEndId, t.credit != null ? t.credit : credit,
                            new Money(t.amount != null ? t.amount : entryAmount), booked, t.returnCode, text, reference));
                }
                if (out.isEmpty()) out.add(new Entry(null, credit, new Money(entryAmount), booked, null, null, entryInfo));
                return out;
            }
        };
        walk.run(xml, "camt.054.001.08");
        if (walk.messageId == null) throw new IllegalArgumentException("not a camt.054.001.08 document");
        return new BankReport.Notification(walk.messageId, walk.reportedOn, walk.entries);
    }

    /** One transaction detail of an entry, as read so far. */
    private static final class Tx {
        String endToEndId;
        BigDecimal amount;
        Boolean credit;
        String returnCode;
        String returnText;
        final List<String> ustrd = new ArrayList<>();
    }

    private static LocalDate day(String dateTime) {
        return dateTime(dateTime).atZoneSameInstant(Xml.BEIJING).toLocalDate();
    }

    /** An ISO date-time; one without an offset is taken as Beijing time. */
    private static OffsetDateTime dateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atOffset(Xml.BEIJING);
        }
    }
}
