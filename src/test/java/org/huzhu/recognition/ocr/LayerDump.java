package org.huzhu.recognition.ocr;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Diagnostic (not a test): writes an image's prepared data and form layers (and a grey page's without and with its seal) as PNG files beside the given prefix. */
public final class LayerDump {
    public static void main(String[] args) throws Exception {
        ImagePreparation.Prepared p = new ImagePreparation(ImagePreparation.DEFAULTS).prepare(ImageIO.read(new File(args[0])));
        write(p.data(), args[1] + "-data.png");
        if (p.form() != null) write(p.form(), args[1] + "-form.png");
        if (p.withoutSeal() != null) write(p.withoutSeal().get(), args[1] + "-without-seal.png");
        if (p.withSeal() != null) write(p.withSeal().get(), args[1] + "-with-seal.png");
        System.out.printf("scale=%.3f skew=%.2f registered=%s%n", p.scale(), p.skewDegrees(), p.form() != null && FormRegistration.register(p.form()) != null);
    }

    static void write(GreyImage g, String file) throws Exception {
        BufferedImage out = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setDataElements(0, 0, g.width(), g.height(), g.pixels());
        ImageIO.write(out, "png", new File(file));
    }
}
