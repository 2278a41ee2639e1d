package org.huzhu.recognition.ocr;

import java.io.File;
import javax.imageio.ImageIO;

/** Diagnostic (not a test): the time of each step of a colour page's preparation, summed over the images given (ms). */
public final class PrepProbe {
    public static void main(String[] args) throws Exception {
        long[] t = new long[12];
        String[] names = {"rgb", "balance", "luminance", "background", "redLead", "redInk", "sharpness", "withoutRedInk", "withoutRims", "onlyPaper", "skew", "resample"};
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(t, 0);
            for (String f : args) {
                var image = ImageIO.read(new File(f));
                long a = System.nanoTime();
                int[] rgb = InkLayers.rgb(image);
                long b = System.nanoTime(); t[0] += b - a;
                rgb = InkLayers.coolLightBalanced(rgb);
                long c = System.nanoTime(); t[1] += c - b;
                int w = image.getWidth(), h = image.getHeight();
                GreyImage lum = InkLayers.luminance(rgb, w, h);
                long d = System.nanoTime(); t[2] += d - c;
                GreyImage paper = FlatField.background(lum);
                long e = System.nanoTime(); t[3] += e - d;
                int[] lead = InkLayers.redLead(rgb, w, h);
                long f1 = System.nanoTime(); t[4] += f1 - e;
                GreyImage form = InkLayers.redInk(rgb, lead, w, h, paper);
                long g = System.nanoTime(); t[5] += g - f1;
                boolean soft = InkLayers.sharpness(lum) < InkLayers.SOFT;
                long h1 = System.nanoTime(); t[6] += h1 - g;
                GreyImage plain = InkLayers.withoutRedInk(rgb, w, h, 40, 200, paper);
                long i = System.nanoTime(); t[7] += i - h1;
                GreyImage data = InkLayers.withoutRimsOf(form, plain, lead, soft ? rgb : null, paper);
                long j = System.nanoTime(); t[8] += j - i;
                boolean[] desk = FlatField.outline(paper, data, form).desk();
                data = FlatField.onlyPaper(data, desk);
                form = FlatField.onlyPaper(form, desk);
                long k = System.nanoTime(); t[9] += k - j;
                double skew = PageGeometry.estimateSkew(PageGeometry.darker(data, form));
                long l = System.nanoTime(); t[10] += l - k;
                PageGeometry.resample(data, 1800.0 / Math.max(1800, data.width()), skew);
                PageGeometry.resample(form, 1800.0 / Math.max(1800, data.width()), skew);
                t[11] += System.nanoTime() - l;
            }
        }
        for (int n = 0; n < t.length; n++) System.out.printf("%-14s %6d ms%n", names[n], t[n] / 1_000_000);
    }
}
