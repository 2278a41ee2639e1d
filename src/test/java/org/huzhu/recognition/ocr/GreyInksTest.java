package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.recognition.ocr.ImagePreparationTest.darkPixels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.File;
import java.util.Random;
import java.util.function.Consumer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A grey scan's inks parted by darkness: the greys are the receipt's inks printed grey (ITU-R
 * BT.601 luminance of the generator's inks): the form's red (200, 16, 46) is 74, the seal's red
 * (208, 20, 40) at 0.85 opacity over paper 105, black data 0.
 */
class GreyInksTest {

    private static final int W = 1200;
    private static final int H = 500;
    private static final Color FORM_GREY = new Color(74, 74, 74);
    private static final Color SEAL_GREY = new Color(105, 105, 105);
    private static Font font;

    @BeforeAll
    static void chineseFont() throws Exception {
        // 3.5 mm print at 150 dpi: about 21 pixels, strokes under two pixels wide
        font = Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")).deriveFont(21f);
    }

    /** Label (form grey) left, small black data right, a seal ring over part of the data, noise σ 4. */
    private static GreyImage scan() {
        GreyImage labelAndData = grey(g -> {
            g.setColor(FORM_GREY);
            g.drawString("医保统筹基金支付：", 100, 200);
            g.setColor(Color.BLACK);
            g.drawString("11879.23 恩施州中心医院 2026-05-12", 400, 200);
            thinStrokes(g);
        });
        GreyImage seal = grey(g -> {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(6));
            g.drawOval(560, 120, 160, 160);
        });
        byte[] p = labelAndData.pixels();
        Random random = new Random(7);
        for (int i = 0; i < p.length; i++) {
            int below = p[i] & 0xff;
            // the seal multiplies over what is below it (paper becomes its grey, black stays black), as stamp ink does
            int v = (seal.pixels()[i] & 0xff) < 128 ? below * SEAL_GREY.getRed() / 255 : below;
            p[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v + random.nextGaussian() * 4)));
        }
        return labelAndData;
    }

    @Test
    void theDataLayerKeepsSmallBlackDataAndDropsTheSeal() {
        GreyInks.Parted parted = GreyInks.part(scan());

        int dataPixels = dataPixels();
        int[] keptAndLeft = keptAndSealLeft(parted.data());
        assertThat(dataPixels).isGreaterThan(1000);
        assertThat(keptAndLeft[0]).as("black data pixels kept").isGreaterThan((int) (dataPixels * 0.97));
        assertThat(keptAndLeft[1]).as("seal pixels left in the data layer").isZero();
    }

    /** The black data of {@link #scan} alone. */
    private static GreyImage cleanData() {
        return grey(g -> {
            g.setColor(Color.BLACK);
            g.drawString("11879.23 恩施州中心医院 2026-05-12", 400, 200);
            thinStrokes(g);
        });
    }

    private static int dataPixels() {
        return darkPixels(cleanData(), 0, 0, W, H);
    }

    /** Of {@link #scan}'s data pixels, how many a data layer keeps dark; of the seal's ring away from the data, how many it keeps at all. */
    private static int[] keptAndSealLeft(GreyImage dataLayer) {
        GreyImage clean = cleanData();
        GreyImage ring = grey(g -> {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawOval(560, 120, 160, 160);
        });
        int kept = 0;
        int sealOnly = 0;
        int sealLeft = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (clean.at(x, y) < 128) {
                    if (dataLayer.at(x, y) < 128) kept++;
                } else if (ring.at(x, y) < 128 && !near(clean, x, y, 3)) {
                    sealOnly++;
                    if (dataLayer.at(x, y) < 200) sealLeft++;
                }
            }
        }
        assertThat(sealOnly).isGreaterThan(500);
        return new int[] {kept, sealLeft};
    }

    /**
     * A pale print (a printer low on toner): every ink at half its darkness, black data a mid grey no darker than the
     * seal's grey on a dark print. Nothing is dark enough to be data, so the data layer is blank and the page is said to
     * have no data ink; deepened back by its darkest ink ({@link GreyInks#paleData}), its data is parted from the seal
     * as a dark print's is.
     */
    @Test
    void aPalePrintHasNoDataInkAndIsPartedDeepenedBack() {
        GreyImage dark = scan();
        GreyImage pale = lightened(dark, 0.5f);

        assertThat(GreyInks.part(dark).dataInked()).isTrue();
        GreyInks.Parted parted = GreyInks.part(pale);
        assertThat(parted.dataInked()).isFalse();
        assertThat(darkPixels(parted.data(), 0, 0, W, H)).as("the pale page's data layer").isZero();

        GreyImage data = GreyInks.paleData(pale);
        int[] keptAndLeft = keptAndSealLeft(data);
        assertThat(keptAndLeft[0]).as("black data pixels kept").isGreaterThan((int) (dataPixels() * 0.97));
        assertThat(keptAndLeft[1]).as("seal pixels left in the data layer").isZero();
    }

    /**
     * A light toner's print (every ink at 0.7 of its darkness): the strokes' cores stay darker than the seal, so the page
     * has data ink, but their rims and thin strokes do not, and parted as it is its data layer keeps only the cores.
     * Deepened back by its darkest ink first ({@link GreyInks#partOf}), its data is kept as a dark print's is. A dark print
     * is parted as it is.
     */
    @Test
    void aLightPrintIsDeepenedBackBeforeItIsParted() {
        GreyImage dark = scan();
        GreyImage light = lightened(dark, 0.7f);

        assertThat(GreyInks.partOf(dark).data().pixels()).isEqualTo(GreyInks.part(dark).data().pixels());
        GreyInks.Parted asItIs = GreyInks.part(light);
        assertThat(asItIs.dataInked()).isTrue();
        assertThat(keptAndSealLeft(asItIs.data())[0]).as("black data pixels kept, the light page parted as it is")
                .isLessThan((int) (dataPixels() * 0.9));

        int[] keptAndLeft = keptAndSealLeft(GreyInks.partOf(light).data());
        assertThat(keptAndLeft[0]).as("black data pixels kept, deepened back").isGreaterThan((int) (dataPixels() * 0.97));
        assertThat(keptAndLeft[1]).as("seal pixels left in the data layer").isZero();
    }

    /**
     * The same light print through soft optics: its darkest ink is its blurred strokes', lighter than their ink was, while
     * the seal's wide ring keeps its grey, so deepened back by it the seal is as dark as data. Deepened back, its data is
     * what is darker than its seal's ring deepened alike ({@link GreyInks#partOf}): the data kept, the seal left out. A
     * soft pale print, nothing on it darker than the seal, is parted as it is: its data layer blank, it is read as one layer.
     */
    @Test
    void aSoftLightPrintIsPartedBelowItsSealDeepenedBack() {
        GreyImage soft = blurred(lightened(scan(), 0.7f));
        assertThat(InkLayers.sharpness(soft)).as("soft").isLessThan((int) (0.45 * 255 * 0.7));
        GreyInks.Parted asItIs = GreyInks.part(soft);
        assertThat(asItIs.dataInked()).isTrue();
        int[] keptAsItIs = keptAndSealLeft(asItIs.data());

        int[] keptAndLeft = keptAndSealLeft(GreyInks.partOf(soft).data());
        // the blur leaves a thin stroke's pixels lighter than its ink: a dark print blurred alike keeps about 4 in 5 of them
        assertThat(keptAndLeft[0]).as("black data pixels kept, deepened back").isGreaterThan(dataPixels() / 2)
                .isGreaterThan(keptAsItIs[0] * 10);
        assertThat(keptAndLeft[1]).as("seal pixels left in the data layer").isZero();

        GreyImage softPale = blurred(lightened(scan(), 0.5f));
        assertThat(GreyInks.partOf(softPale).dataInked()).as("a soft pale print's data ink").isFalse();
    }

    /** Every ink of the page kept at a share of its darkness, as a print short of toner is. */
    private static GreyImage lightened(GreyImage page, float kept) {
        byte[] p = page.pixels().clone();
        for (int i = 0; i < p.length; i++) p[i] = (byte) (255 - Math.round((255 - (p[i] & 0xff)) * kept));
        return new GreyImage(W, H, p);
    }

    /** The page through a scanner's soft optics: a 3×3 gaussian, σ 0.8 (as Variants.softLightScan's). */
    private static GreyImage blurred(GreyImage page) {
        float[] kernel = new float[9];
        float sum = 0;
        for (int i = 0; i < 9; i++) sum += kernel[i] = (float) Math.exp(-((i % 3 - 1) * (i % 3 - 1) + (i / 3 - 1) * (i / 3 - 1)) / (2 * 0.8 * 0.8));
        for (int i = 0; i < 9; i++) kernel[i] /= sum;
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, W, H, page.pixels());
        BufferedImage soft = new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        return new GreyImage(W, H, ((DataBufferByte) soft.getRaster().getDataBuffer()).getData().clone());
    }

    @Test
    void theFormLayerHoldsTheGreyLabelButNotTheBlackData() {
        GreyInks.Parted parted = GreyInks.part(scan());

        assertThat(parted.form()).isNotNull();
        assertThat(darkPixels(parted.form(), 90, 170, 390, 210)).as("label").isGreaterThan(400);
        // at most specks: a thin black stroke whose core is only grey at this size may leave a pixel or two
        assertThat(darkPixels(parted.form(), 400, 170, 550, 210)).as("black data").isLessThan(darkPixels(parted.data(), 400, 170, 550, 210) / 50);
    }

    @Test
    void aPageWithoutMidGreyInkIsNotParted() {
        GreyImage page = grey(g -> {
            g.setColor(Color.BLACK);
            g.drawString("票据代码：42010126 交款人：张三", 100, 200);
        });

        GreyInks.Parted parted = GreyInks.part(page);

        assertThat(parted.form()).isNull();
        assertThat(parted.data()).isSameAs(page);
    }

    @Test
    void takesTheTemplatesPrintOutOfTheDataLayerButNotTheValueBesideALabel() {
        // the template at 8 pixels a millimetre, moved 20 right and 10 down
        FormRegistration.Transform t = new FormRegistration.Transform(8, 20, 8, 10);
        FormRegistration.Label label = FormRegistration.TOP_LEFT;
        double labelEnd = label.x() + FormRegistration.advance(label.text(), FormRegistration.TEXT_MM);
        GreyImage page = grey(g -> {
            g.setColor(Color.BLACK);
            // the label's ink, and its value right after its advance, both 2.5 mm high over the baseline
            g.fillRect((int) t.x(label.x()), (int) t.y(label.baseline() - 2.5), (int) ((labelEnd - 1.2 - label.x()) * 8), 20);
            g.fillRect((int) t.x(labelEnd), (int) t.y(label.baseline() - 2.5), 80, 20);
            // a table rule
            g.fillRect((int) t.x(12), (int) t.y(48) - 1, (int) (216 * 8), 3);
        });

        GreyImage data = GreyInks.withoutForm(page, t);

        int labelTop = (int) t.y(label.baseline() - 2.5);
        assertThat(darkPixels(data, (int) t.x(label.x()) - 2, labelTop, (int) t.x(labelEnd - 1.2), labelTop + 20)).as("label").isZero();
        assertThat(darkPixels(data, (int) t.x(labelEnd), labelTop, (int) t.x(labelEnd) + 80, labelTop + 20)).as("value").isEqualTo(80 * 20);
        assertThat(darkPixels(data, (int) t.x(12), (int) t.y(48) - 2, (int) t.x(228), (int) t.y(48) + 3)).as("rule").isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 8, 21})
    void aGreyScanOfTheTemplateIsReadInTwoLayersAtAbout250Dpi(long seed) {
        // the bench's SCAN variant: 150, 180 or 200 dpi, tilted up to 1°, noise, grey
        BufferedImage scan = Variants.image(ReceiptFaker.receipt(seed), Variants.Variant.SCAN, seed);

        ImagePreparation.Prepared prepared = new ImagePreparation(ImagePreparation.DEFAULTS).prepare(scan);

        assertThat(prepared.form()).as("form layer").isNotNull();
        assertThat(prepared.data().width()).isEqualTo(ImagePreparation.GREY_MIN_WIDTH);
        FormRegistration.Transform t = FormRegistration.register(prepared.form());
        assertThat(t).isNotNull();
        // the labels are gone from the data layer, their values are there
        for (FormRegistration.Label label : FormRegistration.COMMON.subList(0, 6)) {
            double end = label.x() + FormRegistration.advance(label.text(), FormRegistration.TEXT_MM);
            int top = (int) t.y(label.baseline() - 3);
            int bottom = (int) t.y(label.baseline() + 0.5);
            assertThat(darkPixels(prepared.data(), (int) t.x(label.x()), top, (int) t.x(end - 0.6), bottom)).as(label.text()).isZero();
            assertThat(darkPixels(prepared.data(), (int) t.x(end), top, (int) t.x(end + 15), bottom)).as("value of " + label.text())
                    .isGreaterThan(100);
        }
    }

    /**
     * A "1" and a "-" as thin as 150 dpi draws them: 1.4 pixels wide across a pixel boundary, so
     * that no pixel of them is darker than about 77 — no darker than the form's red.
     */
    private static void thinStrokes(Graphics2D g) {
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(1000, 170, 1000, 210));
        g.draw(new Line2D.Double(1020, 190, 1060, 190));
    }

    private static boolean near(GreyImage image, int x, int y, int reach) {
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                int xx = x + dx, yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < image.width() && yy < image.height() && image.at(xx, yy) < 250) return true;
            }
        }
        return false;
    }

    private static GreyImage grey(Consumer<Graphics2D> drawing) {
        BufferedImage image = ImagePreparationTest.page(W, H, BufferedImage.TYPE_BYTE_GRAY, g -> {
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setFont(font);
            drawing.accept(g);
        });
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return new GreyImage(W, H, pixels.clone());
    }
}
