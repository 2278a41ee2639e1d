package org.huzhu.banking.iso20022;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the parts of a pain.001.001.09 a bank acts on (message id, debtor account, and per transfer
 * the end-to-end id, amount, payee name and account), streaming. Validate against the schema first.
 */
public final class Pain001Reader {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private Pain001Reader() {
    }

    public record Transfer(String endToEndId, BigDecimal amount, String currency, String payeeName, String account, String bankName) {
    }

    public record Read(String messageId, String debtorAccount, List<Transfer> transfers) {
    }

    public static Read read(String xml) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<String> path = new ArrayDeque<>();
            String msgId = null;
            String debtor = null;
            List<Transfer> transfers = new ArrayList<>();
            String e2e = null, ccy = null, name = null, account = null, bank = null;
            BigDecimal amount = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    boolean text = isText(local, path.peek());
                    path.push(local);
                    if (local.equals("CdtTrfTxInf")) {
                        e2e = ccy = name = account = bank = null;
                        amount = null;
                    } else if (local.equals("InstdAmt")) {
                        ccy = r.getAttributeValue(null, "Ccy");
                        amount = new BigDecimal(r.getElementText().strip());
                        path.pop();
                    } else if (text) {
                        String value = r.getElementText().strip();
                        path.pop();
                        String parent = path.peek();
                        String grand = path.size() > 1 ? path.stream().skip(1).findFirst().orElse("") : "";
                        if (local.equals("MsgId") && "GrpHdr".equals(parent)) msgId = value;
                        else if (local.equals("EndToEndId")) e2e = value;
                        else if (local.equals("Nm") && "Cdtr".equals(parent)) name = value;
                        else if (local.equals("Nm") && "FinInstnId".equals(parent) && "CdtrAgt".equals(grand)) bank = value;
                        else if (local.equals("Id") && path.contains("CdtrAcct")) account = value;
                        else if (local.equals("Id") && path.contains("DbtrAcct")) debtor = value;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = path.pop();
                    if (local.equals("CdtTrfTxInf")) transfers.add(new Transfer(e2e, amount, ccy, name, account, bank));
                }
            }
            return new Read(msgId, debtor, transfers);
        } catch (XMLStreamException e) {
            throw new Schemas.InvalidDocumentException("pain.001 报文无法解析：" + e.getMessage(), e);
        }
    }

    /** Elements read as text: an account's {@code Id} only inside {@code Othr} (the outer {@code Id} holds it). */
    private static boolean isText(String local, String parent) {
        return switch (local) {
            case "MsgId", "EndToEndId", "Nm" -> true;
            case "Id" -> "Othr".equals(parent);
            default -> false;
        };
    }
}
