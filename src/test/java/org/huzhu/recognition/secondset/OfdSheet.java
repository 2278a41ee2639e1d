package org.huzhu.recognition.secondset;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huzhu.recognition.secondset.Fonts.Face;

/**
 * A sheet as an OFD package (GB/T 33190-2016): {@code OFD.xml} → {@code Doc_0/Document.xml}
 * (page area, public resources with the two fonts, one template page) → the template's
 * {@code Content.xml} with the printed form (title, labels, rules) and the page's
 * {@code Content.xml} with the data, the QR code and the stamp. Text is placed per object:
 * {@code Boundary}, {@code TextCode X/Y} (the baseline) and {@code DeltaX} between glyphs, in mm;
 * the stamp's paths and glyphs are translucent ({@code Alpha}) and its ring's glyphs turned
 * ({@code CTM}).
 */
final class OfdSheet {

    private static final String NS = "http://www.ofdspec.org/2016";
    /** Every entry's time (2026-11-23 00:00 UTC): the same seed writes the same bytes. */
    private static final long PACKED = 1_795_392_000_000L;

    private OfdSheet() {
    }

    static byte[] write(Sheet sheet, String docId) {
        Ids ids = new Ids();
        String template = content(sheet, ids, true);
        String page = content(sheet, ids, false);
        String ofd = xml("<ofd:OFD xmlns:ofd=\"" + NS + "\" Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>" + docId
                + "</ofd:DocID><ofd:Title>" + sheet.arrangement + "</ofd:Title><ofd:Creator>huzhu second receipt set</ofd:Creator>"
                + "<ofd:CreationDate>2026-11-23</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>");
        String res = xml("<ofd:Res xmlns:ofd=\"" + NS + "\" BaseLoc=\"Res\"><ofd:Fonts>"
                + "<ofd:Font ID=\"1\" FontName=\"" + Face.SONG.name + "\" FamilyName=\"" + Face.SONG.name + "\"/>"
                + "<ofd:Font ID=\"2\" FontName=\"" + Face.HEI.name + "\" FamilyName=\"" + Face.HEI.name + "\"/>"
                + "</ofd:Fonts></ofd:Res>");
        String document = xml("<ofd:Document xmlns:ofd=\"" + NS + "\"><ofd:CommonData><ofd:MaxUnitID>" + ids.last()
                + "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 " + n(sheet.width) + " " + n(sheet.height)
                + "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                + "<ofd:TemplatePage ID=\"3\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"4\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "OFD.xml", ofd);
            put(zip, "Doc_0/Document.xml", document);
            put(zip, "Doc_0/PublicRes.xml", res);
            put(zip, "Doc_0/Tpls/Tpl_0/Content.xml", template);
            put(zip, "Doc_0/Pages/Page_0/Content.xml", page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The template's content (the form) or the page's (data, QR, stamps). */
    private static String content(Sheet sheet, Ids ids, boolean form) {
        StringBuilder b = new StringBuilder("<ofd:Page xmlns:ofd=\"").append(NS).append("\">");
        if (!form) b.append("<ofd:Template TemplateID=\"3\" ZOrder=\"Background\"/>");
        b.append("<ofd:Content><ofd:Layer ID=\"").append(ids.next()).append("\">");
        if (form) {
            for (Sheet.Rule rule : sheet.rules) {
                double x = Math.min(rule.x1(), rule.x2()) - rule.width();
                double y = Math.min(rule.y1(), rule.y2()) - rule.width();
                double w = Math.abs(rule.x2() - rule.x1()) + 2 * rule.width();
                double h = Math.abs(rule.y2() - rule.y1()) + 2 * rule.width();
                b.append("<ofd:PathObject ID=\"").append(ids.next()).append("\" Boundary=\"").append(n(x)).append(' ').append(n(y))
                        .append(' ').append(n(w)).append(' ').append(n(h)).append("\" LineWidth=\"").append(n(rule.width()))
                        .append("\" Stroke=\"true\" Fill=\"false\"><ofd:StrokeColor Value=\"").append(rgb(Inks.of(sheet, Sheet.Ink.FORM)))
                        .append("\"/><ofd:AbbreviatedData>M ").append(n(rule.x1() - x)).append(' ').append(n(rule.y1() - y))
                        .append(" L ").append(n(rule.x2() - x)).append(' ').append(n(rule.y2() - y)).append("</ofd:AbbreviatedData></ofd:PathObject>");
            }
        }
        for (Sheet.Text text : sheet.texts) {
            if ((text.ink() != Sheet.Ink.DATA) != form) continue;
            double width = Math.max(Fonts.width(text.face(), text.text(), text.size()), text.size());
            String boundary = n(text.x()) + " " + n(text.baseline() - text.size()) + " " + n(width) + " " + n(text.size() * 1.3);
            text(b, ids, text.text(), text.face(), text.size(), boundary, 0, text.size(), Inks.of(sheet, text.ink()), null, null);
        }
        if (!form) {
            for (Sheet.Qr qr : sheet.qrs) qr(b, ids, qr);
            for (Sheet.Seal seal : sheet.seals) seal(b, ids, seal);
        }
        return xml(b.append("</ofd:Layer></ofd:Content></ofd:Page>").toString());
    }

    /**
     * One TextObject inside {@code boundary} (left top width height): the baseline starts at
     * {@code x, y} of the object's space, glyphs {@code DeltaX} apart; optionally mapped into the
     * Boundary by a CTM (a turned glyph) and translucent.
     */
    private static void text(StringBuilder b, Ids ids, String text, Face face, double size, String boundary, double x, double y,
                             Color colour, String ctm, String alpha) {
        double[] advances = Fonts.advances(face, text, size);
        b.append("<ofd:TextObject ID=\"").append(ids.next()).append("\" Boundary=\"").append(boundary).append("\" Font=\"")
                .append(face == Face.SONG ? 1 : 2).append("\" Size=\"").append(n(size)).append('"');
        if (ctm != null) b.append(" CTM=\"").append(ctm).append('"');
        if (alpha != null) b.append(" Alpha=\"").append(alpha).append('"');
        b.append("><ofd:FillColor Value=\"").append(rgb(colour)).append("\"/><ofd:TextCode X=\"").append(n(x)).append("\" Y=\"").append(n(y)).append('"');
        if (advances.length > 1) {
            b.append(" DeltaX=\"");
            for (int i = 0; i < advances.length - 1; i++) b.append(i == 0 ? "" : " ").append(n(advances[i]));
            b.append('"');
        }
        b.append('>').append(escape(text)).append("</ofd:TextCode></ofd:TextObject>");
    }

    private static void qr(StringBuilder b, Ids ids, Sheet.Qr qr) {
        double module = qr.size() / qr.matrix().getWidth();
        StringBuilder path = new StringBuilder();
        for (int row = 0; row < qr.matrix().getHeight(); row++) {
            for (int col = 0; col < qr.matrix().getWidth(); col++) {
                if (!qr.matrix().get(col, row)) continue;
                double x = col * module;
                double y = row * module;
                path.append("M ").append(n(x)).append(' ').append(n(y)).append(" L ").append(n(x + module)).append(' ').append(n(y))
                        .append(" L ").append(n(x + module)).append(' ').append(n(y + module)).append(" L ").append(n(x)).append(' ')
                        .append(n(y + module)).append(" C ");
            }
        }
        b.append("<ofd:PathObject ID=\"").append(ids.next()).append("\" Boundary=\"").append(n(qr.x())).append(' ').append(n(qr.y()))
                .append(' ').append(n(qr.size())).append(' ').append(n(qr.size())).append("\" Stroke=\"false\" Fill=\"true\"><ofd:FillColor Value=\"")
                .append(rgb(Inks.BLACK)).append("\"/><ofd:AbbreviatedData>").append(path.toString().trim()).append("</ofd:AbbreviatedData></ofd:PathObject>");
    }

    /** The stamp: ring and star as translucent paths, its glyphs as translucent text turned about the seal's centre. */
    private static void seal(StringBuilder b, Ids ids, Sheet.Seal seal) {
        double r = seal.radius();
        String alpha = String.valueOf(Math.round(Inks.SEAL_OPACITY * 255));
        String red = rgb(Inks.SEAL_RED);
        double cos = Math.cos(Math.toRadians(seal.turn()));
        double sin = Math.sin(Math.toRadians(seal.turn()));
        String boundary = n(seal.cx() - r) + " " + n(seal.cy() - r) + " " + n(2 * r) + " " + n(2 * r);
        double w = SealShape.ringWidth(r);
        double ring = r - w / 2;
        b.append("<ofd:PathObject ID=\"").append(ids.next()).append("\" Boundary=\"").append(boundary).append("\" LineWidth=\"").append(n(w))
                .append("\" Alpha=\"").append(alpha).append("\" Stroke=\"true\" Fill=\"false\"><ofd:StrokeColor Value=\"").append(red)
                .append("\"/><ofd:AbbreviatedData>M ").append(n(r + ring)).append(' ').append(n(r)).append(" A ").append(n(ring)).append(' ')
                .append(n(ring)).append(" 0 1 1 ").append(n(r - ring)).append(' ').append(n(r)).append(" A ").append(n(ring)).append(' ')
                .append(n(ring)).append(" 0 1 1 ").append(n(r + ring)).append(' ').append(n(r)).append(" C</ofd:AbbreviatedData></ofd:PathObject>");
        StringBuilder star = new StringBuilder();
        java.awt.geom.PathIterator it = SealShape.star(r).getPathIterator(null);
        double[] p = new double[6];
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(p);
            if (type == java.awt.geom.PathIterator.SEG_CLOSE) {
                star.append("C");
                continue;
            }
            double x = cos * p[0] - sin * p[1] + r;
            double y = sin * p[0] + cos * p[1] + r;
            star.append(type == java.awt.geom.PathIterator.SEG_MOVETO ? "M " : "L ").append(n(x)).append(' ').append(n(y)).append(' ');
        }
        b.append("<ofd:PathObject ID=\"").append(ids.next()).append("\" Boundary=\"").append(boundary).append("\" Alpha=\"").append(alpha)
                .append("\" Stroke=\"false\" Fill=\"true\"><ofd:FillColor Value=\"").append(red).append("\"/><ofd:AbbreviatedData>")
                .append(star).append("</ofd:AbbreviatedData></ofd:PathObject>");
        for (SealShape.Glyph glyph : SealShape.glyphs(seal)) {
            // the glyph's centre is the origin of its object space; the CTM turns it and moves it to its place in the seal's box
            double a = Math.toRadians(glyph.turn() + seal.turn());
            double gx = cos * glyph.x() - sin * glyph.y() + r;
            double gy = sin * glyph.x() + cos * glyph.y() + r;
            String ctm = n(Math.cos(a)) + " " + n(Math.sin(a)) + " " + n(-Math.sin(a)) + " " + n(Math.cos(a)) + " " + n(gx) + " " + n(gy);
            double half = Fonts.width(SealShape.FACE, glyph.text(), glyph.size()) / 2;
            text(b, ids, glyph.text(), SealShape.FACE, glyph.size(), boundary, -half, glyph.size() * 0.38, Inks.SEAL_RED, ctm, alpha);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(PACKED);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String rgb(Color c) {
        return c.getRed() + " " + c.getGreen() + " " + c.getBlue();
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Object ids of one package, unique across its parts. */
    private static final class Ids {
        private int next = 10;

        int next() {
            return next++;
        }

        int last() {
            return next;
        }
    }
}
