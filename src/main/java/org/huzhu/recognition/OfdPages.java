package org.huzhu.recognition;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An OFD electronic receipt shown from its own content (issue 19: the reviewer sees the document, not a download):
 * each page drawn as an image from the text objects of its pages and templates, at their places. The package is
 * read through the same guarded reader recognition uses; an OFD that cannot be read is an unreadable upload.
 */
public final class OfdPages {

    private static final Font FONT = new Font("WenQuanYi Micro Hei", Font.PLAIN, 12);

    private OfdPages() {
    }

    /** The pages of an OFD package (its text boxes in millimetres). */
    public static List<PageText> pages(byte[] ofd) {
        return OfdReader.read(ofd).pages();
    }

    /** One page drawn at {@code pixelsPerMm} (4 ≈ 100 dpi): a white sheet, a thin frame and the text at its boxes. */
    public static BufferedImage draw(PageText page, double pixelsPerMm) {
        int width = (int) Math.ceil(page.width() * pixelsPerMm);
        int height = (int) Math.ceil(page.height() * pixelsPerMm);
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xCCCCCC));
            g.drawRect(0, 0, width - 1, height - 1);
            g.setColor(new Color(0x1F2933));
            for (TextBox box : page.boxes()) {
                float size = (float) Math.max(6, box.height() * pixelsPerMm * 0.9);
                g.setFont(FONT.deriveFont(size));
                g.drawString(box.text(), (float) (box.x() * pixelsPerMm), (float) ((box.y() + box.height()) * pixelsPerMm) - size * 0.15f);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
