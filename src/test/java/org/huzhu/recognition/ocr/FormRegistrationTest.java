package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormRegistrationTest {

    private final ImagePreparation preparation = new ImagePreparation(ImagePreparation.DEFAULTS);

    /** The page drawn at a resolution, moved right and down on a larger sheet and turned by some degrees. */
    private static BufferedImage moved(int dpi, int right, int down, double degrees) {
        BufferedImage page = PngRenderer.render(ReceiptFaker.receipt(11L), dpi);
        BufferedImage sheet = new BufferedImage(page.getWidth() + right + 40, page.getHeight() + down + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), sheet.getWidth() / 2.0, sheet.getHeight() / 2.0);
        g.drawImage(page, right, down, null);
        g.dispose();
        return sheet;
    }

    @ParameterizedTest
    @CsvSource({"200, 0, 0, 0", "200, 120, 60, 0", "150, 30, 90, 0", "300, 0, 0, 0", "200, 40, 40, 1.5", "200, 40, 40, -2.5"})
    void findsTheTemplateOnAPageScaledMovedAndTurned(int dpi, int right, int down, double degrees) {
        ImagePreparation.Prepared prepared = preparation.prepare(moved(dpi, right, down, degrees));
        FormRegistration.Transform t = FormRegistration.register(prepared.form());

        assertThat(t).isNotNull();
        double pixelsPerMm = dpi / 25.4 * prepared.scale();
        assertThat(t.scaleX()).isCloseTo(pixelsPerMm, within(pixelsPerMm * 0.01));
        assertThat(t.scaleY()).isCloseTo(pixelsPerMm, within(pixelsPerMm * 0.01));
        if (degrees == 0) {
            // The page's origin lies where it was drawn on the sheet (the preparation only scales an upright page).
            assertThat(t.offsetX()).isCloseTo(right * prepared.scale(), within(0.5 * pixelsPerMm));
            assertThat(t.offsetY()).isCloseTo(down * prepared.scale(), within(0.5 * pixelsPerMm));
        }
    }

    @Test
    void aPageWithoutTheTemplatesRulesIsNotRegistered() {
        BufferedImage page = new BufferedImage(1890, 1102, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(new Color(200, 30, 30));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 28));
        g.drawString("票据代码：", 110, 190);
        // A frame with only three rules: another form, not the template.
        g.fillRect(94, 378, 1700, 3);
        g.fillRect(94, 700, 1700, 3);
        g.fillRect(94, 988, 1700, 3);
        g.fillRect(94, 378, 3, 610);
        g.fillRect(1794, 378, 3, 610);
        g.dispose();

        ImagePreparation.Prepared prepared = preparation.prepare(page);

        assertThat(prepared.form()).isNotNull();
        assertThat(FormRegistration.register(prepared.form())).isNull();
    }

    @ParameterizedTest
    @CsvSource({"11, 住院时间：", "4, 就诊日期："})
    void placesTheLabelsWhereTesseractReadsThemOnTheWholeLayer(long seed, String kindLabel) {
        ReceiptTruth truth = ReceiptFaker.receipt(seed);
        assertThat(truth.inpatient()).isEqualTo(kindLabel.startsWith("住院"));
        ImagePreparation.Prepared prepared = preparation.prepare(PngRenderer.render(truth));
        int dpi = (int) Math.round(prepared.form().width() * 25.4 / 240);
        try (TessEngine engine = TessEngine.open(TesseractOcr.DEFAULT_TESSDATA, "chi_sim", TessEngine.AUTO, Map.of("debug_file", "/dev/null"))) {
            List<TessEngine.Word> placed = TesseractOcr.formWords(engine, prepared.form(), dpi);
            List<TessEngine.Word> read = engine.words(prepared.form(), dpi, TessEngine.AUTO, FormVocabulary.ALPHABET);

            assertThat(placed).extracting(TessEngine.Word::text).contains("票据代码：", "收款单位（章）：", "项目名称", kindLabel);
            double millimetre = prepared.form().width() / 240.0;
            for (String label : List.of("交款人：", "医保统筹基金支付：", "收款人：", "开票日期：")) {
                TessEngine.Word where = placed.stream().filter(w -> w.text().equals(label)).findFirst().orElseThrow();
                // The whole layer's read, word by word: the word that begins the label, nearest to where it was placed.
                String first = label.substring(0, 1);
                TessEngine.Word seen = read.stream().filter(w -> w.text().startsWith(first))
                        .min(java.util.Comparator.comparingDouble(w -> Math.hypot(w.left() - where.left(), w.top() - where.top())))
                        .orElseThrow();
                assertThat((where.top() + where.bottom()) / 2.0).as(label)
                        .isCloseTo((seen.top() + seen.bottom()) / 2.0, within(1.0 * millimetre));
                assertThat((double) where.left()).as(label).isCloseTo(seen.left(), within(1.0 * millimetre));
            }
        }
    }

    @Test
    void aBlankFormLayerIsNotRegistered() {
        assertThat(FormRegistration.register(GreyImage.blank(1800, 1050))).isNull();
    }
}
