package org.huzhu.recognition.specimen;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one typeface every rendering uses (WenQuanYi Micro Hei, the first font of its .ttc), and its
 * advance widths in millimetres, so the layout places values, the PDF and the image draw them, and
 * the OFD spaces its glyphs alike.
 */
final class ReceiptFont {

    static final Path FILE = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    /** Where the baseline sits below the middle of a glyph's em box, as a share of the size. */
    static final double BASELINE_BELOW_CENTRE = 0.36;

    private static final float UNITS = 1000f;
    private static final FontRenderContext EXACT = new FontRenderContext(null, true, true);
    private static final Font FONT = load();

    private ReceiptFont() {}

    /** The AWT font at 1 point; derive the size you need. */
    static Font awt() {
        return FONT;
    }

    /** AR PL UMing (a Song/Ming face, fonts-arphic-uming) at 1 point: {@link PngRenderer}'s other face for the data. */
    static Font song() {
        return Song.FONT;
    }

    /** WenQuanYi Zen Hei (fonts-wqy-zenhei) at 1 point: {@link PngRenderer}'s other Hei face for the data. */
    static Font zenHei() {
        return ZenHei.FONT;
    }

    /** Loaded on first use: only the renderings that ask for it need the font installed. */
    private static final class ZenHei {
        static final Font FONT = load(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "fonts-wqy-zenhei");
    }

    /** Loaded on first use: only the renderings that ask for it need the font installed. */
    private static final class Song {
        static final Font FONT = load(Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"), "fonts-arphic-uming");
    }

    /** How far the pen moves drawing {@code text} at {@code size} mm. */
    static double advance(String text, double size) {
        return FONT.deriveFont(UNITS).getStringBounds(text, EXACT).getWidth() / UNITS * size;
    }

    /** The pen position of each glyph after the first, relative to the previous one (OFD DeltaX). */
    static double[] deltas(String text, double size) {
        int[] codePoints = text.codePoints().toArray();
        double[] deltas = new double[Math.max(0, codePoints.length - 1)];
        for (int i = 0; i < deltas.length; i++) {
            deltas[i] = advance(Character.toString(codePoints[i]), size);
        }
        return deltas;
    }

    private static Font load() {
        return load(FILE, "fonts-wqy-microhei");
    }

    private static Font load(Path file, String debianPackage) {
        try {
            return Font.createFonts(file.toFile())[0].deriveFont(1f);
        } catch (FontFormatException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot load " + file + " (apt-get install " + debianPackage + ")", e));
        }
    }
}
