package org.huzhu.recognition.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chi_sim model second looks in any characters are read with: tessdata 4.0.0's, whose network is larger than that of
 * Debian's fast model the page is read with. Set 1's seventeen renderings (seeds 1–30, 40 on the template) read 39
 * fields more right with it, one WRONG fewer: names and hospitals under the seal, dates written in words, labels read
 * with their values (docs/benchmarks.md). Its config's layout parameters are set back when its engine is opened
 * ({@code TesseractOcr.LAYOUT}): the page is read as before. The build brings it from the npm registry
 * ({@code @tesseract.js-data/chi_sim}, pinned by {@code src/main/ocr/package-lock.json}) into the classpath, gzipped; it
 * is unpacked once into the temporary folder. An office may keep it elsewhere: {@code huzhu.recognition.looks-tessdata}
 * names the folder holding its {@code chi_sim.traineddata}. Without either, looks are read with the page's model, as
 * before.
 */
final class LooksModel {

    private static final Logger log = LoggerFactory.getLogger(LooksModel.class);
    static final String BUNDLED = "/recognition/tessdata/chi_sim.traineddata.gz";
    private static final String FILE = "chi_sim.traineddata";
    private static String unpacked;

    private LooksModel() {
    }

    /**
     * The folder holding the looks' chi_sim model: {@code configured} when not blank (it must hold the model), else the
     * bundled model unpacked; null when neither is there.
     */
    static String folder(String configured) {
        if (configured != null && !configured.isBlank()) {
            if (Files.isReadable(Path.of(configured, FILE))) return configured;
            log.warn("huzhu.recognition.looks-tessdata={} holds no {}: second looks are read with the page's model", configured, FILE);
            return null;
        }
        return bundled();
    }

    /** The bundled model, unpacked into the temporary folder once per size of the packed file; null when not bundled. */
    static synchronized String bundled() {
        if (unpacked != null) return unpacked;
        try (InputStream packed = LooksModel.class.getResourceAsStream(BUNDLED)) {
            if (packed == null) {
                log.warn("{} is not on the classpath: second looks are read with the page's model", BUNDLED);
                return null;
            }
            long size = packedSize();
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "huzhu-tessdata-" + size);
            Path model = folder.resolve(FILE);
            if (!Files.isReadable(model)) {
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, FILE, ".part");
                try (InputStream in = new GZIPInputStream(packed, 1 << 16)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(part, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            unpacked = folder.toString();
            return unpacked;
        } catch (IOException e) {
            log.warn("could not unpack {} into the temporary folder ({}): second looks are read with the page's model", BUNDLED, e.toString());
            return null;
        }
    }

    /** The packed file's size, which names the folder it is unpacked into (another model, another folder). */
    private static long packedSize() throws IOException {
        return LooksModel.class.getResource(BUNDLED).openConnection().getContentLengthLong();
    }
}
