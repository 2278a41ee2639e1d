package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The recognition module's front door: one uploaded document in, its {@link Recognition} out.
 * The file's type is told from its bytes; a PDF's text layer and an OFD's XML are read exactly,
 * photos, scans and image-only PDF pages by OCR on a bounded pool; then the receipt layout is
 * read and checked — or, for a discharge summary or a diagnosis certificate, its record read
 * ({@link MedicalRecords}); the hospital is looked up in the {@link HospitalList}. Refusals are {@code UnreadableUploadException} (422) and
 * {@code UploadTooLargeException} (413). Nothing read is logged: receipts carry personal data.
 */
@Service
public class Recognitions {

    private static final Logger log = LoggerFactory.getLogger(Recognitions.class);

    private final OcrPool ocr;
    private final HospitalList hospitals;

    @Autowired
    Recognitions(OcrPool ocr, HospitalList hospitals) {
        this.ocr = ocr;
        this.hospitals = hospitals;
    }

    /** With the hospital list Huzhu ships (tools and tests). */
    Recognitions(OcrPool ocr) {
        this(ocr, HospitalList.shipped());
    }

    /**
     * Recognises one document. The file name is only a hint for people and is never trusted (nor
     * logged); the content decides.
     */
    public Recognition recognise(String fileName, byte[] content) {
        long started = System.nanoTime();
        FileType type = DocumentSniffer.sniff(content);
        ReadPages pages = switch (type) {
            case PDF -> PdfTextReader.read(content, ocr);
            case OFD -> OfdReader.read(content);
            case PNG, JPEG -> null;
        };
        Recognition recognition = hospitalChecked(pages == null ? image(content, type)
                : MedicalRecords.read(pages.pages(), pages.source())
                        .orElseGet(() -> ReceiptChecks.apply(ReceiptExtractor.extract(pages.pages()), pages.source())));
        if (log.isInfoEnabled()) {
            log.info("Recognised {} of {} bytes, {} page(s): {} from {}, {} fields, {} lines, {} warnings in {} ms",
                    type, content.length, pages != null ? pages.pages().size() : 1, recognition.documentType(), recognition.source(),
                    recognition.fields().size(), recognition.lines().size(), recognition.warnings().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return recognition;
    }

    /**
     * The hospital read, looked up in the list of hospitals: a name not listed as read is a warning, never changed. A name
     * OCR read a character or two from listed ones ({@link HospitalList#doubts}) is left out with the warning, unless its
     * seal showed it ({@link SecondReads#apply}: the warning {@link HospitalList#sealShownWarning} says so already).
     */
    private Recognition hospitalChecked(Recognition r) {
        String hospital = r.fields().get("hospital");
        if (hospital == null) return r;
        HospitalList.Match match = hospitals.match(hospital);
        if (match.near() && r.warnings().contains(HospitalList.sealShownWarning(hospital, match))) return r;
        boolean doubted = r.source() == TextSource.OCR && match.near();
        String warning = doubted ? HospitalList.doubtedWarning(hospital, match) : HospitalList.warning(hospital, match);
        if (warning == null) return r;
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.add(warning);
        if (!doubted) return new Recognition(r.documentType(), r.source(), r.fields(), r.confidence(), warnings, r.lines());
        Map<String, String> fields = new LinkedHashMap<>(r.fields());
        Map<String, Double> confidence = new LinkedHashMap<>(r.confidence());
        fields.remove("hospital");
        confidence.remove("hospital");
        return new Recognition(r.documentType(), r.source(), fields, confidence, warnings, r.lines());
    }

    /** A photo or scan: read by OCR, its layout read, its names looked at again ({@link SecondReads}), then checked. */
    private Recognition image(byte[] content, FileType type) {
        ImageFiles.checkHeader(content, type);
        OcrPage page = OcrResults.await(ocr.readKeeping(() -> ImageFiles.decode(content, type), 0));
        Optional<Recognition> record = MedicalRecords.read(List.of(page.text()), TextSource.OCR);
        if (record.isPresent()) return record.get();
        ReceiptReading reading = SecondReads.apply(ReceiptExtractor.extract(List.of(page.text())), page.lines(), hospitals);
        return ReceiptChecks.apply(reading, TextSource.OCR);
    }
}
