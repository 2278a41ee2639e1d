package org.huzhu.recognition;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Writes a {@link TestReceipt} as a PDF with a text layer (PDFBox, WenQuanYi Micro Hei) or as an OFD package. */
final class ReceiptFiles {

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static final double POINTS_PER_MM = 72 / 25.4;

    private ReceiptFiles() {
    }

    static byte[] pdf(TestReceipt receipt) {
        return pdf(List.of(receipt));
    }

    /** One page per receipt. */
    static byte[] pdf(List<TestReceipt> receipts) {
        try (PDDocument document = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(new File(FONT))) {
            TrueTypeFont ttf = fonts.getFontByName("WenQuanYiMicroHei");
            PDType0Font font = PDType0Font.load(document, ttf, true);
            for (TestReceipt receipt : receipts) {
                PDPage page = new PDPage(new PDRectangle((float) (TestReceipt.WIDTH * POINTS_PER_MM), (float) (TestReceipt.HEIGHT * POINTS_PER_MM)));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (TestReceipt.Placed s : receipt.drawing()) {
                        content.beginText();
                        content.setFont(font, (float) (s.size() * POINTS_PER_MM));
                        double baseline = s.y() + 0.88 * s.size();
                        content.newLineAtOffset((float) (s.x() * POINTS_PER_MM), (float) ((TestReceipt.HEIGHT - baseline) * POINTS_PER_MM));
                        content.showText(s.text());
                        content.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OFD package: OFD.xml → Doc_0/Document.xml → one page whose TextCodes carry DeltaX. */
    static byte[] ofd(TestReceipt receipt) {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"2\">");
        int id = 10;
        for (TestReceipt.Placed s : receipt.drawing()) content.append(textObject(id++, s));
        content.append("</ofd:Layer></ofd:Content></ofd:Page>");
        return ofdPackage(content.toString(), null);
    }

    static String textObject(int id, TestReceipt.Placed s) {
        StringBuilder deltas = new StringBuilder();
        for (int i = 0; i < s.text().length() - 1; i++) {
            if (i > 0) deltas.append(' ');
            deltas.append(mm(TestReceipt.Placed.advance(s.text().charAt(i), s.size())));
        }
        return "<ofd:TextObject ID=\"" + id + "\" Boundary=\"" + mm(s.x()) + " " + mm(s.y()) + " " + mm(s.width() + 1) + " " + mm(s.size() * 1.2)
                + "\" Font=\"1\" Size=\"" + mm(s.size()) + "\"><ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"" + mm(0.88 * s.size())
                + "\"" + (deltas.isEmpty() ? "" : " DeltaX=\"" + deltas + "\"") + ">" + xml(s.text()) + "</ofd:TextCode></ofd:TextObject>";
    }

    /** The package around one page's Content.xml, and optionally a template page. */
    static byte[] ofdPackage(String pageContent, String templateContent) {
        String ofd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.1\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData>"
                + "<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 240 140</ofd:PhysicalBox></ofd:PageArea>"
                + (templateContent == null ? "" : "<ofd:TemplatePage ID=\"3\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>")
                + "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "OFD.xml", ofd);
            entry(zip, "Doc_0/Document.xml", document);
            entry(zip, "Doc_0/Pages/Page_0/Content.xml", pageContent);
            if (templateContent != null) entry(zip, "Doc_0/Tpls/Tpl_0/Content.xml", templateContent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String mm(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
