package org.huzhu.recognition.secondset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.recognition.secondset.Fonts.Face;

/**
 * The geometry of a round 收费专用章, shared by every rendering: the ring, the five-pointed star,
 * the hospital's name along the upper arc (each glyph turned to face out) and the purpose across
 * the lower half; all in mm around the seal's centre, before the seal's own turn.
 */
final class SealShape {

    static final Face FACE = Face.HEI;

    /** One glyph: where its centre sits, how far it is turned (degrees, clockwise), its size. */
    record Glyph(String text, double x, double y, double turn, double size) {
    }

    private SealShape() {
    }

    static double ringWidth(double radius) {
        return radius * 0.055;
    }

    /** The star's outline around the centre. */
    static Path2D star(double radius) {
        Path2D star = new Path2D.Double();
        double outer = radius * 0.24;
        double inner = outer * 0.382;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = Math.toRadians(-90 + 36 * i);
            if (i == 0) star.moveTo(r * Math.cos(a), r * Math.sin(a));
            else star.lineTo(r * Math.cos(a), r * Math.sin(a));
        }
        star.closePath();
        return star;
    }

    /** The ring's glyphs (the hospital) over up to 240° of the top, and the purpose's glyphs across below the star. */
    static List<Glyph> glyphs(Sheet.Seal seal) {
        List<Glyph> glyphs = new ArrayList<>();
        double r = seal.radius();
        int n = seal.ring().codePointCount(0, seal.ring().length());
        double size = Math.min(r * 0.24, r * 0.78 * Math.toRadians(240) / n);
        double along = r - ringWidth(r) * 2 - size * 0.55;
        double step = Math.min(size * 1.05 / along, Math.toRadians(240) / n);
        double start = -Math.PI / 2 - step * n / 2;
        int[] chars = seal.ring().codePoints().toArray();
        for (int i = 0; i < n; i++) {
            double a = start + step * (i + 0.5);
            glyphs.add(new Glyph(Character.toString(chars[i]), along * Math.cos(a), along * Math.sin(a), Math.toDegrees(a) + 90, size));
        }
        double small = r * 0.17;
        int m = seal.purpose().length();
        for (int i = 0; i < m; i++) {
            glyphs.add(new Glyph(seal.purpose().substring(i, i + 1), (i - (m - 1) / 2.0) * small * 1.02, r * 0.52, 0, small));
        }
        return glyphs;
    }

    /** Draws the seal in the current colour of {@code g}, whose transform is in mm with the seal's centre at 0,0. */
    static void draw(Graphics2D g, Sheet.Seal seal) {
        double r = seal.radius();
        AffineTransform before = g.getTransform();
        g.rotate(Math.toRadians(seal.turn()));
        double w = ringWidth(r);
        g.setStroke(new BasicStroke((float) w));
        g.draw(new Ellipse2D.Double(-r + w / 2, -r + w / 2, 2 * r - w, 2 * r - w));
        g.fill(star(r));
        Font base = Fonts.awt(FACE);
        for (Glyph glyph : glyphs(seal)) {
            AffineTransform at = g.getTransform();
            g.translate(glyph.x(), glyph.y());
            g.rotate(Math.toRadians(glyph.turn()));
            g.setFont(base.deriveFont((float) glyph.size()));
            double width = Fonts.width(FACE, glyph.text(), glyph.size());
            g.drawString(glyph.text(), (float) (-width / 2), (float) (glyph.size() * 0.38));
            g.setTransform(at);
        }
        g.setTransform(before);
    }
}
