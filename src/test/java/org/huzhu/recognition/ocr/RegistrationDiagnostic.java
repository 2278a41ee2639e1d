package org.huzhu.recognition.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Diagnostic: per image of a bench set, whether the form is found in perspective and registers after preparation. */
public final class RegistrationDiagnostic {
    public static void main(String[] args) throws Exception {
        ImagePreparation preparation = new ImagePreparation(ImagePreparation.DEFAULTS);
        int found = 0, registered = 0, n = 0;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(args[1])).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                int[] rgb = InkLayers.rgb(image);
                int w = image.getWidth(), h = image.getHeight();
                long t0 = System.nanoTime();
                FormPerspective.Homography hom = FormPerspective.find(InkLayers.redInk(rgb, InkLayers.redLead(rgb, w, h), w, h, null));
                long t1 = System.nanoTime();
                ImagePreparation.Prepared p = preparation.prepare(image);
                FormRegistration.Transform t = FormRegistration.register(p.form());
                n++;
                if (hom != null) found++;
                if (t != null) registered++;
                System.out.printf("%s found=%s bend=%.2f registered=%s skew=%.1f find=%dms%n", file.getFileName(), hom != null,
                        hom == null ? -1 : FormPerspective.bend(hom), t != null, p.skewDegrees(), (t1 - t0) / 1_000_000);
            }
        }
        System.out.printf("%d images: %d found, %d registered%n", n, found, registered);
    }
}
