package org.huzhu.recognition.secondset;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.huzhu.recognition.secondset.Fonts.Face;

/**
 * A sheet as a PDF with a text layer (PDFBox): one run of text per printed item, the faces
 * embedded as subsets; the stamp translucent with its ring's glyphs turned, as electronic
 * receipts carry them.
 */
final class PdfSheet {

    private static final float MM = 72f / 25.4f;

    private PdfSheet() {
    }

    /** The faces, parsed once and kept open (the collections are large); subsets are taken from them per document. */
    private static final Map<Face, TrueTypeFont> FACES = new EnumMap<>(Face.class);

    private static TrueTypeFont face(Face face) throws IOException {
        TrueTypeFont loaded = FACES.get(face);
        if (loaded != null) return loaded;
        TrueTypeCollection collection = new TrueTypeCollection(Fonts.file(face).toFile());
        TrueTypeFont[] found = new TrueTypeFont[1];
        collection.processAllFonts(ttf -> {
            if (found[0] == null && face.name.equals(ttf.getNaming().getFontFamily())) found[0] = ttf;
        });
        if (found[0] == null) throw new IllegalStateException(Fonts.file(face) + " holds no face named " + face.name);
        FACES.put(face, found[0]);
        return found[0];
    }

    /** One document at a time: the shared faces are read while subsetting. */
    static synchronized byte[] write(Sheet sheet) {
        try (PDDocument doc = new PDDocument()) {
            Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
            for (Face face : Face.values()) fonts.put(face, PDType0Font.load(doc, face(face), true));
            PDPage page = new PDPage(new PDRectangle((float) sheet.width * MM, (float) sheet.height * MM));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setStrokingColor(Inks.of(sheet, Sheet.Ink.FORM));
                for (Sheet.Rule rule : sheet.rules) {
                    cs.setLineWidth((float) rule.width() * MM);
                    cs.moveTo(x(rule.x1()), y(sheet, rule.y1()));
                    cs.lineTo(x(rule.x2()), y(sheet, rule.y2()));
                    cs.stroke();
                }
                for (Sheet.Text text : sheet.texts) {
                    cs.beginText();
                    cs.setNonStrokingColor(Inks.of(sheet, text.ink()));
                    cs.setFont(fonts.get(text.face()), (float) text.size() * MM);
                    cs.newLineAtOffset(x(text.x()), y(sheet, text.baseline()));
                    cs.showText(text.text());
                    cs.endText();
                }
                cs.setNonStrokingColor(Inks.BLACK);
                for (Sheet.Qr qr : sheet.qrs) {
                    double module = qr.size() / qr.matrix().getWidth();
                    for (int row = 0; row < qr.matrix().getHeight(); row++) {
                        for (int col = 0; col < qr.matrix().getWidth(); col++) {
                            if (!qr.matrix().get(col, row)) continue;
                            cs.addRect(x(qr.x() + col * module), y(sheet, qr.y() + (row + 1) * module), (float) module * MM, (float) module * MM);
                        }
                    }
                    cs.fill();
                }
                for (Sheet.Seal seal : sheet.seals) seal(cs, sheet, seal, fonts.get(SealShape.FACE));
            }
            // a file ID from the document's own content, not the clock: the same seed writes the same bytes
            byte[] id = fileId(sheet);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().setDocumentID(ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fileId(Sheet sheet) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest((sheet.arrangement + sheet.look.describe() + sheet.truth)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seal(PDPageContentStream cs, Sheet sheet, Sheet.Seal seal, PDType0Font font) throws IOException {
        PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
        ink.setNonStrokingAlphaConstant((float) Inks.SEAL_OPACITY);
        ink.setStrokingAlphaConstant((float) Inks.SEAL_OPACITY);
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(ink);
        Color red = Inks.SEAL_RED;
        cs.setNonStrokingColor(red);
        cs.setStrokingColor(red);
        // the seal's own frame: origin at its centre, y down as on the sheet, turned by the seal's turn
        Matrix frame = new Matrix(MM, 0, 0, -MM, x(seal.cx()), y(sheet, seal.cy()));
        frame.concatenate(Matrix.getRotateInstance(Math.toRadians(seal.turn()), 0, 0));
        cs.transform(frame);
        double r = seal.radius();
        double w = SealShape.ringWidth(r);
        cs.setLineWidth((float) w);
        circle(cs, r - w / 2);
        cs.stroke();
        java.awt.geom.PathIterator star = SealShape.star(r).getPathIterator(null);
        double[] p = new double[6];
        for (; !star.isDone(); star.next()) {
            int type = star.currentSegment(p);
            if (type == java.awt.geom.PathIterator.SEG_MOVETO) cs.moveTo((float) p[0], (float) p[1]);
            else if (type == java.awt.geom.PathIterator.SEG_LINETO) cs.lineTo((float) p[0], (float) p[1]);
            else cs.closePath();
        }
        cs.fill();
        for (SealShape.Glyph glyph : SealShape.glyphs(seal)) {
            double width = Fonts.width(SealShape.FACE, glyph.text(), glyph.size());
            Matrix m = Matrix.getTranslateInstance((float) glyph.x(), (float) glyph.y());
            m.concatenate(Matrix.getRotateInstance(Math.toRadians(glyph.turn()), 0, 0));
            m.concatenate(new Matrix(1, 0, 0, -1, (float) (-width / 2), (float) (glyph.size() * 0.38)));
            cs.beginText();
            cs.setFont(font, (float) glyph.size());
            cs.setTextMatrix(m);
            cs.showText(glyph.text());
            cs.endText();
        }
        cs.restoreGraphicsState();
    }

    /** A circle of four Bézier quarters around 0,0. */
    private static void circle(PDPageContentStream cs, double r) throws IOException {
        float k = (float) (r * 0.5523);
        float f = (float) r;
        cs.moveTo(f, 0);
        cs.curveTo(f, k, k, f, 0, f);
        cs.curveTo(-k, f, -f, k, -f, 0);
        cs.curveTo(-f, -k, -k, -f, 0, -f);
        cs.curveTo(k, -f, f, -k, f, 0);
        cs.closePath();
    }

    private static float x(double mm) {
        return (float) mm * MM;
    }

    private static float y(Sheet sheet, double mm) {
        return (float) (sheet.height - mm) * MM;
    }
}
