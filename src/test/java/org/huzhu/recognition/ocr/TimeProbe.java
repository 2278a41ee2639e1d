package org.huzhu.recognition.ocr;

import java.io.File;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Diagnostic (not a test): where a page read's time goes — preparation, the data layer's read, the form layer's read; and,
 * for scale, the image read whole, and a page in two layers read once as one (the darker of its layers, AUTO).
 */
public final class TimeProbe {
    public static void main(String[] args) throws Exception {
        ImagePreparation preparation = new ImagePreparation(ImagePreparation.DEFAULTS);
        Map<String, String> variables = Map.of("preserve_interword_spaces", "1", "tessedit_do_invert", "0", "debug_file", "/dev/null");
        TessEngine engine = TessEngine.open(TesseractOcr.DEFAULT_TESSDATA, "chi_sim", TessEngine.AUTO, variables);
        long prep = 0, data = 0, form = 0, whole = 0, once = 0;
        int layered = 0;
        for (String f : args) {
            var image = ImageIO.read(new File(f));
            long t0 = System.nanoTime();
            ImagePreparation.Prepared p = preparation.prepare(image);
            long t1 = System.nanoTime();
            int dpi = (int) Math.round(p.data().width() * 25.4 / 240);
            engine.words(p.data(), dpi, p.form() == null ? TessEngine.AUTO : TessEngine.SPARSE, "");
            long t2 = System.nanoTime();
            if (p.form() != null) TesseractOcr.formWords(engine, p.form(), dpi);
            long t3 = System.nanoTime();
            engine.words(InkLayers.luminance(InkLayers.rgb(image), image.getWidth(), image.getHeight()), dpi, TessEngine.AUTO, "");
            long t4 = System.nanoTime();
            prep += t1 - t0; data += t2 - t1; form += t3 - t2; whole += t4 - t3;
            if (p.form() != null) {
                GreyImage both = PageGeometry.darker(p.data(), p.form());
                long t5 = System.nanoTime();
                engine.words(both, dpi, TessEngine.AUTO, "");
                once += System.nanoTime() - t5;
                layered++;
            }
        }
        System.out.printf("%d pages: preparation %d ms, data layer %d ms, form layer %d ms; the image read whole (AUTO) %d ms%n", args.length,
                prep / 1_000_000, data / 1_000_000, form / 1_000_000, whole / 1_000_000);
        if (layered > 0) System.out.printf("  %d pages in two layers read once as one: %d ms%n", layered, once / 1_000_000);
        engine.close();
    }
}
