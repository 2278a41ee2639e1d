package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The OFD package is found by following its own structure, and its page's TextCodes hold every value. */
class OfdRendererTest {

    private static final String OFD = "http://www.ofdspec.org/2016";

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void everyValueIsATextCodeOfThePageTheDocRootLeadsTo(long seed) throws Exception {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        Map<String, byte[]> files = unzip(OfdRenderer.render(receipt));

        List<String> codes = texts(page(files), "TextCode");

        receipt.fields().forEach((field, value) -> {
            if (field.equals("admissionDate") || field.equals("dischargeDate")) {
                assertThat(codes).contains(receipt.admissionDate() + "至" + receipt.dischargeDate());
            } else {
                assertThat(codes).as(field).contains(value);
            }
        });
        receipt.lines().forEach(line -> assertThat(codes).contains(line.name(), line.amount()));
        assertThat(codes).contains(receipt.documentType().title(), "票据代码：", "收款单位（章）：");
    }

    @Test
    void theStructureIsValid() throws Exception {
        Map<String, byte[]> files = unzip(OfdRenderer.render(ReceiptFaker.receipt(3)));
        Document ofd = xml(files.get("OFD.xml"));
        Element root = ofd.getDocumentElement();
        Document document = xml(files.get(OfdRenderer.DOC_ROOT));
        Document page = page(files);

        assertThat(root.getNamespaceURI()).isEqualTo(OFD);
        assertThat(root.getLocalName()).isEqualTo("OFD");
        assertThat(root.getAttribute("DocType")).isEqualTo("OFD");
        assertThat(texts(document, "PhysicalBox")).containsExactly("0 0 240 140");
        assertThat(page.getDocumentElement().getLocalName()).isEqualTo("Page");
        int maxUnitId = Integer.parseInt(texts(document, "MaxUnitID").getFirst());
        String fontId = elements(xml(files.get("Doc_0/" + texts(document, "PublicRes").getFirst())), "Font")
                .getFirst().getAttribute("ID");

        List<Element> objects = elements(page, "TextObject");
        objects.addAll(elements(page, "PathObject"));
        assertThat(objects).hasSizeGreaterThan(60).allSatisfy(object -> {
            assertThat(object.getAttribute("Boundary").split(" ")).hasSize(4).allMatch(n -> n.matches("-?\\d+(\\.\\d+)?"));
            assertThat(Integer.parseInt(object.getAttribute("ID"))).isBetween(1, maxUnitId);
        });
        assertThat(elements(page, "TextObject")).allSatisfy(text -> {
            assertThat(text.getAttribute("Font")).isEqualTo(fontId);
            Element code = (Element) text.getElementsByTagNameNS(OFD, "TextCode").item(0);
            int glyphs = code.getTextContent().codePointCount(0, code.getTextContent().length());
            String deltas = code.getAttribute("DeltaX");
            assertThat(deltas.isEmpty() ? 0 : deltas.split(" ").length).isEqualTo(glyphs - 1);
        });
    }

    @Test
    void labelsAreRedAndValuesBlack() throws Exception {
        ReceiptTruth receipt = ReceiptFaker.receipt(5);
        Document page = page(unzip(OfdRenderer.render(receipt)));

        assertThat(fillOf(page, "票据代码：")).isEqualTo("200 16 46");
        assertThat(fillOf(page, receipt.invoiceCode())).isEmpty();
    }

    private static String fillOf(Document page, String text) {
        Element object = elements(page, "TextObject").stream()
                .filter(candidate -> candidate.getTextContent().trim().equals(text)).findFirst().orElseThrow();
        NodeList fill = object.getElementsByTagNameNS(OFD, "FillColor");
        return fill.getLength() == 0 ? "" : ((Element) fill.item(0)).getAttribute("Value");
    }

    /** OFD.xml → DocRoot → the first Page's BaseLoc, resolved against the document's folder. */
    private static Document page(Map<String, byte[]> files) throws Exception {
        String docRoot = texts(xml(files.get("OFD.xml")), "DocRoot").getFirst();
        Document document = xml(files.get(docRoot));
        String folder = docRoot.substring(0, docRoot.lastIndexOf('/') + 1);
        String content = folder + elements(document, "Page").getFirst().getAttribute("BaseLoc");
        assertThat(files).containsKey(content);
        return xml(files.get(content));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(OFD, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
        return elements;
    }

    private static List<String> texts(Document document, String name) {
        return elements(document, name).stream().map(Element::getTextContent).toList();
    }
}
