package org.huzhu.recognition.specimen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huzhu.recognition.specimen.Variants.Variant;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a set of specimen receipts for the bench and the OCR work: for each receipt its PDF, its
 * OFD and every image variant, named {@code receipt-007.pdf}, {@code receipt-007.ofd},
 * {@code receipt-007-clean.png}, {@code receipt-007-phone.jpg} … (see {@link Variants}), and one {@code truth.json}:
 * <pre>
 * {"seed": 1, "receipts": [{"id": "receipt-000", "seed": …, "documentType": "INPATIENT_RECEIPT",
 *   "fields": {"invoiceCode": "42010126", …}, "lines": [{"name": "床位费", "amount": "450.00"}],
 *   "files": {"PDF": "receipt-000.pdf", "OFD": "receipt-000.ofd", "CLEAN": "receipt-000-clean.png", …}}]}
 * </pre>
 * The same seed always writes the same set. From the command line: {@code SpecimenWriter dir count seed}.
 */
public final class SpecimenWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SpecimenWriter() {}

    public static void main(String[] args) {
        writeSet(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    }

    /** Writes {@code count} receipts and their truth into {@code dir}; answers the truth file. */
    public static Path writeSet(Path dir, int count, long seed) {
        Random seeds = new Random(seed);
        List<Map<String, Object>> receipts = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                long receiptSeed = seeds.nextLong();
                receipts.add(write(dir, "receipt-%03d".formatted(i), receiptSeed));
            }
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("seed", seed);
            truth.put("receipts", receipts);
            Path file = dir.resolve("truth.json");
            JSON.writeValue(file.toFile(), truth);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> write(Path dir, String id, long seed) throws IOException {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("PDF", save(dir, id + ".pdf", PdfRenderer.render(receipt)));
        files.put("OFD", save(dir, id + ".ofd", OfdRenderer.render(receipt)));
        for (Variant variant : Variant.values()) {
            files.put(variant.name(), save(dir, id + variant.fileSuffix(), Variants.bytes(receipt, variant, seed)));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("seed", seed);
        entry.put("documentType", receipt.documentType().name());
        entry.put("fields", receipt.fields());
        entry.put("lines", receipt.lines());
        entry.put("files", files);
        return entry;
    }

    private static String save(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
        return name;
    }
}
