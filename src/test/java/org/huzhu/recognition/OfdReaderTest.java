package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huzhu.shared.web.UnreadableUploadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfdReaderTest {

    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    @Test
    void aReceiptOfdGivesEveryFieldExactly() {
        for (TestReceipt receipt : List.of(TestReceipt.inpatient(), TestReceipt.outpatient())) {
            ReadPages pages = OfdReader.read(ReceiptFiles.ofd(receipt));

            Recognition r = ReceiptChecks.apply(ReceiptExtractor.extract(pages.pages()), pages.source());

            assertThat(pages.source()).isEqualTo(TextSource.OFD);
            assertThat(r.documentType()).isEqualTo(receipt.inpatient ? DocumentKind.INPATIENT_RECEIPT : DocumentKind.OUTPATIENT_RECEIPT);
            assertThat(r.fields()).isEqualTo(receipt.fields);
            assertThat(r.lines()).isEqualTo(receipt.lines);
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void placesGlyphsInMillimetresFromBoundaryTextCodeAndDeltaX() {
        String page = "<ofd:Page " + NS + "><ofd:Area><ofd:PhysicalBox>0 0 210 99</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer>"
                + "<ofd:TextObject ID=\"1\" Boundary=\"20 30 40 5\" Size=\"4\"><ofd:TextCode X=\"1\" Y=\"4\" DeltaX=\"g 2 4 2\">"
                + "票据A&amp;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>";

        PageText text = OfdReader.read(ReceiptFiles.ofdPackage(page, null)).pages().getFirst();

        assertThat(text.width()).isEqualTo(210);
        assertThat(text.height()).isEqualTo(99);
        assertThat(text.boxes()).extracting(TextBox::text).containsExactly("票", "据", "A", "&");
        assertThat(text.boxes()).extracting(TextBox::x).containsExactly(21.0, 25.0, 29.0, 31.0);
        // Y is the baseline: the box's top sits about a character height above it
        assertThat(text.boxes().getFirst().y()).isCloseTo(34 - 0.88 * 4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(text.boxes().getFirst().height()).isEqualTo(4);
    }

    @Test
    void readsTheLabelsPrintedOnATemplatePageBesideTheDataOnThePage() {
        String template = "<ofd:Page " + NS + "><ofd:Content><ofd:Layer>"
                + ReceiptFiles.textObject(1, new TestReceipt.Placed("票据代码：", 10, 20, 3.5))
                + ReceiptFiles.textObject(2, new TestReceipt.Placed("票据号码：", 150, 20, 3.5))
                + "</ofd:Layer></ofd:Content></ofd:Page>";
        String page = "<ofd:Page " + NS + "><ofd:Template TemplateID=\"3\" ZOrder=\"Background\"/><ofd:Content><ofd:Layer>"
                + ReceiptFiles.textObject(3, new TestReceipt.Placed("42010126", 27.5, 20, 3.5))
                + ReceiptFiles.textObject(4, new TestReceipt.Placed("0012345678", 167.5, 20, 3.5))
                + "</ofd:Layer></ofd:Content></ofd:Page>";

        ReadPages pages = OfdReader.read(ReceiptFiles.ofdPackage(page, template));

        assertThat(ReceiptChecks.apply(ReceiptExtractor.extract(pages.pages()), pages.source()).fields())
                .containsEntry("invoiceCode", "42010126").containsEntry("invoiceNumber", "0012345678");
    }

    @Test
    void refusesADocumentTypeDeclarationSoNoEntityIsEverExpanded() {
        String page = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ofd:Page " + NS + "><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"0 0 10 10\" Size=\"3\">"
                + "<ofd:TextCode X=\"0\" Y=\"3\">&c;&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>";

        assertThatThrownBy(() -> OfdReader.read(ReceiptFiles.ofdPackage(page, null)))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("DTD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "/../outside.xml", "Pages/../../../x.xml"})
    void refusesALocationThatClimbsOutOfThePackage(String location) {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot>" + location + "</ofd:DocRoot></ofd:DocBody></ofd:OFD>");

        assertThatThrownBy(() -> OfdReader.read(ofd)).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("包外");
    }

    @Test
    void refusesAnEntryNameThatClimbsOutOfThePackage() {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "/>", "../evil.xml", "x");

        assertThatThrownBy(() -> ZipPackage.open(ofd)).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("非法路径");
    }

    @Test
    void refusesAPackageWithMoreThanAThousandEntries() {
        String[] entries = new String[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            entries[2 * i] = i == 0 ? "OFD.xml" : "Res/" + i + ".xml";
            entries[2 * i + 1] = "<x/>";
        }

        assertThatThrownBy(() -> ZipPackage.open(zip(entries))).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("1000");
        assertThat(ZipPackage.open(zip(java.util.Arrays.copyOf(entries, 2000))).contains("Res/999.xml")).isTrue();
    }

    @Test
    void refusesAPackageThatUnpacksToMoreThanFiftyMegabytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(1);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            ReceiptFiles.entry(zip, "OFD.xml", "<ofd:OFD " + NS + "/>");
            byte[] noise = new byte[1 << 20];
            for (int e = 0; e < 6; e++) {
                zip.putNextEntry(new ZipEntry("Res/img" + e + ".bin"));
                for (int i = 0; i < 9; i++) {
                    random.nextBytes(noise);
                    zip.write(noise);
                }
                zip.closeEntry();
            }
        }

        assertThatThrownBy(() -> ZipPackage.open(out.toByteArray())).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("50 MB");
    }

    @Test
    void refusesAnEntryCompressedMoreThanAHundredToOne() {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "/>", "Res/zeros.txt", "0".repeat(2_000_000));

        assertThatThrownBy(() -> ZipPackage.open(ofd)).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("压缩比");
    }

    @Test
    void countsTheBytesActuallyInflatedWhenTheDirectoryLiesAboutTheSize() {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot>" + "x".repeat(5000)
                + "</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        patchDeclaredSizeOfFirstEntry(ofd, 100);

        ZipPackage zip = ZipPackage.open(ofd);

        assertThatThrownBy(() -> zip.read("OFD.xml")).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("比声明的大");
    }

    @Test
    void refusesAnEntryWhoseChecksumDoesNotMatch() {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "/>");
        int header = indexOf(ofd, new byte[] {'P', 'K', 1, 2});
        ofd[header + 16] ^= 0x55;

        assertThatThrownBy(() -> ZipPackage.open(ofd).read("OFD.xml")).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("校验");
    }

    @Test
    void refusesAnOfdWithoutTheDocumentItNames() {
        byte[] ofd = zip("OFD.xml", "<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");

        assertThatThrownBy(() -> OfdReader.read(ofd)).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("Doc_0/Document.xml");
    }

    @Test
    void refusesBrokenXml() {
        assertThatThrownBy(() -> OfdReader.read(ReceiptFiles.ofdPackage("<ofd:Page " + NS + "><ofd:Content>", null)))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("损坏");
    }

    @Test
    void resolvesLocationsRelativeToTheirFolderOrToTheRoot() {
        assertThat(ZipPackage.resolve("Doc_0", "Pages/Page_0/Content.xml")).isEqualTo("Doc_0/Pages/Page_0/Content.xml");
        assertThat(ZipPackage.resolve("Doc_0", "/Doc_0/Pages/Page_0/Content.xml")).isEqualTo("Doc_0/Pages/Page_0/Content.xml");
        assertThat(ZipPackage.resolve("Doc_0/Pages", "../Tpls/./Tpl_0.xml")).isEqualTo("Doc_0/Tpls/Tpl_0.xml");
    }

    /** A zip of name/text pairs. */
    static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) ReceiptFiles.entry(zip, namesAndTexts[i], namesAndTexts[i + 1]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void patchDeclaredSizeOfFirstEntry(byte[] zip, int size) {
        int header = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        zip[header + 24] = (byte) size;
        zip[header + 25] = (byte) (size >> 8);
        zip[header + 26] = 0;
        zip[header + 27] = 0;
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) if (data[i + k] != what[k]) continue outer;
            return i;
        }
        throw new IllegalStateException("not found");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
