package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.huzhu.recognition.specimen.OfdRenderer;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptForm;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.ReceiptTruth.DocumentType;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Receipts on forms the national template does not describe (issue 18): other wordings of the
 * labels, titles naming no kind, dates in five forms, the 其他信息 grid reversed, ¥ and ￥,
 * distractor amounts and data printed off the grid ({@link ReceiptForm}), and 医保结算单 whose
 * labels sit in grid cells without colons — read 100 % right as PDF and as OFD, document type
 * included, every field and fee line, no warning.
 */
@RunsAlongside
@ExtendWith(GivesWay.class)
class OtherFormsTest {

    private static final int RECEIPTS = 120;

    private final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));

    @Test
    void readsEveryFieldOfReceiptsOnOtherFormsAsPdf() {
        assertAllRight(TextSource.PDF_TEXT, PdfRenderer::render);
    }

    @Test
    void readsEveryFieldOfReceiptsOnOtherFormsAsOfd() {
        assertAllRight(TextSource.OFD, OfdRenderer::render);
    }

    @Test
    void theFormsVaryEveryWayTheyAreMeantTo() {
        List<ReceiptTruth> receipts = new ArrayList<>();
        for (long seed = 1; seed <= RECEIPTS; seed++) receipts.add(ReceiptFaker.onOtherForm(seed));
        List<ReceiptForm> forms = receipts.stream().map(ReceiptTruth::form).toList();

        assertThat(receipts).extracting(ReceiptTruth::documentType).contains(DocumentType.values());
        assertThat(receipts).filteredOn(r -> r.documentType() == DocumentType.SETTLEMENT_STATEMENT)
                .anyMatch(ReceiptTruth::stay).anyMatch(r -> !r.stay());

        assertThat(forms).extracting(ReceiptForm::title).contains(null, "湖北省医疗收费票据（电子）", "医疗收费票据（电子）");
        assertThat(forms).extracting(ReceiptForm::dates).contains(ReceiptForm.DateStyle.values());
        assertThat(forms).extracting(ReceiptForm::stayJoin).contains("至", "-", "—", "～", "~");
        assertThat(forms).extracting(ReceiptForm::currency).contains("", "¥", "￥");
        assertThat(forms).extracting(ReceiptForm::payer).contains("交款人：", "交款人（患者）：", "患者姓名：");
        assertThat(forms).extracting(ReceiptForm::hospital).contains("收款单位（章）：", "开票单位（章）：", "医疗机构名称：");
        assertThat(forms).anyMatch(ReceiptForm::reversed).anyMatch(ReceiptForm::distractors).anyMatch(ReceiptForm::stayAsTwoDates)
                .anyMatch(form -> form.shiftX() > 3).anyMatch(form -> Math.abs(form.shiftY()) > 0.5);
    }

    private void assertAllRight(TextSource source, Function<ReceiptTruth, byte[]> render) {
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= RECEIPTS; seed++) {
            ReceiptTruth truth = ReceiptFaker.onOtherForm(seed);
            Recognition r = recognitions.recognise("receipt", render.apply(truth));
            wrong.addAll(SpecimenAccuracyTest.differences("seed " + seed + " " + truth.form(), r, truth, source));
        }
        assertThat(wrong).as("%d receipts on other forms", RECEIPTS).isEmpty();
    }
}
