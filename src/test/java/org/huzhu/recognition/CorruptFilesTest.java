package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Damaged files of every kind are answered, never crash: each mangled receipt is either read or
 * refused as unreadable (422), never another failure (which the API would turn into a 500).
 */
@RunsAlongside
@ExtendWith(GivesWay.class)
class CorruptFilesTest {

    private final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(
            new PdfTextReaderTest.KnownBoxesOcr(TestReceipt.inpatient().page().boxes())));

    @Test
    void aMangledPdfIsReadOrRefusedNeverACrash() {
        assertOnlyReadOrRefused(ReceiptFiles.pdf(TestReceipt.inpatient()), 1);
    }

    @Test
    void aMangledOfdIsReadOrRefusedNeverACrash() {
        assertOnlyReadOrRefused(ReceiptFiles.ofd(TestReceipt.outpatient()), 2);
    }

    @Test
    void aMangledImageIsReadOrRefusedNeverACrash() {
        assertOnlyReadOrRefused(DocumentSnifferTest.image(400, 300, "png"), 3);
        assertOnlyReadOrRefused(DocumentSnifferTest.image(400, 300, "jpeg"), 4);
    }

    private void assertOnlyReadOrRefused(byte[] original, long seed) {
        Random random = new Random(seed);
        List<String> crashes = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            byte[] mangled = mangle(original, random);
            try {
                recognitions.recognise("mangled", mangled);
            } catch (UnreadableUploadException e) {
                refused++;
            } catch (RuntimeException e) {
                crashes.add(i + ": " + e);
            }
        }
        assertThat(crashes).isEmpty();
        assertThat(refused).isPositive();
    }

    /** Cuts the file short, or overwrites a few bytes past its signature, or both. */
    private static byte[] mangle(byte[] original, Random random) {
        byte[] bytes = random.nextInt(3) == 0
                ? Arrays.copyOf(original, 8 + random.nextInt(original.length - 8))
                : original.clone();
        int flips = 1 + random.nextInt(12);
        for (int k = 0; k < flips; k++) {
            int at = 8 + random.nextInt(bytes.length - 8);
            bytes[at] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
