package org.huzhu.recognition.ocr;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Diagnostic (not a test): an image's sharpness, the form's ink as {@link InkLayers#redInk} estimates it (the darkest
 * quarter of the red in the page's upper 45 %), and the cells taken for a lighter stamp ({@link InkLayers#sealCells} at
 * the lightness given, default 120), drawn pink over the form layer. Arguments: IMAGE OUT.png [LIGHT].
 */
public final class SealProbe {
    public static void main(String[] args) throws Exception {
        BufferedImage source = ImageIO.read(new File(args[0]));
        int[] rgb = InkLayers.coolLightBalanced(InkLayers.rgb(source));
        int w = source.getWidth(), h = source.getHeight();
        GreyImage luminance = InkLayers.luminance(rgb, w, h);
        GreyImage paper = FlatField.background(luminance);
        int[] lead = InkLayers.redLead(rgb, w, h);
        int sharp = InkLayers.sharpness(luminance);
        GreyImage form = InkLayers.redInk(rgb, lead, w, h, paper, sharp >= InkLayers.SOFT);
        boolean[] seal = InkLayers.sealCells(rgb, lead, w, h, paper.pixels(), Integer.parseInt(args.length > 2 ? args[2] : "120"));
        int cw = (w + InkLayers.CELL - 1) / InkLayers.CELL;
        int cells = 0;
        for (boolean b : seal) if (b) cells++;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int v = form.at(x, y);
            boolean s = seal[(y / InkLayers.CELL) * cw + x / InkLayers.CELL];
            out.setRGB(x, y, s ? (v << 16) | (Math.min(255, v) * 200 / 255 << 8) | (v * 200 / 255) : (v << 16) | (v << 8) | v);
        }
        ImageIO.write(out, "png", new File(args[1]));
        int[] hist = new int[256];
        for (int i = 0; i < (int) (h * 0.45) * w; i++) if (lead[i] > 40) {
            int p = rgb[i];
            int l = ((p >> 16 & 0xff) * 77 + (p >> 8 & 0xff) * 150 + (p & 0xff) * 29) >> 8;
            hist[Math.min(255, l * 255 / (paper.pixels()[i] & 0xff))]++;
        }
        long total = 0, seen = 0;
        for (int n : hist) total += n;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen > total / 4) {
                System.out.println("form ink " + v + " (of " + total + " red pixels in the upper part)");
                break;
            }
        }
        System.out.printf("sharpness %d (soft below %d), seal cells %d%n", sharp, InkLayers.SOFT, cells);
    }
}
