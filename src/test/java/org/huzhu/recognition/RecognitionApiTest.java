package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RecognitionApiTest extends ApiTest {

    private static final String PATH = "/api/v1/recognitions";

    @AfterEach
    void theServiceStillAnswers() {
        Answer health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"demo-member", "demo-unit", "demo-reviewer", "demo-finance", "demo-admin"})
    void anyLoggedInRoleGetsTheContractAnswerForAPdfReceipt(String user) {
        TestReceipt receipt = TestReceipt.inpatient();

        Answer answer = upload(user, PATH, "file", "张三的票据.pdf", ReceiptFiles.pdf(receipt));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.path("documentType").asString()).isEqualTo("INPATIENT_RECEIPT");
        assertThat(json.path("source").asString()).isEqualTo("PDF_TEXT");
        Map<String, String> fields = new LinkedHashMap<>();
        json.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        assertThat(fields).containsExactlyEntriesOf(receipt.fields);
        assertThat(json.path("confidence").path("total").asDouble()).isEqualTo(1.0);
        assertThat(json.path("confidence").size()).isEqualTo(receipt.fields.size());
        assertThat(json.path("warnings").isArray()).isTrue();
        assertThat(json.path("warnings").size()).isZero();
        assertThat(json.path("lines").get(0).path("name").asString()).isEqualTo("床位费");
        assertThat(json.path("lines").get(0).path("amount").asString()).isEqualTo("450.00");
    }

    @Test
    void readsAnOfdReceipt() {
        TestReceipt receipt = TestReceipt.outpatient();

        Answer answer = upload("demo-member", PATH, "file", "receipt.ofd", ReceiptFiles.ofd(receipt));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("documentType")).isEqualTo("OUTPATIENT_RECEIPT");
        assertThat(answer.field("source")).isEqualTo("OFD");
        assertThat(answer.json().path("fields").path("visitDate").asString()).isEqualTo("2026-03-09");
        assertThat(answer.json().path("fields").path("total").asString()).isEqualTo("356.40");
    }

    @Test
    void needsALogin() {
        Answer answer = upload(null, PATH, "file", "r.pdf", ReceiptFiles.pdf(TestReceipt.inpatient()));

        assertProblem(answer, 401);
    }

    @Test
    void aMissingFilePartIsA400NamingIt() {
        Answer answer = upload("demo-member", PATH, "document", "r.pdf", ReceiptFiles.pdf(TestReceipt.inpatient()));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("file");
    }

    @Test
    void refusesATextFileNamedPdf() {
        Answer answer = upload("demo-member", PATH, "file", "receipt.pdf", "这不是票据，只是一段文字。".getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains("不支持的文件类型");
        assertThat(fields(answer)).containsExactly("file");
    }

    @Test
    void refusesAnEmptyFile() {
        Answer answer = upload("demo-member", PATH, "file", "empty.pdf", new byte[0]);

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains("为空");
    }

    @Test
    void refusesATruncatedPdf() {
        byte[] pdf = ReceiptFiles.pdf(TestReceipt.inpatient());

        Answer answer = upload("demo-member", PATH, "file", "cut.pdf", Arrays.copyOf(pdf, pdf.length / 3));

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains("PDF");
    }

    @Test
    void refusesAPdfWhosePageHasNeitherTextNorImage() {
        byte[] blank = PdfTextReaderTest.document(doc -> doc.addPage(new PDPage()));

        Answer answer = upload("demo-member", PATH, "file", "blank.pdf", blank);

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).isEqualTo("PDF 既没有文字也没有图像，无法识别");
    }

    @Test
    void refusesAnOfdZipBombOfAGigabyteOfZeros() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ReceiptFiles.entry(zip, "OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
                    + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
            zip.putNextEntry(new ZipEntry("Doc_0/Document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(10 * 1024 * 1024);
        long started = System.nanoTime();

        Answer answer = upload("demo-member", PATH, "file", "bomb.ofd", out.toByteArray());

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains("压缩炸弹");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void refusesAPngOfThirtyThousandPixelsASideQuickly() {
        long started = System.nanoTime();

        Answer answer = upload("demo-member", PATH, "file", "huge.png", DocumentSnifferTest.pngHeader(30_000, 30_000));

        assertProblem(answer, 422);
        assertThat(answer.field("detail")).contains("图片过大");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void refusesAGif() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x21, (byte) 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B};

        Answer answer = upload("demo-member", PATH, "file", "receipt.png", gif);

        assertProblem(answer, 422);
    }

    @Test
    void refusesAFiftyMegabyteUploadWith413() {
        byte[] big = new byte[50 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);

        Answer answer = upload("demo-member", PATH, "file", "big.pdf", big);

        assertProblem(answer, 413);
    }
}
