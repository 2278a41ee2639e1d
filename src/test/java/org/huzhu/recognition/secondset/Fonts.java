package org.huzhu.recognition.secondset;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The two faces of the second set, read from Debian's font files: AR PL UMing (a Song/Ming face,
 * what most printed receipts use; fonts-arphic-uming) and WenQuanYi Zen Hei (fonts-wqy-zenhei).
 * {@code ./huzhu test} and {@code ./huzhu bench recognition} install them; a missing file fails
 * with the package to install. Widths come from the font's own advances, so every rendering
 * places glyphs alike.
 */
final class Fonts {

    /** A face and where it lives; {@code name} is the face's name inside its collection. */
    enum Face {
        SONG("/usr/share/fonts/truetype/arphic/uming.ttc", "AR PL UMing CN", "fonts-arphic-uming"),
        HEI("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei", "fonts-wqy-zenhei");

        final Path file;
        final String name;
        final String debianPackage;

        Face(String file, String name, String debianPackage) {
            this.file = Path.of(file);
            this.name = name;
            this.debianPackage = debianPackage;
        }
    }

    private static final FontRenderContext METRICS = new FontRenderContext(null, true, true);
    private static final Map<Face, Font> AWT = new EnumMap<>(Face.class);

    private Fonts() {
    }

    static Path file(Face face) {
        if (!Files.isRegularFile(face.file)) {
            throw new IllegalStateException("The second receipt set needs the font " + face.name + " (" + face.file
                    + "): install Debian's " + face.debianPackage + " (./huzhu test and ./huzhu bench recognition do)");
        }
        return face.file;
    }

    /** The face at 1 mm (units are millimetres throughout the set). */
    static synchronized Font awt(Face face) {
        return AWT.computeIfAbsent(face, f -> {
            try {
                for (Font font : Font.createFonts(file(f).toFile())) {
                    if (font.getFontName().equals(f.name)) return font.deriveFont(1f);
                }
                throw new IllegalStateException(f.file + " holds no face named " + f.name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(f.file + " is not a font collection", e);
            }
        });
    }

    /** Width in mm of text set at {@code size} mm. */
    static double width(Face face, String text, double size) {
        return awt(face).deriveFont(1000f).getStringBounds(text, METRICS).getWidth() / 1000 * size;
    }

    /** The advance of each code point, in mm (OFD's DeltaX). */
    static double[] advances(Face face, String text, double size) {
        return text.codePoints().mapToDouble(c -> width(face, Character.toString(c), size)).toArray();
    }
}
