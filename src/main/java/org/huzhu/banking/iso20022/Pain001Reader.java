package org.huzhu.banking.iso20022;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the parts of a pain.001.001.09 a bank acts on (message id, debtor account, and per transfer
 * the end-to-end id, amount, payee name and account), streaming (SAX; DTDs refused).
 * {@link #readValidated} checks the document against the profile schema in the same pass — the
 * parser feeds the schema validator, which feeds this reader — so a bank reads each file once.
 */
public final class Pain001Reader {

    private static final SAXParserFactory FACTORY = SAXParserFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
        try {
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            FACTORY.setFeature("http://xml.org/sax/features/external-general-entities", false);
            FACTORY.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Pain001Reader() {
    }

    public record Transfer(String endToEndId, BigDecimal amount, String currency, String payeeName, String account, String bankName) {
    }

    public record Read(String messageId, String debtorAccount, List<Transfer> transfers) {
    }

    /** Reads a file (validate it first, or use {@link #readValidated}). */
    public static Read read(String xml) {
        Collector collector = new Collector();
        parse(xml, collector, collector);
        return collector.read();
    }

    /** Validates a file against the pain.001.001.09 profile and reads it, in one pass; an invalid file names its line. */
    public static Read readValidated(String xml) {
        Collector collector = new Collector();
        ValidatorHandler validator = Schemas.schema(Schemas.PAIN_001).newValidatorHandler();
        validator.setContentHandler(collector);
        validator.setErrorHandler(collector);
        parse(xml, validator, collector);
        return collector.read();
    }

    private static void parse(String xml, ContentHandler handler, Collector errors) {
        try {
            XMLReader reader = FACTORY.newSAXParser().getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(errors);
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new Schemas.InvalidDocumentException(Schemas.PAIN_001 + " 第" + e.getLineNumber() + "行不符合报文规范：" + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Schemas.InvalidDocumentException(Schemas.PAIN_001 + " 报文无法解析：" + e.getMessage(), e);
        }
    }

    /** Collects the fields as elements end; the element path tells an account's {@code Id} from others. */
    private static final class Collector extends DefaultHandler {
        private final List<String> path = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Transfer> transfers = new ArrayList<>();
        private String msgId;
        private String debtor;
        private String e2e, ccy, name, account, bank;
        private BigDecimal amount;

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (local.equals("CdtTrfTxInf")) {
                e2e = ccy = name = account = bank = null;
                amount = null;
            } else if (local.equals("InstdAmt")) {
                ccy = attributes.getValue("", "Ccy");
            }
            path.add(local);
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            path.removeLast();
            String value = text.toString().strip();
            text.setLength(0);
            String parent = up(0);
            switch (local) {
                case "MsgId" -> {
                    if (parent.equals("GrpHdr")) msgId = value;
                }
                case "EndToEndId" -> e2e = value;
                case "InstdAmt" -> amount = new BigDecimal(value);
                case "Nm" -> {
                    if (parent.equals("Cdtr")) name = value;
                    else if (parent.equals("FinInstnId") && up(1).equals("CdtrAgt")) bank = value;
                }
                case "Id" -> {
                    // an account's number is the Id inside Othr (the outer Id holds it)
                    if (parent.equals("Othr") && path.contains("CdtrAcct")) account = value;
                    else if (parent.equals("Othr") && path.contains("DbtrAcct")) debtor = value;
                }
                case "CdtTrfTxInf" -> transfers.add(new Transfer(e2e, amount, ccy, name, account, bank));
                default -> {
                    // not read
                }
            }
        }

        private String up(int back) {
            int i = path.size() - 1 - back;
            return i >= 0 ? path.get(i) : "";
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        Read read() {
            return new Read(msgId, debtor, transfers);
        }
    }
}
