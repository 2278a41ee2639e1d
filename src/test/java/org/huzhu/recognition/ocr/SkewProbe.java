package org.huzhu.recognition.ocr;

import java.io.File;
import javax.imageio.ImageIO;

/** Diagnostic (not a test): the skew measured on an image's grey page and on its parted layers. */
public final class SkewProbe {
    public static void main(String[] args) throws Exception {
        for (String f : args) {
            var image = ImageIO.read(new File(f));
            GreyImage grey = FlatField.flatField(InkLayers.withoutRedInk(image, 40, 200));
            GreyInks.Parted parted = GreyInks.part(grey);
            System.out.printf("%s grey=%.1f data=%.1f form=%.1f otsu(data)=%d%n", new File(f).getName(), PageGeometry.estimateSkew(grey),
                    PageGeometry.estimateSkew(parted.data()), parted.form() == null ? Double.NaN : PageGeometry.estimateSkew(parted.form()),
                    ImagePreparation.otsuThreshold(parted.data()));
        }
    }
}
