package org.huzhu.recognition;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.huzhu.recognition.ocr.TesseractOcr;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.Variants;

/**
 * Diagnostic (not a test): what the words along each receipt's seal say of its hospital on set 1's renderings, as
 * {@link OtherFormsProbe} draws them (its options too), seeds FROM..TO of a variant: how many pages had a seal found and
 * read, and how many of those the list's {@link HospitalList#nearestOfAll} named the receipt's hospital from, named
 * another (WRONG), or named none; and, read against the list without the receipt's hospital, how many named one all the
 * same (WRONG: a hospital the list lacks). {@code -Deach=true} prints each page's reads.
 */
public final class SealWordsProbe {
    public static void main(String[] args) throws Exception {
        Variants.Variant variant = Variants.Variant.valueOf(args[0]);
        long from = Long.parseLong(args[1]), to = Long.parseLong(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        HospitalList list = HospitalList.shipped();
        try (TesseractOcr ocr = new TesseractOcr(System.getProperty("tessdata", "/usr/share/tesseract-ocr/5/tessdata"), threads)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> results = new ArrayList<>();
            for (long seed = from; seed <= to; seed++) {
                long s = seed;
                results.add(pool.submit(() -> {
                    ReceiptTruth truth = OtherFormsProbe.receipt(s);
                    OcrPage page = ocr.readKeeping(ImageIO.read(new ByteArrayInputStream(OtherFormsProbe.image(truth, variant, s))), 0);
                    List<String> seal = page.lines().readSealWords();
                    String named = list.nearestOfAll(seal);
                    String lacking = list.without(truth.hospital()).nearestOfAll(seal);
                    String outcome = seal.isEmpty() ? "none" : named == null ? "silent" : named.equals(truth.hospital()) ? "right" : "WRONG";
                    return outcome + " " + (lacking == null ? "-" : "LACKING") + " seed " + s + " " + truth.hospital() + " " + seal
                            + (named != null && !named.equals(truth.hospital()) ? " named " + named : "") + (lacking != null ? " lacking " + lacking : "");
                }));
            }
            int none = 0, silent = 0, right = 0, wrong = 0, lacking = 0;
            for (Future<String> r : results) {
                String line = r.get();
                switch (line.substring(0, line.indexOf(' '))) {
                    case "none" -> none++;
                    case "silent" -> silent++;
                    case "right" -> right++;
                    default -> wrong++;
                }
                if (line.split(" ")[1].equals("LACKING")) lacking++;
                if (Boolean.getBoolean("each")) System.out.println(line);
            }
            pool.shutdown();
            System.out.printf("%s seeds %d..%d: no seal read %d, named none %d, right %d, WRONG %d, named one the list lacks %d%n",
                    variant, from, to, none, silent, right, wrong, lacking);
        }
    }
}
