package org.huzhu.banking.iso20022;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin StAX writer for ISO 20022 documents: one namespace, elements with text, amounts and times in ISO form. */
final class Xml {

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final StringWriter out;
    private final XMLStreamWriter w;

    Xml(String namespace, int sizeHint) {
        out = new StringWriter(sizeHint);
        try {
            w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("Document");
            w.writeDefaultNamespace("urn:iso:std:iso:20022:tech:xsd:" + namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml open(String name) {
        try {
            w.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml close() {
        try {
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml text(String name, String value) {
        if (value == null) return this;
        try {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml amount(String name, BigDecimal value, String currency) {
        try {
            w.writeStartElement(name);
            w.writeAttribute("Ccy", currency);
            w.writeCharacters(money(value));
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Two text elements nested: {@code <outer><inner>value</inner></outer>}. */
    Xml nested(String outer, String inner, String value) {
        return open(outer).text(inner, value).close();
    }

    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static String dateTime(Instant at) {
        return DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(BEIJING));
    }

    String finish() {
        try {
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
