package org.huzhu.recognition.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;

/**
 * Grey images drawn for the tests of the steps that clean a page or a look: paper of one grey, rectangles of ink; and
 * pages drawn with Java's 2D graphics, a seal's ring and star on them.
 */
final class PaintedImages {

    private PaintedImages() {
    }

    /** An image of {@code w} × {@code h} pixels, all of grey {@code value}. */
    static GreyImage filled(int w, int h, int value) {
        byte[] pixels = new byte[w * h];
        Arrays.fill(pixels, (byte) value);
        return new GreyImage(w, h, pixels);
    }

    /** WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) at the given size. */
    static Font chineseFont(float size) throws IOException, FontFormatException {
        return Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")).deriveFont(size);
    }

    /** A white grey page of {@code w} × {@code h} pixels. */
    static BufferedImage whitePage(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    /** A pen on the image that draws shapes and text antialiased. */
    static Graphics2D antialiased(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /**
     * A round seal's ring of radius {@code r} about ({@code x}, {@code y}), drawn {@code stroke} pixels wide, and its
     * solid five-pointed star at the centre, point up, 40 pixels from the centre to a point; in the pen's colour.
     */
    static void sealRingAndStar(Graphics2D g, int x, int y, int r, float stroke) {
        g.setStroke(new BasicStroke(stroke));
        g.drawOval(x - r, y - r, 2 * r, 2 * r);
        g.fillPolygon(new int[] {x, x + 12, x + 40, x + 16, x + 24, x, x - 24, x - 16, x - 40, x - 12},
                new int[] {y - 40, y - 12, y - 12, y + 6, y + 36, y + 18, y + 36, y + 6, y - 12, y - 12}, 10);
    }

    /** Paints the rectangle at ({@code x}, {@code y}), {@code w} × {@code h}, in grey {@code value}. */
    static void paint(GreyImage image, int x, int y, int w, int h, int value) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) image.pixels()[yy * image.width() + xx] = (byte) value;
        }
    }
}
