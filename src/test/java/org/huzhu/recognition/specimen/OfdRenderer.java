package org.huzhu.recognition.specimen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a receipt as an OFD package (GB/T 33190, namespace {@value #NAMESPACE}): OFD.xml points
 * at Doc_0/Document.xml, which declares the 240 × 140 mm page area, the public resources (one
 * font, 宋体) and the one page, Doc_0/Pages/Page_0/Content.xml. The page holds a body layer of
 * TextObjects (Boundary "x y w h" in mm, TextCode X/Y relative to the boundary, the baseline at
 * Y, DeltaX the advance of each glyph) and PathObjects for the rules, and a foreground layer with
 * the seal: ring, star and glyphs as Path- and TextObjects (the ring's glyphs turned by a CTM).
 * Red is FillColor/StrokeColor "200 16 46"; black text has no FillColor (OFD's default).
 */
public final class OfdRenderer {

    static final String NAMESPACE = "http://www.ofdspec.org/2016";
    static final String DOC_ROOT = "Doc_0/Document.xml";
    private static final String CONTENT = "Pages/Page_0/Content.xml";
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final int FONT_ID = 1, PAGE_ID = 2, BODY_LAYER_ID = 3, SEAL_LAYER_ID = 4;

    private OfdRenderer() {}

    public static byte[] render(ReceiptTruth truth) {
        OfdCanvas canvas = new OfdCanvas(SEAL_LAYER_ID + 1);
        ReceiptLayout.draw(truth, canvas);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("OFD.xml", ofd(truth));
        parts.put(DOC_ROOT, document(canvas.lastId()));
        parts.put("Doc_0/PublicRes.xml", publicResources());
        parts.put("Doc_0/" + CONTENT, content(canvas));
        return zip(parts);
    }

    private static String ofd(ReceiptTruth truth) {
        return HEADER + "<ofd:OFD xmlns:ofd=\"" + NAMESPACE + "\" DocType=\"OFD\" Version=\"1.0\">\n"
                + "  <ofd:DocBody>\n"
                + "    <ofd:DocInfo>\n"
                + "      <ofd:DocID>" + truth.invoiceCode() + truth.invoiceNumber() + truth.checkCode() + "</ofd:DocID>\n"
                + "      <ofd:Title>" + OfdCanvas.escape(truth.title()) + "</ofd:Title>\n"
                + "      <ofd:Author>" + OfdCanvas.escape(truth.hospital()) + "</ofd:Author>\n"
                + "      <ofd:CreationDate>" + truth.issueDate() + "</ofd:CreationDate>\n"
                + "      <ofd:Creator>huzhu receipt specimens</ofd:Creator>\n"
                + "    </ofd:DocInfo>\n"
                + "    <ofd:DocRoot>" + DOC_ROOT + "</ofd:DocRoot>\n"
                + "  </ofd:DocBody>\n"
                + "</ofd:OFD>\n";
    }

    private static String document(int maxUnitId) {
        return HEADER + "<ofd:Document xmlns:ofd=\"" + NAMESPACE + "\">\n"
                + "  <ofd:CommonData>\n"
                + "    <ofd:MaxUnitID>" + maxUnitId + "</ofd:MaxUnitID>\n"
                + "    <ofd:PageArea>\n"
                + "      <ofd:PhysicalBox>0 0 " + OfdCanvas.number(ReceiptLayout.WIDTH) + " "
                + OfdCanvas.number(ReceiptLayout.HEIGHT) + "</ofd:PhysicalBox>\n"
                + "    </ofd:PageArea>\n"
                + "    <ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n"
                + "  </ofd:CommonData>\n"
                + "  <ofd:Pages>\n"
                + "    <ofd:Page ID=\"" + PAGE_ID + "\" BaseLoc=\"" + CONTENT + "\"/>\n"
                + "  </ofd:Pages>\n"
                + "</ofd:Document>\n";
    }

    private static String publicResources() {
        return HEADER + "<ofd:Res xmlns:ofd=\"" + NAMESPACE + "\" BaseLoc=\"Res\">\n"
                + "  <ofd:Fonts>\n"
                + "    <ofd:Font ID=\"" + FONT_ID + "\" FontName=\"宋体\" FamilyName=\"宋体\"/>\n"
                + "  </ofd:Fonts>\n"
                + "</ofd:Res>\n";
    }

    private static String content(OfdCanvas canvas) {
        return HEADER + "<ofd:Page xmlns:ofd=\"" + NAMESPACE + "\">\n"
                + "  <ofd:Content>\n"
                + "    <ofd:Layer ID=\"" + BODY_LAYER_ID + "\" Type=\"Body\">\n" + canvas.body()
                + "    </ofd:Layer>\n"
                + "    <ofd:Layer ID=\"" + SEAL_LAYER_ID + "\" Type=\"Foreground\">\n" + canvas.seal()
                + "    </ofd:Layer>\n"
                + "  </ofd:Content>\n"
                + "</ofd:Page>\n";
    }

    /** A zip with fixed entry times, so the same receipt always gives the same bytes. */
    private static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Collects the page's objects as XML, millimetres throughout (OFD's own unit). */
    private static final class OfdCanvas implements ReceiptCanvas {

        private final StringBuilder body = new StringBuilder();
        private final StringBuilder seal = new StringBuilder();
        private int nextId;

        OfdCanvas(int firstId) {
            this.nextId = firstId;
        }

        String body() { return body.toString(); }

        String seal() { return seal.toString(); }

        int lastId() { return nextId - 1; }

        @Override
        public void text(String text, double x, double baseline, double size, Ink ink) {
            double width = ReceiptFont.advance(text, size);
            textObject(text, new double[] {x, baseline - size, width, size * 1.25}, null, 0, size, size, ink);
        }

        @Override
        public void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink) {
            double cos = Math.cos(angle), sin = Math.sin(angle);
            String ctm = numbers(cos, sin, -sin, cos, size, size);
            double x = -ReceiptFont.advance(glyph, size) / 2;
            textObject(glyph, new double[] {cx - size, cy - size, 2 * size, 2 * size}, ctm, x,
                    size * ReceiptFont.BASELINE_BELOW_CENTRE, size, ink);
        }

        private void textObject(String text, double[] boundary, String ctm, double x, double y, double size, Ink ink) {
            StringBuilder out = layer(ink).append("      <ofd:TextObject ID=\"").append(nextId++)
                    .append("\" Boundary=\"").append(numbers(boundary)).append('"');
            if (ctm != null) out.append(" CTM=\"").append(ctm).append('"');
            out.append(alpha(ink)).append(" Font=\"").append(FONT_ID).append("\" Size=\"").append(number(size)).append("\">\n");
            if (ink != Ink.DATA) out.append("        <ofd:FillColor Value=\"").append(colour(ink)).append("\"/>\n");
            out.append("        <ofd:TextCode X=\"").append(number(x)).append("\" Y=\"").append(number(y)).append('"');
            double[] deltas = ReceiptFont.deltas(text, size);
            if (deltas.length > 0) out.append(" DeltaX=\"").append(numbers(deltas)).append('"');
            out.append('>').append(escape(text)).append("</ofd:TextCode>\n      </ofd:TextObject>\n");
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Ink ink) {
            double pad = width;
            double left = Math.min(x1, x2) - pad, top = Math.min(y1, y2) - pad;
            double[] boundary = {left, top, Math.abs(x2 - x1) + 2 * pad, Math.abs(y2 - y1) + 2 * pad};
            path(boundary, width, ink, false,
                    "M " + numbers(x1 - left, y1 - top) + " L " + numbers(x2 - left, y2 - top));
        }

        @Override
        public void circle(double cx, double cy, double r, double width, Ink ink) {
            double pad = width, k = 0.5523 * r, c = r + pad;
            double[] boundary = {cx - c, cy - c, 2 * c, 2 * c};
            String data = "M " + numbers(c + r, c)
                    + " B " + numbers(c + r, c + k, c + k, c + r, c, c + r)
                    + " B " + numbers(c - k, c + r, c - r, c + k, c - r, c)
                    + " B " + numbers(c - r, c - k, c - k, c - r, c, c - r)
                    + " B " + numbers(c + k, c - r, c + r, c - k, c + r, c) + " C";
            path(boundary, width, ink, false, data);
        }

        @Override
        public void polygon(double[] xs, double[] ys, Ink ink) {
            double left = Arrays.stream(xs).min().orElseThrow(), top = Arrays.stream(ys).min().orElseThrow();
            double[] boundary = {left, top, Arrays.stream(xs).max().orElseThrow() - left,
                    Arrays.stream(ys).max().orElseThrow() - top};
            StringBuilder data = new StringBuilder("M ").append(numbers(xs[0] - left, ys[0] - top));
            for (int i = 1; i < xs.length; i++) data.append(" L ").append(numbers(xs[i] - left, ys[i] - top));
            path(boundary, 0, ink, true, data.append(" C").toString());
        }

        private void path(double[] boundary, double width, Ink ink, boolean fill, String data) {
            StringBuilder out = layer(ink).append("      <ofd:PathObject ID=\"").append(nextId++)
                    .append("\" Boundary=\"").append(numbers(boundary)).append('"');
            if (!fill) out.append(" LineWidth=\"").append(number(width)).append("\" Cap=\"Square\"");
            out.append(alpha(ink));
            out.append(fill ? " Stroke=\"false\" Fill=\"true\">\n" : ">\n");
            String colour = "=\"" + colour(ink) + "\"/>\n";
            out.append(fill ? "        <ofd:FillColor Value" + colour : "        <ofd:StrokeColor Value" + colour);
            out.append("        <ofd:AbbreviatedData>").append(data).append("</ofd:AbbreviatedData>\n");
            out.append("      </ofd:PathObject>\n");
        }

        private StringBuilder layer(Ink ink) {
            return ink == Ink.SEAL ? seal : body;
        }

        private static String alpha(Ink ink) {
            return ink.opacity < 1 ? " Alpha=\"" + Math.round(ink.opacity * 255) + "\"" : "";
        }

        private static String colour(Ink ink) {
            return ink.red + " " + ink.green + " " + ink.blue;
        }

        static String numbers(double... values) {
            return Arrays.stream(values).mapToObj(OfdCanvas::number).collect(Collectors.joining(" "));
        }

        /** Millimetres to a thousandth, without trailing zeros: 14, 20.925. */
        static String number(double value) {
            String text = java.math.BigDecimal.valueOf(Math.round(value * 1000), 3).stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
