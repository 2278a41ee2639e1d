package org.huzhu.banking.iso20022;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The bank profile schemas ({@code iso20022/<message>.xsd}), compiled once each; {@link #validate}
 * checks a document and names the first problem with its line. Thread-safe.
 */
public final class Schemas {

    public static final String PAIN_001 = "pain.001.001.09";
    public static final String PAIN_002 = "pain.002.001.10";
    public static final String CAMT_054 = "camt.054.001.08";
    public static final String CAMT_053 = "camt.053.001.08";

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** A document that breaks the schema: the message names the line and what is wrong. */
    public static final class InvalidDocumentException extends RuntimeException {
        public InvalidDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void validate(String message, String xml) {
        validate(schema(message), message, xml);
    }

    /** Validates {@code xml} against {@code schema}; {@code message} names it in the error. */
    public static void validate(Schema schema, String message, String xml) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new InvalidDocumentException(message + " 第" + e.getLineNumber() + "行不符合报文规范：" + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidDocumentException(message + " 报文无法解析：" + e.getMessage(), e);
        }
    }

    static Schema schema(String message) {
        return COMPILED.computeIfAbsent(message, m -> {
            URL xsd = Schemas.class.getResource("/iso20022/" + m + ".xsd");
            if (xsd == null) throw new IllegalArgumentException("no schema for " + m);
            return compile(xsd);
        });
    }

    /** Compiles an XSD with external DTDs and schemas shut off. */
    public static Schema compile(URL xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + xsd + " does not compile", e);
        }
    }
}
