package org.huzhu.recognition.secondset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The second set's generator: consistent documents, truth in the printed forms of every rendering, images of the size asked. */
@RunsAlongside
@ExtendWith(GivesWay.class)
class SecondSetTest {

    private static final long SEED = 7;
    private static final Set<String> DATES = Set.of("issueDate", "admissionDate", "dischargeDate", "visitDate");
    private static final Set<String> MONEY = Set.of("total", "fundPaid", "otherPaid", "personalAccountPaid", "cashPaid", "selfPaid", "selfFunded");

    @Test
    void feeLinesAddUpToTheTotalAndThePaymentsAddUp() {
        for (int i = 0; i < 200; i++) {
            Sheet sheet = SecondSet.sheet(i, SEED);
            Map<String, String> t = sheet.truth;
            BigDecimal lines = sheet.lines.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lines).as("lines of %d", i).isEqualByComparingTo(t.get("total"));
            assertThat(amount(t, "fundPaid").add(amount(t, "otherPaid")).add(amount(t, "personalAccountPaid")).add(amount(t, "cashPaid")))
                    .as("payments of %d", i).isEqualByComparingTo(t.get("total"));
            assertThat(amount(t, "selfPaid").add(amount(t, "selfFunded"))).isLessThanOrEqualTo(amount(t, "cashPaid"));
        }
    }

    @Test
    void truthIsInTheNormalFormsAndHoldsOnlyWhatIsPrinted() {
        Set<String> arrangements = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            Sheet sheet = SecondSet.sheet(i, SEED);
            arrangements.add(sheet.arrangement);
            types.add(sheet.kind.documentType);
            sheet.truth.forEach((field, value) -> {
                if (DATES.contains(field)) assertThat(LocalDate.parse(value).toString()).isEqualTo(value);
                if (MONEY.contains(field)) assertThat(value).matches("\\d+\\.\\d{2}");
            });
            if (sheet.kind == Bill.Kind.SETTLEMENT) {
                assertThat(sheet.truth).doesNotContainKeys("invoiceCode", "invoiceNumber", "checkCode", "visitDate");
            } else {
                assertThat(sheet.truth.get("invoiceCode")).matches("\\d{8}");
                assertThat(sheet.truth.get("invoiceNumber")).matches("\\d{10}");
                assertThat(sheet.truth.get("checkCode")).matches("[0-9a-f]{6}");
            }
            if (sheet.truth.containsKey("admissionDate")) {
                assertThat(sheet.truth.get("admissionDate")).isLessThan(sheet.truth.get("dischargeDate"));
                assertThat(sheet.truth.get("dischargeDate")).isLessThanOrEqualTo(sheet.truth.get("issueDate"));
                assertThat(sheet.truth).doesNotContainKey("visitDate");
            } else {
                assertThat(sheet.truth).containsKey("visitDate");
            }
            assertThat(sheet.seals).isNotEmpty();
        }
        assertThat(arrangements).containsExactlyInAnyOrder("hubei-grid", "national-strip", "wuhan-a5", "half-letter", "settlement-grid",
                "settlement-list");
        assertThat(types).containsExactlyInAnyOrder("INPATIENT_RECEIPT", "OUTPATIENT_RECEIPT", "SETTLEMENT_STATEMENT");
    }

    @Test
    void sameSeedSameDocuments() {
        Sheet a = SecondSet.sheet(3, SEED);
        Sheet b = SecondSet.sheet(3, SEED);
        assertThat(a.truth).isEqualTo(b.truth);
        assertThat(a.look).isEqualTo(b.look);
        assertThat(a.texts).isEqualTo(b.texts);
        assertThat(SecondSet.sheet(3, SEED + 1).truth).isNotEqualTo(a.truth);
        assertThat(SecondSet.file(a, "PDF", 3, SEED)).isEqualTo(SecondSet.file(b, "PDF", 3, SEED));
        assertThat(SecondSet.file(a, "OFD", 3, SEED)).isEqualTo(SecondSet.file(b, "OFD", 3, SEED));
    }

    @Test
    void pdfTextLayerHoldsTheTruthInItsPrintedForms() throws IOException {
        for (int i = 0; i < 6; i++) {
            Sheet sheet = SecondSet.sheet(i, SEED);
            String text;
            try (PDDocument pdf = Loader.loadPDF(SecondSet.file(sheet, "PDF", i, SEED))) {
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo((float) (sheet.width / 25.4 * 72), org.assertj.core.data.Offset.offset(0.1f));
                text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
            }
            for (String printed : printed(sheet)) assertThat(text).as("%s in %s", printed, sheet.arrangement).contains(printed);
        }
    }

    @Test
    void ofdOpensAndListsItsText() throws Exception {
        for (int i = 0; i < 6; i++) {
            Sheet sheet = SecondSet.sheet(i, SEED);
            Map<String, byte[]> parts = unzip(SecondSet.file(sheet, "OFD", i, SEED));
            String docRoot = elementTexts(parts.get("OFD.xml"), "DocRoot").getFirst();
            assertThat(docRoot).isEqualTo("Doc_0/Document.xml");
            byte[] document = parts.get(docRoot);
            assertThat(elementTexts(document, "PhysicalBox").getFirst()).startsWith("0 0 ");
            String page = String.join("", elementTexts(parts.get("Doc_0/" + attribute(document, "Page", "BaseLoc")), "TextCode"));
            String form = String.join("", elementTexts(parts.get("Doc_0/" + attribute(document, "TemplatePage", "BaseLoc")), "TextCode"));
            for (String printed : printed(sheet)) assertThat(page).as("%s in %s", printed, sheet.arrangement).contains(printed);
            assertThat(form).contains(sheet.kind == Bill.Kind.SETTLEMENT ? "结算" : "票据代码");
        }
    }

    @Test
    void imagesHaveTheSizeAsked() throws IOException {
        Sheet sheet = SecondSet.sheet(1, SEED);
        BufferedImage clean = ImageIO.read(new ByteArrayInputStream(SecondSet.file(sheet, "CLEAN", 1, SEED)));
        assertThat(clean.getWidth()).isEqualTo((int) Math.round(sheet.width / 25.4 * 300));
        assertThat(clean.getHeight()).isEqualTo((int) Math.round(sheet.height / 25.4 * 300));
        BufferedImage scan = ImageIO.read(new ByteArrayInputStream(SecondSet.file(sheet, "SCAN", 1, SEED)));
        assertThat(scan.getWidth()).isBetween((int) (sheet.width / 25.4 * 150), (int) Math.ceil(sheet.width / 25.4 * 200));
        assertThat(scan.getRaster().getNumBands()).isEqualTo(1);
        BufferedImage fax = ImageIO.read(new ByteArrayInputStream(SecondSet.file(sheet, "FAX", 1, SEED)));
        assertThat(fax.getWidth()).isEqualTo((int) Math.round(sheet.width / 25.4 * 200));
        assertThat(fax.getColorModel().getPixelSize()).isEqualTo(1);
        byte[] phone = SecondSet.file(sheet, "PHONE", 1, SEED);
        assertThat(phone[0] & 0xff).isEqualTo(0xff);
        assertThat(phone[1] & 0xff).isEqualTo(0xd8);
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(phone));
        assertThat(photo.getWidth()).isGreaterThan((int) (sheet.width / 25.4 * 250));
    }

    @ParameterizedTest
    @CsvSource({"2345678, 贰万叁仟肆佰伍拾陆元柒角捌分", "100500, 壹仟零伍元整", "5, 伍分", "100005, 壹仟元零伍分",
            "10000000, 壹拾万元整", "1003020, 壹万零叁拾元贰角"})
    void capitalAmounts(long cents, String capital) {
        assertThat(Capital.of(cents)).isEqualTo(capital);
    }

    /** Each field's value as the document prints it, and each fee line's name and amount. */
    private static List<String> printed(Sheet sheet) {
        List<String> printed = new ArrayList<>();
        sheet.truth.forEach((field, value) -> {
            if (DATES.contains(field)) printed.add(sheet.look.dateForm().print(LocalDate.parse(value)));
            else if (MONEY.contains(field)) printed.add(sheet.look.sign() + value);
            else printed.add(value.replaceAll("\\s", ""));
        });
        for (Sheet.Line line : sheet.lines) {
            printed.add(line.name());
            printed.add(line.amount());
        }
        return printed;
    }

    private static BigDecimal amount(Map<String, String> truth, String field) {
        return new BigDecimal(truth.get(field));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) parts.put(e.getName(), in.readAllBytes());
        }
        return parts;
    }

    private static List<String> elementTexts(byte[] xml, String name) throws Exception {
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> texts = new ArrayList<>();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(name)) texts.add(r.getElementText());
        }
        return texts;
    }

    private static String attribute(byte[] xml, String element, String attribute) throws Exception {
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) return r.getAttributeValue(null, attribute);
        }
        throw new AssertionError("no " + element);
    }
}
