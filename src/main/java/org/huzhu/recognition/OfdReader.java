package org.huzhu.recognition;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * OFD electronic receipts (GB/T 33190, namespace {@code http://www.ofdspec.org/2016}) read from
 * their own structure: {@code OFD.xml} → {@code DocBody/DocRoot} → {@code Document.xml} →
 * {@code Pages/Page@BaseLoc} → each page's {@code Content.xml} (and the template pages it uses),
 * where every {@code TextObject} places its {@code TextCode}s inside its {@code Boundary}. Units
 * stay millimetres. The package is opened through {@link ZipPackage}'s guards and the XML parser
 * refuses DTDs and external entities.
 */
final class OfdReader {

    /** A factory per thread: XMLInputFactory is not promised to be thread-safe. */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(OfdReader::secureFactory);

    private OfdReader() {
    }

    static ReadPages read(byte[] content) {
        ZipPackage zip = ZipPackage.open(content);
        String ofdXml = zip.contains("OFD.xml") ? "OFD.xml" : null;
        if (ofdXml == null) throw new UnreadableUploadException("OFD 包缺少 OFD.xml");
        String docRoot = firstText(zip, ofdXml, "DocRoot");
        if (docRoot == null || docRoot.isBlank()) throw new UnreadableUploadException("OFD.xml 没有指明文档（DocBody/DocRoot）");
        String documentPath = ZipPackage.resolve("", docRoot);
        DocumentXml document = DocumentXml.parse(bytes(zip, documentPath));
        if (document.pages().isEmpty()) throw new UnreadableUploadException("OFD 文档没有页面");
        if (document.pages().size() > RecognitionLimits.MAX_PAGES) {
            throw new UnreadableUploadException("OFD 超过 " + RecognitionLimits.MAX_PAGES + " 页，请只上传票据页");
        }
        String folder = ZipPackage.folderOf(documentPath);
        List<PageText> pages = new ArrayList<>();
        for (int i = 0; i < document.pages().size(); i++) {
            String pagePath = ZipPackage.resolve(folder, document.pages().get(i));
            PageXml page = PageXml.parse(bytes(zip, pagePath), ZipPackage.folderOf(pagePath));
            List<TextBox> boxes = new ArrayList<>();
            for (String templateId : page.templateIds()) {
                String templateLoc = document.templates().get(templateId);
                if (templateLoc == null) continue;
                String templatePath = ZipPackage.resolve(folder, templateLoc);
                boxes.addAll(PageXml.parse(bytes(zip, templatePath), ZipPackage.folderOf(templatePath)).boxes());
            }
            boxes.addAll(page.boxes());
            double[] area = page.physicalBox() != null ? page.physicalBox() : document.physicalBox();
            if (area == null) area = new double[] {0, 0, 210, 297};
            pages.add(new PageText(i, area[2], area[3], List.copyOf(boxes)));
        }
        return new ReadPages(TextSource.OFD, pages);
    }

    private static byte[] bytes(ZipPackage zip, String path) {
        byte[] data = zip.read(path);
        if (data == null) throw new UnreadableUploadException("OFD 包缺少文件：" + path);
        return data;
    }

    private static String firstText(ZipPackage zip, String path, String element) {
        XMLStreamReader xml = open(bytes(zip, path));
        try {
            while (xml.hasNext()) {
                if (next(xml) == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(element)) {
                    return xml.getElementText().trim();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw broken();
        }
    }

    /** Document.xml: the default page area, the template pages and the pages, in order. */
    private record DocumentXml(double[] physicalBox, Map<String, String> templates, List<String> pages) {

        static DocumentXml parse(byte[] data) {
            XMLStreamReader xml = open(data);
            double[] box = null;
            Map<String, String> templates = new LinkedHashMap<>();
            List<String> pages = new ArrayList<>();
            boolean inPageArea = false;
            boolean inPages = false;
            try {
                while (xml.hasNext()) {
                    int event = next(xml);
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "PageArea" -> inPageArea = true;
                            case "PhysicalBox" -> {
                                if (inPageArea && box == null) box = numbers(xml.getElementText(), 4);
                            }
                            case "TemplatePage" -> templates.put(attribute(xml, "ID"), attribute(xml, "BaseLoc"));
                            case "Pages" -> inPages = true;
                            case "Page" -> {
                                String loc = attribute(xml, "BaseLoc");
                                if (inPages && loc != null) pages.add(loc);
                            }
                            default -> { }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (xml.getLocalName().equals("PageArea")) inPageArea = false;
                        if (xml.getLocalName().equals("Pages")) inPages = false;
                    }
                }
            } catch (XMLStreamException e) {
                throw broken();
            }
            return new DocumentXml(box, templates, pages);
        }
    }

    /** A page's Content.xml: its own area, the templates it draws on, and its text placed in millimetres. */
    private record PageXml(double[] physicalBox, List<String> templateIds, List<TextBox> boxes) {

        static PageXml parse(byte[] data, String folder) {
            XMLStreamReader xml = open(data);
            double[] area = null;
            List<String> templates = new ArrayList<>();
            List<TextBox> boxes = new ArrayList<>();
            boolean inArea = false;
            TextObject object = null;
            try {
                while (xml.hasNext()) {
                    int event = next(xml);
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "Area" -> inArea = true;
                            case "PhysicalBox" -> {
                                if (inArea && area == null) area = numbers(xml.getElementText(), 4);
                            }
                            case "Template" -> {
                                String id = attribute(xml, "TemplateID");
                                if (id != null) templates.add(id);
                            }
                            case "TextObject" -> object = TextObject.of(xml);
                            case "TextCode" -> {
                                if (object != null) object.place(xml, boxes);
                            }
                            default -> { }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (xml.getLocalName().equals("Area")) inArea = false;
                        if (xml.getLocalName().equals("TextObject")) object = null;
                    }
                }
            } catch (XMLStreamException e) {
                throw broken();
            }
            return new PageXml(area, templates, boxes);
        }
    }

    /** One TextObject: where its Boundary sits, its size and transform, and the pen between its TextCodes. */
    private static final class TextObject {
        private final double left;
        private final double top;
        private final double size;
        private final double[] ctm;
        private double penX;
        private double penY;

        private TextObject(double left, double top, double size, double[] ctm) {
            this.left = left;
            this.top = top;
            this.size = size;
            this.ctm = ctm;
        }

        /** The object, or null for a seal's or a watermark's text: translucent, or turned off the page's axes. */
        static TextObject of(XMLStreamReader xml) {
            double[] boundary = numbers(attribute(xml, "Boundary"), 4);
            String sizeText = attribute(xml, "Size");
            double size = sizeText == null ? 3.5 : numbers(sizeText, 1)[0];
            String ctmText = attribute(xml, "CTM");
            double[] ctm = ctmText == null ? null : numbers(ctmText, 6);
            String alpha = attribute(xml, "Alpha");
            if (alpha != null && numbers(alpha, 1)[0] < 255) return null;
            if (ctm != null) {
                double degrees = Math.toDegrees(Math.atan2(ctm[1], ctm[0]));
                if (Math.abs(degrees - 90 * Math.round(degrees / 90)) > 2) return null;
            }
            return new TextObject(boundary[0], boundary[1], size, ctm);
        }

        /** Places a TextCode's glyphs: X, Y (the baseline) relative to the Boundary, DeltaX between glyphs. */
        void place(XMLStreamReader xml, List<TextBox> boxes) throws XMLStreamException {
            String x = attribute(xml, "X");
            String y = attribute(xml, "Y");
            String deltaX = attribute(xml, "DeltaX");
            String text = xml.getElementText();
            if (x != null) penX = numbers(x, 1)[0];
            if (y != null) penY = numbers(y, 1)[0];
            if (text == null || text.isEmpty()) return;
            double[] deltas = deltaX == null ? new double[0] : deltas(deltaX);
            double scaleX = ctm == null ? 1 : Math.hypot(ctm[0], ctm[1]);
            double scaleY = ctm == null ? 1 : Math.hypot(ctm[2], ctm[3]);
            double glyphSize = size * scaleY;
            int[] codePoints = text.codePoints().toArray();
            double pen = penX;
            for (int i = 0; i < codePoints.length; i++) {
                double advance = i < deltas.length ? deltas[i] : natural(codePoints[i]);
                double[] origin = transform(pen, penY);
                String glyph = new String(codePoints, i, 1);
                if (!glyph.isBlank()) {
                    boxes.add(new TextBox(glyph, left + origin[0], top + origin[1] - 0.88 * glyphSize,
                            Math.max(natural(codePoints[i]), 0) * scaleX, glyphSize, 1.0));
                }
                pen += advance;
            }
            penX = pen;
        }

        private double natural(int codePoint) {
            return codePoint < 0x2E80 ? size * 0.5 : size;
        }

        private double[] transform(double x, double y) {
            if (ctm == null) return new double[] {x, y};
            return new double[] {ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]};
        }
    }

    /** DeltaX: plain numbers, or {@code g n v} for n copies of v. */
    static double[] deltas(String text) {
        String[] tokens = text.trim().split("\\s+");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals("g")) {
                if (i + 2 >= tokens.length) throw broken();
                int count = (int) number(tokens[i + 1]);
                if (count < 0 || count > 10_000) throw broken();
                double value = number(tokens[i + 2]);
                for (int k = 0; k < count; k++) values.add(value);
                i += 2;
            } else if (!tokens[i].isEmpty()) {
                values.add(number(tokens[i]));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] numbers(String text, int count) {
        if (text == null) throw broken();
        String[] tokens = text.trim().split("[\\s,]+");
        if (tokens.length < count) throw broken();
        double[] values = new double[count];
        for (int i = 0; i < count; i++) values[i] = number(tokens[i]);
        return values;
    }

    private static double number(String token) {
        try {
            double value = Double.parseDouble(token);
            if (!Double.isFinite(value)) throw broken();
            return value;
        } catch (NumberFormatException e) {
            throw broken();
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) return xml.getAttributeValue(i);
        }
        return null;
    }

    private static XMLStreamReader open(byte[] data) {
        try {
            return XML.get().createXMLStreamReader(new ByteArrayInputStream(data));
        } catch (XMLStreamException e) {
            throw broken();
        }
    }

    /** Moves on, refusing a document type declaration outright. */
    private static int next(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new UnreadableUploadException("OFD 文件含有不允许的 DTD 或实体声明");
        }
        return event;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static UnreadableUploadException broken() {
        return new UnreadableUploadException("OFD 文件内容已损坏，无法读取");
    }
}
