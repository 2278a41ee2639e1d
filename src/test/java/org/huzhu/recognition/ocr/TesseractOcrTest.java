package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.imageio.ImageIO;
import org.huzhu.recognition.OcrPage;
import org.huzhu.recognition.OcrUnavailableException;
import org.huzhu.recognition.PageText;
import org.huzhu.recognition.TextBox;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.Variants;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's Tesseract on generated receipts (installed by scripts/ensure-test-tools.sh, never skipped). */
@RunsAlongside
class TesseractOcrTest {

    private static TesseractOcr ocr;

    @BeforeAll
    static void engine() {
        ocr = new TesseractOcr(TesseractOcr.DEFAULT_TESSDATA, 4, ImagePreparation.DEFAULTS);
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    @Test
    void findsTheInvoiceNumberAndTheTotalOfACleanReceiptWhereTheyArePrinted() {
        ReceiptTruth truth = ReceiptFaker.receipt(20261123L);
        BufferedImage image = PngRenderer.render(truth);

        PageText page = ocr.read(image, 0);

        assertThat(ocr.available()).isTrue();
        assertThat(page.pageIndex()).isZero();
        assertThat(page.width()).isEqualTo(image.getWidth());
        assertThat(page.height()).isEqualTo(image.getHeight());
        TextBox number = word(page, truth.invoiceNumber());
        TextBox total = word(page, truth.total());
        // the layout of docs/receipts.md: 票据号码 top right, the total (小写) in the lower half
        assertThat(number.x()).isGreaterThan(image.getWidth() * 0.5);
        assertThat(number.y()).isLessThan(image.getHeight() * 0.25);
        assertThat(total.y()).isGreaterThan(image.getHeight() * 0.5);
        assertThat(number.confidence()).isBetween(0.5, 1.0);
        assertThat(page.boxes()).allSatisfy(box -> {
            assertThat(box.x()).isBetween(-5.0, page.width());
            assertThat(box.y()).isBetween(-5.0, page.height());
        });
    }

    @Test
    void readsTheRedLabelsAndTheBlackValuesIncludingThoseUnderTheSeal() {
        ReceiptTruth truth = ReceiptFaker.receipt(7L);

        String text = String.join("", ocr.read(PngRenderer.render(truth), 0).boxes().stream().map(TextBox::text).toList());

        assertThat(text).contains("票据代码", "开票日期", "个人现金支付");
        // the seal is stamped over the payment lines: 医保统筹基金支付 and 其他支付 sit under it
        assertThat(text).contains(truth.invoiceCode(), truth.issueDate(), truth.cashPaid(), truth.fundPaid(), truth.otherPaid());
    }

    @Test
    void fourPagesReadAtOnceGiveTheSameWordsAsOneAtATime() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) pages.add(PngRenderer.render(ReceiptFaker.receipt(seed)));
        List<List<TextBox>> alone = new ArrayList<>();
        for (BufferedImage page : pages) alone.add(ocr.read(page, 0).boxes());

        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TextBox>>> together = new ArrayList<>();
            for (BufferedImage page : pages) {
                Callable<List<TextBox>> read = () -> ocr.read(page, 0).boxes();
                together.add(callers.submit(read));
            }
            for (int i = 0; i < pages.size(); i++) {
                assertThat(together.get(i).get()).as("page %d", i).isEqualTo(alone.get(i));
            }
        } finally {
            callers.shutdown();
        }
    }

    /**
     * Looks in any characters are read with tessdata 4.0.0's chi_sim, which the build brings into the classpath and which
     * is unpacked once; numbers with the English model; a label's or a check code's characters with the page's model.
     * Without the looks' model, looks in any characters are read with the page's.
     */
    @Test
    void looksInAnyCharactersAreReadWithTheLargerModelTheBuildBrings() throws Exception {
        String folder = LooksModel.folder("");
        Path model = Path.of(folder, "chi_sim.traineddata");

        assertThat(Files.size(model)).isGreaterThan(10 * Files.size(Path.of(TesseractOcr.DEFAULT_TESSDATA, "chi_sim.traineddata")));
        assertThat(LooksModel.folder("")).isEqualTo(folder);
        assertThat(ocr.modelFor("")).isEqualTo("looks");
        assertThat(ocr.modelFor("0123456789.¥")).isEqualTo("eng");
        assertThat(ocr.modelFor(FormVocabulary.ALPHABET)).isEqualTo("chi_sim");
        assertThat(ocr.modelFor("0123456789abcdef")).isEqualTo("chi_sim");
        assertThat(LooksModel.folder(folder)).as("an office's own folder").isEqualTo(folder);
        assertThat(LooksModel.folder("target/no-tessdata-here")).isNull();
        try (TesseractOcr without = new TesseractOcr(TesseractOcr.DEFAULT_TESSDATA, 1, ImagePreparation.DEFAULTS, null)) {
            assertThat(without.modelFor("")).isEqualTo("chi_sim");
        }
    }

    /**
     * Tesseract keeps page layout parameters for the whole process and the looks' model's config sets them when its engine
     * is opened: every engine sets them back ({@link TesseractOcr#LAYOUT}), so that a page reads the same before and after
     * a look opened that engine (a grey scan in the thin Song face, seed 1 of set 1's other forms, lost its
     * 医保统筹基金支付 amount after it).
     */
    @Test
    void aPageReadsTheSameBeforeAndAfterTheLooksModelIsLoaded() throws Exception {
        BufferedImage scan = ImageIO.read(new ByteArrayInputStream(
                Variants.scan(ReceiptFaker.onOtherForm(1), new PngRenderer.Style(true, true, null, false), 1)));
        try (TesseractOcr fresh = new TesseractOcr(TesseractOcr.DEFAULT_TESSDATA, 1, ImagePreparation.DEFAULTS)) {
            OcrPage before = fresh.readKeeping(scan, 0);
            before.lines().readLine(100, 100, 400, 60, 2.0, ""); // a look in any characters opens the looks' engine

            assertThat(fresh.read(scan, 0).boxes()).isEqualTo(before.text().boxes());
            TesseractOcr.LAYOUT.forEach((name, value) -> {
                assertThat(fresh.parameter("chi_sim", name)).as("the page's %s", name).isEqualTo(Double.parseDouble(value));
                assertThat(fresh.parameter("looks", name)).as("the looks' %s", name).isEqualTo(Double.parseDouble(value));
            });
        }
    }

    /**
     * Loading the looks' model holds its config's layout parameters for the whole process until its engine sets them
     * back, so an engine loads only while no page is being read ({@link TessEngine#PARAMETERS}): a reader that needs a
     * looks' engine while another reads a page waits for that page, and then finds the parameters as pinned.
     */
    @Test
    void anEngineLoadsOnlyWhileNoPageIsBeingRead() throws Exception {
        ReentrantReadWriteLock parameters = (ReentrantReadWriteLock) TessEngine.PARAMETERS;
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try (TesseractOcr reader = new TesseractOcr(TesseractOcr.DEFAULT_TESSDATA, 1, ImagePreparation.DEFAULTS)) {
            double pinned = reader.parameter("chi_sim", "edges_children_count_limit");
            AtomicReference<Thread> loading = new AtomicReference<>();
            Future<TessEngine> looks;
            parameters.readLock().lock(); // a page being read
            try {
                looks = loader.submit(() -> {
                    loading.set(Thread.currentThread());
                    return TessEngine.open(LooksModel.folder(""), "chi_sim", TessEngine.AUTO, TesseractOcr.LAYOUT);
                });
                while (!looks.isDone() && (loading.get() == null || !parameters.hasQueuedThread(loading.get()))) Thread.sleep(5);

                assertThat(looks).as("the looks' engine loaded while a page was read").isNotDone();
                assertThat(reader.parameter("chi_sim", "edges_children_count_limit")).isEqualTo(pinned);
            } finally {
                parameters.readLock().unlock();
            }
            try (TessEngine loaded = looks.get(60, TimeUnit.SECONDS)) {
                assertThat(loaded.parameter("edges_children_count_limit")).as("loaded once the page was read").isEqualTo(pinned);
                assertThat(reader.parameter("chi_sim", "edges_children_count_limit")).isEqualTo(pinned);
            }
        } finally {
            loader.shutdownNow();
        }
    }

    @Test
    void answersUnavailableWhenTheChineseModelIsMissing() {
        try (TesseractOcr without = new TesseractOcr("target/no-tessdata-here", 1, ImagePreparation.DEFAULTS)) {
            assertThat(without.available()).isFalse();
            assertThatThrownBy(() -> without.read(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), 0))
                    .isInstanceOf(OcrUnavailableException.class)
                    .hasMessageContaining("文字识别组件未安装");
        }
    }

    @Test
    void wordBoxesAreCutBackToTheOrderTheyWereReadIn() {
        List<TessEngine.Word> line = List.of(
                new TessEngine.Word("2026-08-14", 1325, 329, 1626, 351, 91),
                new TessEngine.Word("至", 1473, 321, 1499, 361, 92),
                new TessEngine.Word("2026-08-22", 1498, 329, 1626, 351, 92));

        List<TessEngine.Word> ordered = TessEngine.inReadingOrder(line);

        assertThat(ordered).extracting(TessEngine.Word::left).containsExactly(1325, 1473, 1498);
        assertThat(ordered).extracting(TessEngine.Word::right).containsExactly(1473, 1498, 1626);
    }

    @Test
    void dataWinsOverTheSealButAJunkRimGivesWayToItsLabel() {
        TessEngine.Word value = new TessEngine.Word("10632.90", 373, 886, 482, 924, 91);
        TessEngine.Word rim = new TessEngine.Word("人人2全", 120, 886, 300, 924, 31);
        TessEngine.Word sealOverValue = new TessEngine.Word("医院", 400, 880, 450, 930, 75);
        TessEngine.Word label = new TessEngine.Word("医保统筹基金支付", 118, 884, 302, 926, 88);
        TessEngine.Word colon = new TessEngine.Word(":", 303, 884, 310, 926, 95);

        List<TessEngine.Word> words = TesseractOcr.merge(List.of(value, rim), List.of(sealOverValue, label, colon));

        assertThat(words).containsExactlyInAnyOrder(value, label, colon);
    }

    /**
     * A Song-face form read as its own layer (set 1 on another form at 300 dpi, seed 12): beside 医保 统筹 基金 支付 the
     * layer gave 天 保 统 人 again, lying on them at confidence 0–13, and the line read 医保保统统人筹基金支付, which no
     * label matched. A word half or more within a surer one is its echo; words that only touch, or are as sure, stay.
     */
    @Test
    void aWordLyingOnASurerOneIsItsEcho() {
        TessEngine.Word yibao = new TessEngine.Word("医保", 181, 1401, 275, 1438, 96);
        TessEngine.Word tongchou = new TessEngine.Word("统筹", 275, 1400, 357, 1439, 94);
        TessEngine.Word jijin = new TessEngine.Word("基金", 358, 1400, 449, 1439, 96);
        TessEngine.Word value = new TessEngine.Word("7041.93", 440, 1410, 560, 1440, 92);
        List<TessEngine.Word> echoes = List.of(new TessEngine.Word("天", 188, 1401, 213, 1414, 0),
                new TessEngine.Word("保", 251, 1400, 272, 1424, 13), new TessEngine.Word("统", 275, 1401, 299, 1420, 0),
                new TessEngine.Word("人", 303, 1400, 339, 1424, 0));
        TessEngine.Word twin = new TessEngine.Word("金", 400, 1400, 449, 1439, 96);
        List<TessEngine.Word> words = new java.util.ArrayList<>(List.of(yibao, tongchou, jijin, value, twin));
        words.addAll(echoes);

        assertThat(TesseractOcr.withoutEchoes(words)).containsExactlyInAnyOrder(yibao, tongchou, jijin, value, twin);
    }

    @Test
    void boxesComeBackAtTheOriginalImagesScale() {
        ImagePreparation.Prepared twice = new ImagePreparation.Prepared(GreyImage.blank(2000, 1000), GreyImage.blank(2000, 1000), 2.0, 1.5);

        TessEngine.Word label = new TessEngine.Word("票据代码", 100, 200, 380, 240, 90);
        TessEngine.Word labels = new TessEngine.Word("交款人统一社会信用代码医保统筹基金支付个人账户支付个人现金支付", 100, 300, 1900, 340, 90);
        PageText page = TesseractOcr.inPageUnits(3, List.of(new TessEngine.Word("42010126", 400, 200, 600, 240, 90), label, labels),
                twice, java.util.Set.of(label, labels));
        TextBox box = page.boxes().getFirst();

        assertThat(page.pageIndex()).isEqualTo(3);
        assertThat(page.width()).isEqualTo(1000.0);
        assertThat(page.height()).isEqualTo(500.0);
        assertThat(box.x()).isEqualTo(200.0);
        assertThat(box.y()).isEqualTo(100.0);
        assertThat(box.width()).isEqualTo(100.0);
        assertThat(box.height()).isEqualTo(20.0);
        assertThat(box.confidence()).isEqualTo(0.9, org.assertj.core.api.Assertions.within(1e-6));
        // the page was parted into form and data: each box says which layer it was read in
        assertThat(box.ink()).isEqualTo(TextBox.Ink.DATA);
        assertThat(page.boxes().get(1).ink()).isEqualTo(TextBox.Ink.FORM);
    }

    /**
     * A colour page whose form is printed in black: the red layer holds the seal alone, a few characters, and the labels
     * are read in the data's layer with the values. No box says it is the data's: as on a page read whole, either ink.
     */
    @Test
    void aFormPrintedInBlackLeavesTheInksUntold() {
        ImagePreparation.Prepared parted = new ImagePreparation.Prepared(GreyImage.blank(2000, 1000), GreyImage.blank(2000, 1000), 1.0, 0);
        TessEngine.Word seal = new TessEngine.Word("医收费专用章", 600, 700, 900, 760, 40);
        TessEngine.Word label = new TessEngine.Word("款人:", 100, 200, 200, 240, 90);
        TessEngine.Word name = new TessEngine.Word("魏俊兰", 220, 200, 330, 240, 90);

        PageText page = TesseractOcr.inPageUnits(0, List.of(label, name, seal), parted, java.util.Set.of(seal));

        assertThat(page.boxes()).extracting(TextBox::ink).containsOnly(TextBox.Ink.EITHER);
    }

    @Test
    void readsALineOfThePageAgainWhereItsWordWasInTheCharactersAsked() {
        ReceiptTruth truth = ReceiptFaker.receipt(20261123L);
        OcrPage page = ocr.readKeeping(PngRenderer.render(truth), 0);
        TextBox number = word(page.text(), truth.invoiceNumber());
        TextBox payer = word(page.text(), truth.payerName().substring(0, 1));

        TextBox again = page.lines().readLine(number.x(), number.y(), number.width(), number.height(), 2.0, "0123456789");
        TextBox name = page.lines().readLine(payer.x(), payer.y(), payer.width() * 2, payer.height(), 1.5, "");
        TextBox lettersOnly = page.lines().readLine(number.x(), number.y(), number.width(), number.height(), 2.0, "abcdef");

        assertThat(again.text().replace(" ", "")).isEqualTo(truth.invoiceNumber());
        assertThat(again.confidence()).isBetween(0.5, 1.0);
        assertThat(again.x()).isEqualTo(number.x());
        assertThat(name.text()).contains(truth.payerName().substring(0, 1));
        assertThat(lettersOnly == null ? "" : lettersOnly.text()).doesNotContainPattern("\\d");
    }

    /**
     * Amounts printed in a Song face after ¥ (AR PL UMing, what many receipts print): read again in the characters of
     * numbers, they are read with the English model, which knows ¥ and these digits. chi_sim, which knows no ¥, read
     * ¥225.77 as 2295.77 and ¥50.14 as 20.14 (bare tesseract on the same text). The confidence is the characters', not
     * the word's, which a restricted alphabet sets to 0 when it drops a character.
     */
    @Test
    void readsAmountsAfterASongFacesYuanSignAsPrinted() throws Exception {
        List<String> amounts = List.of("225.77", "50.14", "1794.78", "14.12");
        java.awt.Font song = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT,
                new java.io.File("/usr/share/fonts/truetype/arphic/uming.ttc")).deriveFont(40f);
        BufferedImage image = ImagePreparationTest.page(2000, 600, g -> {
            g.setFont(song);
            g.setColor(java.awt.Color.BLACK);
            for (int k = 0; k < amounts.size(); k++) {
                g.drawString("其他：", 120, 120 + 120 * k);
                g.drawString("¥" + amounts.get(k), 240, 120 + 120 * k);
                g.drawString("其他", 700, 120 + 120 * k);
            }
        });
        java.awt.font.FontRenderContext context = new java.awt.font.FontRenderContext(null, true, true);
        OcrPage page = ocr.readKeeping(image, 0);

        for (int k = 0; k < amounts.size(); k++) {
            double width = song.getStringBounds("¥" + amounts.get(k), context).getWidth();
            // where SecondReads looks: half a line height before the value, a line height and a half after it
            TextBox again = page.lines().readLine(240 - 20, 80 + 120 * k, width + 60, 55, 2.0, "0123456789.¥");
            assertThat(again.text().replace("¥", "")).as("line %d", k).isEqualTo(amounts.get(k));
            assertThat(again.confidence()).as("line %d", k).isGreaterThan(0.8);
        }
    }

    private static TextBox word(PageText page, String text) {
        return page.boxes().stream().filter(b -> b.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not among " + page.boxes().stream().map(TextBox::text).toList()));
    }
}
