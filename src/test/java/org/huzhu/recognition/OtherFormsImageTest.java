package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.Variants;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Receipts on other forms as clean images (issue 18): a form that keeps the national template's rules, title and
 * corners but prints the 其他信息 grid the other way round must not have the template's payment labels placed on it,
 * which named each amount after its neighbour (seeds 4, 18 and 25 of {@link ReceiptFaker#onOtherForm} did: fundPaid
 * 183.13 for 878.43 …). A payment may be missing; none may be WRONG.
 */
@RunsAlongside
class OtherFormsImageTest extends WithTesseract {

    private static final List<String> PAYMENTS = List.of("fundPaid", "otherPaid", "personalAccountPaid", "cashPaid", "selfPaid",
            "selfFunded");


    @Test
    void aGridPrintedTheOtherWayRoundGivesNoPaymentAnotherPaymentsAmount() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {4, 18, 25}, ReceiptFaker::onOtherForm, (seed, truth) -> png(PngRenderer.render(truth)));
        reads.forEach(read -> assertThat(read.truth().form().reversed()).as("seed %d prints the grid reversed", read.seed()).isTrue());
        int right = scored(reads, PAYMENTS, wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("payments read right of 18 (10 when written: the layer read whole finds most)").isGreaterThanOrEqualTo(9);
    }

    /**
     * A grey scan of a form that keeps the template's rules but not its labels: the rules registered it as the template,
     * whose form was then whitened out of the data layer where the template prints its labels — on this form over the
     * values of the 其他信息 grid (seed 12: ¥976.21, ¥751.53, ¥3080.78 and ¥2603.55 gone, though the bare tesseract read
     * them). Its labels, not found where the template prints them, now send it to be read as one layer. On these four
     * seeds cashPaid and personalAccountPaid were all missing (0 of 8); now at least 6 are right, and none is WRONG.
     */
    @Test
    void aScanWithTheTemplatesRulesButNotItsLabelsKeepsItsValues() {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {12, 13, 14, 20}, ReceiptFaker::onOtherForm, Variants.Variant.SCAN,
                List.of("cashPaid", "personalAccountPaid"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("cash and account payments read right of 8 (0 when the template's form was whitened out)").isGreaterThanOrEqualTo(6);
    }

    /**
     * Other forms with form and data in a thin Song face at 300 dpi, the seal of the form's own red: the payments' labels
     * the page's read lost (统筹基金支付, 现金支付 half under the seal or their strokes too thin) are read again just left
     * of the amounts no label was read before, on the form's layer, in the labels' characters. Before, seed 12 lost
     * fundPaid and cashPaid and seed 13 fundPaid: 7 of 12 payments right; now 10, none WRONG.
     */
    @Test
    void anAmountWhoseLabelThePageLostIsPlacedByALookAtItsLabel() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = readAt300Dpi(new long[] {12, 13}, new PngRenderer.Style(true, true, null, false), PAYMENTS, wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("payments read right of 12 (7 without the looks at their labels)").isGreaterThanOrEqualTo(9);
    }

    /**
     * Other forms at 300 dpi with the seal pressed over the payer's label, in the form's own red: the seal took the 人 of
     * 交款人 out of the form's layer, and 交款 with the name's surname beside it was taken for the label with 人 misread
     * (seed 19: 交款陈 and the payer 志芳, left out as a misread; seed 27: 交款徐 and 雪涛). The surname was read in the
     * data's ink, the label in the form's: now 交款 is the label and both names are read whole.
     */
    @Test
    void aSealOverThePayersLabelDoesNotCostTheNameItsSurname() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = readAt300Dpi(new long[] {19, 27}, new PngRenderer.Style(false, false, null, true), List.of("payerName"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("payers read right of 2 (0 when a label's near match took the surname)").isEqualTo(2);
    }

    /**
     * An other form with form and data in a thin Song face at 300 dpi: the payer's name the page's read lost (蔡海林) came
     * back from a second look at its place as nothing, Otsu's threshold over the enlarged crop finding no line. Read again
     * thresholded locally when a look finds nothing, the name is read.
     */
    @Test
    void aThinFacesNameThatALookFindsNothingInIsReadThresholdedLocally() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = readAt300Dpi(new long[] {17}, new PngRenderer.Style(true, true, null, false), List.of("payerName"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("the payer read right (not when a look that found nothing was left at that)").isEqualTo(1);
    }

    /**
     * Names written with a middle dot, as an ID card writes a Uyghur's or a Mongol's, on clean images of other forms: the
     * page read the dot as a point, dropped as a speck, and the name came out run together, 古丽阿不都 and 巴图孟和 —
     * both begin with a surname and were given WRONG. The dot is now kept whatever mark it was read as, and a read that
     * lost it agrees with one that kept it.
     */
    @Test
    void aNameWithAMiddleDotIsNotRunTogether() throws IOException {
        Map<Long, String> names = Map.of(101L, "古丽·阿不都", 107L, "巴图·孟和");
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {101, 107}, seed -> ReceiptFaker.onOtherForm(seed).paidBy(names.get(seed)),
                Variants.Variant.CLEAN, List.of("payerName"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("dotted names read right of 2 (none, both run together, before)").isEqualTo(2);
    }

    /**
     * Scans of other forms with the seal pressed over the total's figures (the probe's TOTALSCAN): the page reads no
     * total, the words in capitals beside it, clear of the seal, are read with misreads (参什业佰伍拾过元肆角陆分 for
     * 叁仟柒佰伍拾壹元肆角陆分), every payment is read, and the words agree with their sum: the total is that sum (none of
     * seeds 1, 4 and 13 before), with the warning that says so.
     */
    @Test
    void aTotalUnderTheSealIsThePaymentsSumWhenTheWordsBesideItAgree() {
        PngRenderer.Style overTotal = new PngRenderer.Style(false, false, null, false, null, 0, false, true);
        List<Read> reads = readEach(new long[] {1, 4, 13}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.scan(truth, overTotal, seed));
        List<String> wrong = new ArrayList<>();
        assertThat(scored(reads, List.of("total"), wrong)).as("totals read right of 3 (none before)").isEqualTo(3);
        assertThat(wrong).isEmpty();
    }

    /**
     * Dotted names in WenQuanYi Zen Hei at 300 dpi (the probe's {@code -DdottedNames -DzenHei -Ddpi=300}): its half-width
     * dot, a tenth of the characters' height, was dropped by the page and every look (麦克李 for 麦克·李, given WRONG, seed
     * 7) or read as an apostrophe (努尔'买买提, then five characters run together and left out, seed 2). The dot is now put
     * back where the name's ink holds one ({@code MiddleDots}).
     */
    @Test
    void aMiddleDotEveryReadLostIsFoundInTheNamesInk() throws IOException {
        PngRenderer.Style zenHei = new PngRenderer.Style(false, false, null, false, null, 0, true);
        List<String> wrong = new ArrayList<>();
        int right = scored(readEach(new long[] {2, 7}, seed -> ReceiptFaker.onOtherForm(seed).paidBy(OtherFormsProbe.dottedName(seed)),
                (seed, truth) -> png(PngRenderer.render(truth, 300, zenHei))), List.of("payerName"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("dotted names read right of 2 (none before: one WRONG, one missing)").isEqualTo(2);
    }

    /**
     * Another form whose hospital the page read cut short where the seal crosses it (a clean image's seed 14): looked at
     * again only where that short read stood, the looks read the same few characters. They now read on to the end of the
     * label's room and are cut after the name's usual ending, and the hospital is read (not before). (A scan's seed 17
     * was the second case; scans are now read without their seal, {@link #aGreyScanIsReadWithoutItsSealFoundByItsShape}.)
     */
    @Test
    void aHospitalTheSealCutShortIsLookedAtAgainToTheEndOfItsLabelsRoom() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {14}, ReceiptFaker::onOtherForm, Variants.Variant.CLEAN, List.of("hospital"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("hospitals read right of 1 (none when looked at only where the short read stood)").isEqualTo(1);
    }

    /**
     * Scans of other forms (grey, read as one layer: their labels are not where the template prints them) with the seal's
     * ring across the hospital's name: the page read the ring as characters, and so did every look on the page's grey and
     * on its data parted from the seal's grey (seeds 7, 8). Read on the page without the seal found by its shape
     * ({@code SealRing}), both hospitals are read (neither before).
     */
    @Test
    void aHospitalUnderTheSealsRingOnAGreyScanIsReadWithoutTheSeal() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {7, 8}, ReceiptFaker::onOtherForm, Variants.Variant.SCAN, List.of("hospital"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("hospitals read right of 2 (none with the seal on the page)").isEqualTo(2);
    }

    /**
     * The template blurred (seeds 19 and 26), its hospital under the seal read by no look as a listed one and left out:
     * the words along the seal's arc, read by both models, name it ({@link SecondReads#onItsSeal}). Both are read
     * (neither before).
     */
    @Test
    void aHospitalNoLookReadUnderItsSealIsTheOneTheSealsWordsName() {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {19, 26}, ReceiptFaker::receipt, Variants.Variant.BLURRED, List.of("hospital"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("hospitals read right of 2 (neither before)").isEqualTo(2);
    }

    /**
     * Scans of other forms whose hospital every read so far named no listed hospital with: 京出市人民医院 (seed 2),
     * 草门市 and 剂门市 for 荆门市 (seeds 21, 29), read right by a look at another scale; 武汉市第--医院 (seed 23), its 一
     * read as two hyphens. All four are read (none before).
     */
    @Test
    void aHospitalItsReadsNamedNoListedOneWithIsLookedAtAtTheOtherScales() {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {2, 21, 23, 29}, ReceiptFaker::onOtherForm, Variants.Variant.SCAN, List.of("hospital"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("hospitals read right of 4 (none before)").isEqualTo(4);
    }

    /**
     * Scans of other forms with the seal's ring across 医保统筹基金支付's amount: the page read 室321 for 1321.49, and
     * every look on the page's grey read the ring too. Looked at without the seal, the amount is taken when the total is
     * then the sum of the payments to the cent — on seed 10 the look read on into the next amount, ¥10044.87¥0.00.
     * Both are read (neither before).
     */
    @Test
    void anAmountOfTheSumUnderTheSealsRingOnAGreyScanIsReadWithoutTheSealWhenTheSumThenHolds() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {1, 10}, ReceiptFaker::onOtherForm, Variants.Variant.SCAN, List.of("fundPaid"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("fund payments read right of 2 (none when read only on the page's grey)").isEqualTo(2);
    }

    /**
     * A clean image of another form whose payer, 袁伟, the page read as 衰伟 and the two looks as 袁伟 and 囊伟: the reads
     * differ only in the first character, and only one of them is a surname. That read is taken (left out before).
     */
    @Test
    void ofAPayersReadsDifferingInTheFirstCharacterOnlyTheOneBeginningWithASurnameIsTaken() throws IOException {
        assertThat(rightOn(Variants.Variant.CLEAN, 29, "payerName")).as("payers read right of 1 (none when the three reads disagreed)").isEqualTo(1);
    }

    /**
     * Scans of other forms, grey, with the seal's ring over the payments (seeds 5, 12, 20) or over the payer's label
     * (seeds 1, 8 stamped so): the page is read without its seal, found by its shape and its ink taken out inside its
     * disc where lighter than the data's ({@code SealRing}). The fund payments under the ring, which neither the page nor
     * the looks without the seal's grey read, are read; so are the invoice codes of the receipts stamped over the payer,
     * which the page's layout analysis dropped with the whole region under the seal (none of either before).
     */
    @Test
    void aGreyScanIsReadWithoutItsSealFoundByItsShape() {
        List<String> wrong = new ArrayList<>();
        int funds = read(new long[] {5, 12, 20}, ReceiptFaker::onOtherForm, Variants.Variant.SCAN, List.of("fundPaid"), wrong);
        int codes = scored(readEach(new long[] {1, 8}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(false, false, null, true), seed)), List.of("invoiceCode"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(funds).as("fund payments read right of 3 (none with the seal on the page)").isEqualTo(3);
        assertThat(codes).as("invoice codes under a seal over the payer read right of 2 (none with the seal on the page)").isEqualTo(2);
    }

    /**
     * Photos of other forms whose data was printed 1.8 mm below the form's rows (the probes' DROPPHONE, seeds 12 and 18):
     * each row's values stood on the next row's labels, and were read as theirs (the issue date as the discharge date,
     * the payer's name after 住院号). Read in two layers, the data's offset from the rows is known and its boxes are
     * grouped onto them ({@code TextLine.dataOffset}): 28 of the 29 fields right, where 8 were and 2 WRONG.
     */
    @Test
    void aPhotosDataPrintedOffTheFormsRowsIsReadOnItsOwnRows() {
        PngRenderer.Style dropped = new PngRenderer.Style(false, false, null, false, null, 1.8, false, false, false);
        List<Read> reads = readEach(new long[] {12, 18}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.photo(truth, dropped, seed));
        List<String> wrong = new ArrayList<>();

        int right = scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(right).as("fields read right of 29 (8 when the values were read on the next row's labels)").isGreaterThanOrEqualTo(27);
    }

    /**
     * Other forms photographed with the phone's shadow over a corner of the page (the probes' SHADOWPHONE, seeds 7 and
     * 23: the light at about half in the shadow, its edge across the page's table). The shadow's paper is as dark as the
     * desk: it was whitened with the desk, the light beside the shadow's edge, lifted into it, left a grey band across
     * the page, and the red labels in the shadow were too little red to be the form's ink. Now the page's outline holds
     * the lines printed in the shadow, an unevenly lit page's blocks are lifted only to their neighbours' median
     * ({@code FlatField}) and a red lead in the shadow is taken as in the best light ({@code InkLayers.leadOverPaper}):
     * all 30 fields right, where 17 were.
     */
    @Test
    void aPhotoWithThePhonesShadowOverACornerIsReadInTheShadowToo() {
        List<Read> reads = readEach(new long[] {7, 23}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.shadowedPhoto(truth, PngRenderer.Style.PLAIN, seed));
        List<String> wrong = new ArrayList<>();

        int right = scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(right).as("fields read right of 30 (17 when the shadow went with the desk)").isGreaterThanOrEqualTo(28);
    }

    /**
     * The national template's receipts as a fax receives them (the probes' TFAXSCAN, seeds 2, 13, 20, 31): black and white,
     * the seal as black as the data, its ring over the payments and the hospital's name. Its ring found by its shape and
     * taken out with its star's body ({@code SealRing.findInBlackAndWhite}, {@code ImagePreparation}), the four pages give
     * 49 fields right and none WRONG, where the seal left on them gave 37 and 6 WRONG (leading digits gained under the
     * ring, 13273.79 read as 273.79).
     */
    @Test
    void aFaxsBlackSealIsTakenOutByItsShape() {
        int right = templateReadNoneWrong(new long[] {2, 13, 20, 31}, (seed, truth) -> Variants.faxedScan(truth, PngRenderer.Style.PLAIN, seed));

        assertThat(right).as("fields read right of 60").isGreaterThanOrEqualTo(47);
    }

    /**
     * Other forms scanned with the seal's star pressed on the payer's name (the probes' STARSCAN, seeds 4, 17, 28), whose
     * seal the votes' first centre missed ({@code SealRingTest}): found at the next centre and taken out, the page gives
     * the invoice codes its ring crossed (none before: read with its seal on, the region under it was dropped) and 42
     * fields right where 37 were, none WRONG (one before).
     */
    @Test
    void aGreyScanWhoseSealsStarDrewTheVotesOffItsCentreIsReadWithoutItsSeal() {
        List<Read> reads = readEach(new long[] {4, 17, 28}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.scan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));
        List<String> wrong = new ArrayList<>();

        int right = scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(reads, List.of("invoiceCode"), new ArrayList<>())).as("invoice codes read right of 3").isEqualTo(3);
        assertThat(right).as("fields read right on the three pages").isGreaterThanOrEqualTo(41);
    }

    /**
     * Other forms scanned with the seal's star pressed on the payer's name (the probes' STARSCAN): the seal taken out, the
     * rim kept beside the name's strokes lay on the star's grey and filled the gaps of the characters under it (seeds 6,
     * 7, 8: 袁红 read as 责红, the looks disagreeing on the others), and the payer's label 交款人（患者） under the ring
     * left its bracketed word's remains before the name (seeds 19, 22: (是守陈志芳, (患,:,刘梅秀). With the rim divided by
     * the star's grey ({@code SealRing}) and the remains taken with the label ({@code LabelFinder}), the payers are read,
     * where none of the five was, and nothing is WRONG.
     */
    @Test
    void aPayerUnderTheSealsStarIsReadWithTheGapsOfItsCharactersOpenAndItsLabelsRemainsApart() {
        List<Read> reads = readEach(new long[] {6, 7, 8, 19, 22}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));
        List<String> wrong = new ArrayList<>();

        scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(reads, List.of("payerName"), new ArrayList<>())).as("payers read right of 5").isGreaterThanOrEqualTo(4);
    }

    /**
     * Payers under the seal (stop 76). Scanned with the star on the payer's name: seeds 5 (患者如:;:“王强雪 by both looks)
     * and 24 (发:>“林超 and 取:林超), the label's remnant parted from the name by marks the name drops, and seed 30
     * (一1:“林宇秀 at 2.0, nothing at 1.5: looked at 2.5 too); with the seal over the payer's label, seed 27 (志古;徐雪涛).
     * None of the four was read before; at least three now. And the thin Song face stamped over the payer, seed 22: both
     * looks read 刘梅疗 for 刘梅秀 (疗, no one's name, where the page read 疾), left out rather than WRONG. Nothing WRONG.
     */
    @Test
    void aPayerUnderTheSealIsReadAfterTheMarksThatPartItFromItsLabelsRemnant() {
        List<String> wrong = new ArrayList<>();
        List<Read> star = readEach(new long[] {5, 24, 30}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));
        List<Read> overLabel = readEach(new long[] {27}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(false, false, null, true), seed));
        List<Read> song = readEach(new long[] {22}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(true, true, null, true), seed));

        int right = scored(star, List.of("payerName"), wrong) + scored(overLabel, List.of("payerName"), wrong);
        scored(song, List.of("payerName"), wrong);

        assertThat(wrong).isEmpty();
        assertThat(right).as("payers read right of four (none before)").isGreaterThanOrEqualTo(3);
    }

    /**
     * Invoice codes under the seal's ring (stop 77): soft scans from a light toner, the star on the payer's name
     * (STARSOFTSCAN), seeds 4, 7, 19 and 23, whose ring crosses 票据代码's digits; the page read none in the code's form,
     * nor did its looks (32 and nothing). Read on the page's data without the seal's lighter ink, where two looks agree,
     * at least three of the four codes are read (none was before), and nothing on the four receipts is WRONG.
     */
    @Test
    void anInvoiceCodeUnderTheSealsRingIsReadWithoutTheSealWhereTwoLooksAgree() {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {4, 7, 19, 23}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.softLightScan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));

        scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(reads, List.of("invoiceCode"), new ArrayList<>())).as("invoice codes read right of 4 (none before)")
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * Payers under the seal's star read with a stroke after the name (stop 80): soft scans from a light toner, the star on
     * the payer's name (STARSOFTSCAN), seeds 13 and 30: both looks at the slot read a character more after the name,
     * another each (韩华明东 and 韩华明怀, 林宇秀志 and 林宇秀忘). The three they share are taken, at least one of the two
     * payers is read (neither was before); and the sharp scan of seed 23 (STARSCAN: 唐丽开乐 and 唐丽开县, 唐丽 before
     * 开票日期) is not cut to 唐丽开. Nothing on the three receipts is WRONG.
     */
    @Test
    void aPayerTwoLooksReadWithAnotherStrokeAfterItIsTheNameTheyShare() {
        List<String> wrong = new ArrayList<>();
        List<Read> soft = readEach(new long[] {13, 30}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.softLightScan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));
        List<Read> sharp = readEach(new long[] {23}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed));

        scoredAll(soft, wrong);
        scoredAll(sharp, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(soft, List.of("payerName"), new ArrayList<>())).as("payers read right of 2 (none before)").isGreaterThanOrEqualTo(1);
    }

    /**
     * Amounts whose leading digits the page lost (stop 77): the thin Song face scanned, stamped over the payer
     * (SONGSEALSCAN seeds 4 and 18: 针83.13 for ¥183.13, 到14.81 for ¥314.81) and not (SONGSCAN seed 27: 33.20 for
     * 133.20), each unsure and its two looks disagreeing, one of them reading the whole amount after the ¥. Each was
     * WRONG; now no 个人自付 or 个人自费 on the three receipts is (seed 27's total, 9680.69 for 9690.69, is another kind).
     */
    @Test
    void anAmountALookReadsAfterTheSignWithDigitsBeforeThePagesReadIsNotTaken() {
        List<String> wrong = new ArrayList<>();
        List<String> amounts = List.of("selfPaid", "selfFunded");
        List<Read> stamped = readEach(new long[] {4, 18}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(true, true, null, true), seed));
        List<Read> song = readEach(new long[] {27}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(true, true, null, false), seed));

        for (List<Read> reads : List.of(stamped, song)) {
            reads.forEach(read -> scored(read.seed(), read.truth(), read.fields(),
                    amounts.stream().filter(read.truth().fields()::containsKey).toList(), wrong));
        }

        assertThat(wrong).isEmpty();
    }

    /**
     * Soft scans from a light toner whose data is no darker than the seal, read with the seal's ring out: the template's
     * (seeds 6, 13, 17: the probes' TSOFTLIGHTSCAN), the star over the payments, and other forms' with the star on the
     * payer's name (seeds 7, 25: STARSOFTSCAN). With the star left on the page its points stood in the figures and the
     * names (otherPaid 20.00 for 0.00, selfFunded 521.29 for 2521.29, fundPaid 9888.93 for 9558.93, payers 葛开 for 袁红
     * and 鲍·化 for 孙勇, invoice code 42280925 for 42280125). The star divided out ({@code SealStar.dividedOut}) and an
     * amount under the seal taken only with a witness ({@code SecondReads}), none is WRONG and more are right.
     */
    @Test
    void aSoftScansStarIsDividedOutAndItsAmountsUnderTheSealAreTakenOnlyWithAWitness() {
        List<String> wrong = new ArrayList<>();

        int template = scoredAll(readEach(new long[] {6, 13, 17}, ReceiptFaker::receipt,
                (seed, truth) -> Variants.softLightScan(truth, PngRenderer.Style.PLAIN, seed)), wrong);
        int others = scoredAll(readEach(new long[] {7, 25}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.softLightScan(truth, PngRenderer.Style.STAR_ON_PAYERS_NAME, seed)), wrong);

        assertThat(wrong).isEmpty();
        assertThat(template).as("the template's fields read right of 45 (38 with the star on, 3 WRONG)").isGreaterThanOrEqualTo(39);
        assertThat(others).as("other forms' fields read right of 29 (25 with the star on, 3 WRONG)").isGreaterThanOrEqualTo(26);
    }

    /**
     * Scans of other forms whose seal, found by its shape and taken out, took the labels under it along, no darker than
     * it (自付金额 under the ring and the star left 额: on the page): the amounts, read with no label before them, are
     * placed by a look at the label on the page as it came, seal and all, which keeps 自付 (seeds 13, 27: selfPaid),
     * reads 其他基金支付 whole (seeds 7, 10) or keeps enough of 医保统筹基金支付 (seed 21). Before, all five were missing.
     * Since the rim beside the data on the seal's star is divided by its grey ({@code SealRing}, stop 74) seed 13's page
     * reads its line otherwise, and the look at its label's box with the seal reads 代: four of the five.
     */
    @Test
    void anAmountWhoseLabelTheSealTookAlongIsPlacedByALookAtThePageWithItsSeal() {
        assertThat(rightOfEach(Variants.Variant.SCAN, "13 selfPaid", "27 selfPaid", "7 otherPaid", "10 otherPaid", "21 fundPaid"))
                .as("amounts read right of 5 (none when labels were looked at only without the seal)").isGreaterThanOrEqualTo(4);
    }

    /**
     * Scans of other forms whose page read a label under the seal as a digit between wide gaps, its amount's ¥ as a
     * character before the amount (个人自付：关966.02 1 当130.68): the amount is one no label was read before, placed by
     * its label's look (seeds 2, 5: selfFunded; 22: otherPaid; 29: selfPaid). Before, the digit was taken for the
     * amount's own, cut off, and all four were missing. Since the rim beside the data on the seal's star is divided by its
     * grey ({@code SealRing}, stop 74) the looks at seed 29's 个人自付 no longer keep 人自 of its label (人自人章:天 before):
     * three of the four.
     */
    @Test
    void anAmountWithItsSignPastAGapAfterAStrayDigitIsPlaced() {
        assertThat(rightOfEach(Variants.Variant.SCAN, "2 selfFunded", "5 selfFunded", "22 otherPaid", "29 selfPaid"))
                .as("amounts read right of 4 (none before)").isGreaterThanOrEqualTo(3);
    }

    /**
     * Set 1's other forms from a worn scanner ({@link Variants#fadedScan}: the toner faded, the optics soft, dust on the
     * glass): the dust was read as characters, in the page's read and in the second looks (seed 12's discharge date
     * 2025-03-01 for 2025-03-11; seed 19 kept 4 of its 14 fields and its issue date as 2025-01-03 for 2025-01-31). Taken
     * off first ({@code Specks}), these five receipts read 43 fields right and 2 WRONG before; now at least 52, none WRONG.
     */
    @Test
    void aWornScannersDustIsNotReadAsCharacters() {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {3, 7, 12, 19, 22}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.fadedScan(truth, PngRenderer.Style.PLAIN, seed));
        int right = scoredAll(reads, wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("fields read right of these five receipts (43 with the dust read)").isGreaterThanOrEqualTo(52);
    }

    /**
     * Hospitals whose reads all differ, named by the list from all of them together (stop 75): a worn scanner's seed 1
     * (two looks reading 利川市人民医院's 院 as 汶 alike, three reads keeping it) and seed 19 (利川市入民医院, 人 read as 入),
     * and the thin Song face's seeds 10 and 29 scanned (a read as near 武汉市第三医院 as 第一, or as near two hospitals,
     * beside reads speaking for one). None of the four was named before; at least three now, none WRONG.
     */
    @Test
    void hospitalsWhoseReadsAllDifferAreNamedByTheListFromThemTogether() {
        List<String> wrong = new ArrayList<>();
        List<Read> worn = readEach(new long[] {1, 19}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.fadedScan(truth, PngRenderer.Style.PLAIN, seed));
        List<Read> song = readEach(new long[] {10, 29}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.scan(truth, new PngRenderer.Style(true, true, null, false), seed));
        int right = scored(worn, List.of("hospital"), wrong) + scored(song, List.of("hospital"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("hospitals named of four (none before)").isGreaterThanOrEqualTo(3);
    }

    /**
     * Set 1's other forms photographed on a reddish-brown wooden desk from further off, in cool light
     * ({@link Variants#photoOnWood}): the desk's grain was taken for the form's red ink and its labels read among the
     * bands it left (seed 7's cash payment 0.00 for 6092.02, seed 20's other and cash payments each other's and its
     * hospital a listed name it is not, seed 23's cash payment 0.00). Given the paper's colour first ({@code Desk}),
     * these three receipts read 34 fields right and 5 WRONG before; now at least 41, none WRONG.
     */
    @Test
    void aReddishDeskIsNotTakenForTheFormsRedInk() {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {7, 20, 23}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.photoOnWood(truth, PngRenderer.Style.PLAIN, seed));
        int right = scoredAll(reads, wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("fields read right of these three receipts (34 with the desk taken for red ink)").isGreaterThanOrEqualTo(41);
    }

    /** Each "seed field" of set 1's other forms read as the variant: the fields right; none may be WRONG. */
    private int rightOfEach(Variants.Variant variant, String... seedFields) {
        List<String> wrong = new ArrayList<>();
        long[] seeds = Stream.of(seedFields).mapToLong(seedField -> Long.parseLong(seedField.split(" ")[0])).toArray();
        List<Read> reads = readEach(seeds, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.bytes(truth, variant, seed));
        int right = 0;
        for (int i = 0; i < seeds.length; i++) {
            right += scored(seeds[i], reads.get(i).truth(), reads.get(i).fields(), List.of(seedFields[i].split(" ")[1]), wrong);
        }
        assertThat(wrong).isEmpty();
        return right;
    }

    /**
     * The form's red seal over a payment's label on clean images of other forms: 统筹基金支付 lost, its amount read with
     * no label before it, is the amount the sum leaves for it (seed 16); 其他基金支付 read as 其人金支付, a character
     * from 现金支付, is not the cash payment's label when 现金支付 is read exactly further on (seed 19: the cash payment
     * was 0.00, the other payment's, and the other payment missing).
     */
    @Test
    void aPaymentWhoseLabelTheSealTookIsNotGivenAnotherLabelAndIsTheAmountTheSumLeaves() {
        int funds = rightOn(Variants.Variant.CLEAN, 16, "fundPaid");
        int cash = rightOn(Variants.Variant.CLEAN, 19, "cashPaid", "otherPaid");
        assertThat(funds).as("fund payments read right of 1 (missing without the sum's witness)").isEqualTo(1);
        assertThat(cash).as("cash and other payments read right of 2 (cash WRONG, other missing, with the near label taken)").isEqualTo(2);
    }

    /**
     * A settlement statement's 姓名 and 证件号码 on one row, the seal over 证件号码: the looks at the payer's room read on
     * into the ID number (吴梅420882199510121265), whose digits are not the name's (seed 9: the payer missing before).
     */
    @Test
    void aPayersNameReadOnIntoTheNextCellsNumberIsTheNameBeforeIt() {
        assertThat(rightOn(Variants.Variant.CLEAN, 9, "payerName")).as("payers read right of 1 (missing when the number was read as part of the name)").isEqualTo(1);
    }

    /**
     * A settlement statement's 出院日期 under the form's red seal, read as 人院: its date, 2025年5月17日, read where no label
     * was, is the discharge, the one date between the admission and the settlement (seed 11: missing before).
     */
    @Test
    void aDischargeWhoseLabelTheSealTookIsTheOneDateInTheStay() {
        assertThat(rightOn(Variants.Variant.CLEAN, 11, "dischargeDate")).as("discharge dates read right of 1 (missing without the stay's witness)").isEqualTo(1);
    }

    /**
     * A settlement statement whose 其他基金支付 the page read as 其他基金 before its amount, and whose 统筹基金支付 the seal
     * took (seed 9): the other payment found by its label's first four characters, then the fund payment by the sum.
     */
    @Test
    void anAmountsLabelThatLostItsLastTwoCharactersStillPlacesItsAmount() {
        assertThat(rightOn(Variants.Variant.CLEAN, 9, "otherPaid", "fundPaid")).as("other and fund payments read right of 2 (both missing before)").isEqualTo(2);
    }

    /** A scan's ¥4683.75 read as 84683.75 by the page and every look (seed 6): the sum says the 8 was the sign. */
    @Test
    void anAmountWhoseSignWasReadAsItsFirstDigitIsTheRestWhenTheSumThenHolds() {
        assertThat(rightOn(Variants.Variant.SCAN, 6, "fundPaid")).as("fund payments read right of 1 (WRONG, 84683.75, before)").isEqualTo(1);
    }

    /**
     * A clean 徐雪涛 alone in its wide cell, which the page read as nothing and the line model read alone as nothing
     * (seed 27): read with its label, 交款人（患者）：, on the page with both inks.
     */
    @Test
    void aPayerReadAsNothingAloneIsReadWithItsLabel() {
        assertThat(rightOn(Variants.Variant.CLEAN, 27, "payerName")).as("payers read right of 1 (missing before)").isEqualTo(1);
    }

    /**
     * Scans of other forms with their data in the thin Song face and the seal's ring across a long hospital's name: no two
     * reads agreed (华中科拷活同济医学掀附属协和医院, 华中科挝疼同济医党噬附属协和医院 …) and the layer without the seal
     * parted by grey lost the thin strokes: every read coming nearest to the same listed hospital, it was taken with a
     * warning (left out before that). The looks without the seal now read the page without its ring alone, which keeps
     * the strokes: the name is read there whole and taken as the listed hospital it names, with no warning of reads that
     * disagree.
     */
    @Test
    void aLongHospitalsNameUnderTheSealsRingIsReadWithoutTheRing() throws IOException {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(3);
        Recognition read = readOnce(Variants.scan(truth, new PngRenderer.Style(true, false, null, false), 3));
        assertThat(read.fields().get("hospital")).isEqualTo(truth.fields().get("hospital")).isEqualTo("华中科技大学同济医学院附属协和医院");
        assertThat(read.warnings()).noneMatch(w -> w.startsWith("收款单位") || w.startsWith("医院"));
    }

    /**
     * A photo of another form with form and data in the thin Song face (seed 1): the seal's ring over 医保统筹基金支付's
     * first digit read 4321.49 for 1321.49, unsure, no two looks reading it alike, and the sum failing: the amount is left
     * out with a warning, not given wrong (WRONG before).
     */
    @Test
    void anAmountReadUnsureUnderTheSealOfASumThatFailsIsLeftOut() {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(1);
        Recognition read = readOnce(Variants.photo(truth, new PngRenderer.Style(true, true, null, false), 1));
        assertThat(read.fields()).doesNotContainKey("fundPaid");
        assertThat(read.warnings()).anyMatch(w -> w.contains("医保统筹基金支付识别把握不大，已舍弃"));
    }

    /**
     * The same photographed from seed 25: the ring over 医保统筹基金支付's first digit read 59.59 for 559.59, whole as
     * money, and the sum failing with it (left out, unsure, before). The total less the other payments, each read so
     * again, is 559.59, which ends as the page read it: taken, with a warning. Since stop 77 the page's 59.59 is left
     * out first, a look having read ¥559.59 (its leading digit lost), and the sum then gives 559.59 as for an amount
     * not read: the same value, the reviewer told both.
     */
    @Test
    void aPaymentReadShortAtTheFrontUnderTheSealIsWhatTheSumLeaves() {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(25);
        Recognition read = readOnce(Variants.photo(truth, new PngRenderer.Style(true, true, null, false), 25));
        assertThat(read.fields().get("fundPaid")).isEqualTo(truth.fields().get("fundPaid")).isEqualTo("559.59");
        assertThat(read.warnings()).anyMatch(w -> w.startsWith("医保统筹基金支付读作 59.59，再次识别在 ¥ 后读到 559.59，像是缺了前几位"));
        assertThat(read.warnings()).anyMatch(w -> w.startsWith("医保统筹基金支付未能识别，金额合计减其余各项支付为 559.59"));
    }

    /**
     * The template from a worn scanner (seed 10): the page read 医保统筹基金支付's ¥10044.87 as 0044.87, its first digit
     * lost, and the total 14211.64 right. Taken as money, 0044.87 and the other payments added up to 4211.64, so the
     * total's first digit was dropped as a misread ¥: both WRONG. An amount never has a 0 before its first digit, so
     * 0044.87 is no amount, the total stands, and the sum leaves 10044.87 for the payment, which ends as the page read it.
     */
    @Test
    void anAmountReadWithAZeroBeforeItsFirstDigitIsNoAmountAndTheSumFillsIt() {
        ReceiptTruth truth = ReceiptFaker.receipt(10);
        Recognition read = readOnce(Variants.fadedScan(truth, PngRenderer.Style.PLAIN, 10));
        assertThat(read.fields().get("total")).isEqualTo(truth.fields().get("total")).isEqualTo("14211.64");
        assertThat(read.fields().get("fundPaid")).isEqualTo(truth.fields().get("fundPaid")).isEqualTo("10044.87");
        assertThat(read.warnings()).contains("医保统筹基金支付未能识别为金额（读作「0044.87」），金额合计减其余各项支付为 10044.87，"
                + "与页上识别出的末几位相符，按此取用，请核对原件");
    }

    /**
     * The template from a worn scanner, 其他支付's label faded away (seed 29) or read as words (seed 35), 医保统筹基金支付
     * 0.00 read as no amount: what the sum leaves is the two payments together (1030.98, 603.78), and a look at the
     * payment's place read the 0.00 and 1030.98 run together (15901030.98), the page 六地支作303.78. Both were taken as
     * 医保统筹基金支付's, WRONG; neither is now. Seed 36's 0.00 beside 其他支付's 0.00, a look reading them together as
     * 9000.00, is still taken: nothing is left, so each is nothing.
     */
    @Test
    void aPaymentIsNotWhatTheSumLeavesWhereTheReadThereRunsOnFromAnotherLabelsAmount() {
        List<Read> reads = readEach(new long[] {29, 35, 36}, ReceiptFaker::receipt,
                (seed, truth) -> Variants.fadedScan(truth, PngRenderer.Style.PLAIN, seed));
        for (Read read : reads) assertThat(read.truth().fields()).containsEntry("fundPaid", "0.00");
        assertThat(reads.get(0).fields()).doesNotContainKey("fundPaid");
        assertThat(reads.get(1).fields()).doesNotContainKey("fundPaid");
        assertThat(reads.get(2).fields()).containsEntry("fundPaid", "0.00");
    }

    /**
     * Grey scans of other forms with form and data in the thin Song face: 医保统筹基金支付 under the seal's ring read as
     * no amount (4Y1730.01 for 1730.01, seed 2; 405aa for 405.64, seed 19), the total and the other payments read right.
     * The amount the sum leaves is taken, a read there ending as it does, with a warning (missing before). (Seeds 1 and 25,
     * 1 for 1321.49 and 馅站59.59 for 559.59, were such pages until the seal's star was divided out of them: seed 25's fund
     * is read as it is now, seed 1's read there and dropped, unsure, the sum failing.)
     */
    @ParameterizedTest
    @CsvSource({"2, 1730.01", "19, 405.64"})
    void aPaymentReadAsNoAmountUnderTheSealIsWhatTheSumLeavesWhenAReadThereEndsSo(long seed, String fund) {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(seed);
        Recognition read = readOnce(Variants.scan(truth, new PngRenderer.Style(true, true, null, false), seed));
        assertThat(read.fields().get("fundPaid")).isEqualTo(truth.fields().get("fundPaid")).isEqualTo(fund);
        assertThat(read.warnings()).anyMatch(w -> w.startsWith("医保统筹基金支付未能识别") && w.contains("金额合计减其余各项支付为 " + fund));
    }

    /**
     * A grey scan of another form, form and data in the thin Song face, the seal over the payer (seed 20): the page read
     * 个人自付's ￥264.82 as 264.82, and both looks at it read 3264.82, the ￥ a 3 to them. The amount is left out with a
     * warning that says both reads. (Seed 2's 个人自费, whose looks read 3130.68 so, is read right since the seal's star
     * is divided out of the page.)
     */
    @Test
    void anAmountALookReadWithItsSignAsA3IsLeftOut() {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(20);
        Recognition read = readOnce(Variants.scan(truth, new PngRenderer.Style(true, true, null, true), 20));
        assertThat(truth.fields().get("selfPaid")).isEqualTo("264.82");
        assertThat(read.fields()).doesNotContainKey("selfPaid");
        assertThat(read.warnings()).contains("个人自付读作 264.82，再次识别读作 3264.82，首位的 3 可能是 ¥ 的误读，无法判断，已舍弃，请核对原件");
    }

    /**
     * A pale grey scan of another form printed in black (seed 1): its data is no darker than the seal, so the seal stays on
     * the page, and the page is read with the seal's ring alone taken out. 校验码, 收款单位 and 个人自费, which the page read
     * with the seal on left out, are read; every field of the receipt is right.
     */
    @Test
    void aPaleScanWhoseSealStaysIsReadWithTheSealsRingTakenOut() {
        ReceiptTruth truth = ReceiptFaker.onOtherForm(1);
        PngRenderer.Style blackForm = new PngRenderer.Style(false, false, null, false, java.awt.Color.BLACK);
        Recognition read = readOnce(Variants.paleScan(truth, blackForm, 1));
        for (String field : List.of("checkCode", "hospital", "selfFunded")) {
            assertThat(read.fields().get(field)).as(field).isNotNull().isEqualTo(truth.fields().get(field));
        }
    }

    /**
     * Pale scans of the national template (seeds 9 and 34): nothing on them is darker than the seal's grey, so their grey
     * parting's data layer was blank; their form registered and its labels were read, so that blank layer was read, and
     * each kept 1 field of 15. A page with no ink darker than the seal's was then read as one layer straight away (read
     * 27 of the two's 30 fields right); a sharp pale page is now deepened back by its darkest ink before its inks
     * are parted ({@code GreyInks.partOf}), so its data layer holds its data: at least 29 right, none WRONG.
     */
    @Test
    void aPaleScanWhoseFormRegistersIsReadDeepenedBack() {
        int right = templateReadNoneWrong(new long[] {9, 34}, (seed, truth) -> Variants.paleScan(truth, PngRenderer.Style.PLAIN, seed));
        assertThat(right).as("fields read right of 30 (2 with the blank layer read, 27 as one layer)").isGreaterThanOrEqualTo(29);
    }

    /**
     * Scans of the national template from a light toner (seeds 2 and 9, their darkest ink at 62 and 80 of 255): the
     * strokes' cores are darker than the seal's grey but their rims and the thin strokes are not, so the grey parting's
     * data layer held only the cores, and the two read 7 fields right of 30 and 3 WRONG (10956.70 for 1096.70). Deepened
     * back by their darkest ink before they are parted ({@code GreyInks.partOf}): at least 28 right, none WRONG.
     */
    @Test
    void aLightScanIsDeepenedBackBeforeItsInksAreParted() {
        int right = templateReadNoneWrong(new long[] {2, 9}, (seed, truth) -> Variants.lightScan(truth, PngRenderer.Style.PLAIN, seed));
        assertThat(right).as("fields read right of 30 (7 parted as they were, 3 WRONG)").isGreaterThanOrEqualTo(28);
    }

    /**
     * Soft scans of the national template from a light toner (seeds 23 and 24, Variants.softLightScan: their darkest ink
     * at 81 and 79 of 255, their blurred strokes' cores darker than the seal's grey and little else): parted as they were,
     * their data layer held only those cores, and the two read 1 field right of 30. Deepened back, and their data parted
     * from the seal below the seal's ring deepened alike ({@code GreyInks.partOf}): at least 27 right, none WRONG.
     */
    @Test
    void aSoftLightScanIsPartedBelowItsSealDeepenedBack() {
        int right = templateReadNoneWrong(new long[] {23, 24}, (seed, truth) -> Variants.softLightScan(truth, PngRenderer.Style.PLAIN, seed));
        assertThat(right).as("fields read right of 30 (1 parted as they were)").isGreaterThanOrEqualTo(27);
    }

    /**
     * Pale scans of the national template whose seal's star lies over the fund's first digit (seeds 2, 10 and 12): the
     * page, read as one layer with the seal's ring out, reads the star into the amount (医保统筹基金支付好300友其他避+), and
     * the looks without the seal read a blank layer, the grey parting finding nothing darker than the seal. They now read
     * the page deepened back by its darkest ink and parted ({@code GreyInks.paleData}): all three funds are read (none
     * before).
     */
    @Test
    void aPaleScansAmountUnderTheStarIsReadWithoutTheSeal() {
        List<String> wrong = new ArrayList<>();
        int right = scored(readEach(new long[] {2, 10, 12}, ReceiptFaker::receipt,
                (seed, truth) -> Variants.paleScan(truth, PngRenderer.Style.PLAIN, seed)), List.of("fundPaid"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("fund payments read right of 3 (none with the looks on a blank layer)").isEqualTo(3);
    }

    /**
     * Clean images of other forms with the seal over 医保统筹基金支付: the page lost the label, and the look at it read
     * 医保统筹基金支付办, a stroke of the seal after the label, so the amount was given to no field. One character after
     * a label that ends no label is now taken for the colon misread: both amounts are read (neither before).
     */
    @Test
    void aLabelLookedAtWithAStrokeOfTheSealAfterItStillPlacesItsAmount() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {6, 23}, ReceiptFaker::onOtherForm, Variants.Variant.CLEAN, List.of("fundPaid"), wrong);
        assertThat(wrong).isEmpty();
        assertThat(right).as("fund payments read right of 2 (none when the label had to end the look)").isEqualTo(2);
    }

    /**
     * The form's red seal over the form's red 个人自付 (seeds 3 and 13): the looks at the label keep 个, 个人 of it, and
     * of the labels with 个人 in them every other is found elsewhere on the page.
     */
    @Test
    void anAmountWhoseLabelTheSealLeftARemnantOfIsTheOneOpenFieldTheRemnantCanBe() {
        assertThat(rightOn(Variants.Variant.CLEAN, 3, "selfPaid") + rightOn(Variants.Variant.CLEAN, 13, "selfPaid"))
                .as("self-paid amounts read right of 2 (missing before)").isEqualTo(2);
    }

    /**
     * A grey scan of another form (seed 11, a settlement statement, 结算单): its ¥ signs read as Y#, YX, x and # before
     * the digits (Y#13287.93, YX1227.68, x269.71), so the total, 大病保险及医疗救助 and 自付金额 were refused as noise,
     * and 统筹基金支付's amount, its label under the seal's ring, was placed nowhere: the speck after the total's read
     * (Y#13287.93.) made that no amount, whose digits then stood between the payment's amount and its label's room. Read
     * as signs, and the speck as a speck, the four are read (none before), and nothing on the receipt is WRONG.
     */
    @Test
    void aSignReadAsMarksOrLettersBeforeAnAmountIsTheSign() {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {11}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.bytes(truth, Variants.Variant.SCAN, seed));

        scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(reads, List.of("total", "fundPaid", "otherPaid", "selfPaid"), new ArrayList<>())).as("of 4 (none before)").isEqualTo(4);
    }

    /**
     * Grey scans of other forms with the seal's star over 个人自付 or 自付金额 (SCAN seeds 3 and 13): the seal, lighter than
     * the data, is taken out of the page by its grey and the label under the star with it, and the page as it came read the
     * star into it (代个办, 额:单); neither kept two of its characters. Read on the page as it came with the star divided
     * out (its ring out), the label is read whole or kept, and both amounts are placed (neither was before). From a light
     * toner (seed 4), the page read ¥385.57 as 邮85.57 beside 自付金额, a ring's character over its ¥3: placed by its label,
     * the amount is looked at again, and left out rather than taken short. Nothing on the three receipts is WRONG.
     */
    @Test
    void aLabelUnderTheSealsStarOnAGreyScanIsReadWithTheStarDividedOut() {
        List<String> wrong = new ArrayList<>();
        List<Read> sharp = readEach(new long[] {3, 13}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.bytes(truth, Variants.Variant.SCAN, seed));
        List<Read> light = readEach(new long[] {4}, ReceiptFaker::onOtherForm,
                (seed, truth) -> Variants.lightScan(truth, PngRenderer.Style.PLAIN, seed));

        scoredAll(sharp, wrong);
        scoredAll(light, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(sharp, List.of("selfPaid"), new ArrayList<>())).as("self-paid amounts of 2 (none before)").isEqualTo(2);
    }

    /**
     * Grey scans of settlement statements whose slot's look runs on over the next field's value, that field's label lost
     * under the seal. Seed 26: 出院日期 under the star, the page read the admission's 2025/09/21 as 202s/0g21, and the look
     * at 入院日期's slot read the two dates run together (2025/09/2112025/10/134); the date the looks begin with, before
     * the one the page read alone there, is the admission's, and the discharge is then the date in the stay. Seed 15: 医疗
     * 费用总额's figures read as no amount, its slot's look 60¥30010.12¥20729.21; the four payments add up to the sum that
     * look reads whole, and it is the total. The three are read (none was before), nothing on the receipts WRONG.
     */
    @Test
    void aStatementsSlotWhoseLookRunsOnOverTheNextValueGivesTheValueItBeginsWith() {
        List<String> wrong = new ArrayList<>();
        List<Read> reads = readEach(new long[] {15, 26}, ReceiptFaker::onOtherForm, (seed, truth) -> Variants.bytes(truth, Variants.Variant.SCAN, seed));

        scoredAll(reads, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scored(reads, List.of("total", "admissionDate", "dischargeDate"), new ArrayList<>()))
                .as("of 6: seed 15's dates and seed 26's total were read before, the other three were not").isEqualTo(6);
    }

    /** How many of the fields an image of set 1's other form of the seed reads right, none of them WRONG. */
    private int rightOn(Variants.Variant variant, long seed, String... fields) {
        List<String> wrong = new ArrayList<>();
        int right = read(new long[] {seed}, ReceiptFaker::onOtherForm, variant, List.of(fields), wrong);
        assertThat(wrong).isEmpty();
        return right;
    }

    /** The receipts of these seeds as images of the variant, read: the fields right, the WRONG added to {@code wrong}. */
    private int read(long[] seeds, LongFunction<ReceiptTruth> receipt, Variants.Variant variant, List<String> fields,
                     List<String> wrong) {
        return scored(readEach(seeds, receipt, (seed, truth) -> Variants.bytes(truth, variant, seed)), fields, wrong);
    }

    /** The national template's receipts of the seeds, drawn so, read: the fields read right, once it is asserted that none is WRONG. */
    private static int templateReadNoneWrong(long[] seeds, Drawn drawn) {
        List<String> wrong = new ArrayList<>();
        int right = scoredAll(readEach(seeds, ReceiptFaker::receipt, drawn), wrong);
        assertThat(wrong).isEmpty();
        return right;
    }

    /** A file drawn of a seed's receipt. */
    private interface Drawn {
        byte[] file(long seed, ReceiptTruth truth) throws IOException;
    }

    /** A seed's receipt and what was read of its file. */
    private record Read(long seed, ReceiptTruth truth, Map<String, String> fields) {
    }

    /** The receipts of these seeds drawn as files and read two at a time (the test's two engines), in the seeds' order. */
    private static List<Read> readEach(long[] seeds, LongFunction<ReceiptTruth> receipt, Drawn drawn) {
        List<ReceiptTruth> truths = LongStream.of(seeds).mapToObj(receipt).toList();
        return IntStream.range(0, seeds.length).parallel().mapToObj(i -> {
            try {
                return new Read(seeds[i], truths.get(i), readOnce(drawn.file(seeds[i], truths.get(i))).fields());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** How many of the fields were read right over the reads; each read as another value is added to {@code wrong}. */
    private static int scored(List<Read> reads, List<String> fields, List<String> wrong) {
        return reads.stream().mapToInt(read -> scored(read.seed(), read.truth(), read.fields(), fields, wrong)).sum();
    }

    /** How many of each read's fields (all its receipt has) were read right; each read as another value is added to {@code wrong}. */
    private static int scoredAll(List<Read> reads, List<String> wrong) {
        return reads.stream().mapToInt(read -> scored(read.seed(), read.truth(), read.fields(),
                List.copyOf(read.truth().fields().keySet()), wrong)).sum();
    }

    /** Set 1's other forms of these seeds drawn at 300 dpi in the style and read: the fields right, the WRONG added to {@code wrong}. */
    private int readAt300Dpi(long[] seeds, PngRenderer.Style style, List<String> fields, List<String> wrong) {
        return scored(readEach(seeds, ReceiptFaker::onOtherForm, (seed, truth) -> png(PngRenderer.render(truth, 300, style))), fields, wrong);
    }

    private static byte[] png(java.awt.image.BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** How many of the fields were read right; each read as another value is added to {@code wrong}. */
    private static int scored(long seed, ReceiptTruth truth, Map<String, String> read, List<String> fields, List<String> wrong) {
        int right = 0;
        for (String field : fields) {
            String expected = truth.fields().get(field), got = read.get(field);
            if (got != null && !got.equals(expected)) wrong.add("seed " + seed + " " + field + "=" + got + " ≠ " + expected);
            if (expected.equals(got)) right++;
        }
        return right;
    }
}
