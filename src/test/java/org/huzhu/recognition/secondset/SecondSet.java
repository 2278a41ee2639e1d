package org.huzhu.recognition.secondset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the second receipt set: N documents, each as a PDF with a text layer, an OFD package and
 * four images ({@link Variant}), named {@code doc-007.pdf}, {@code doc-007-phone.jpg} …, and one
 * {@code truth.json}: {@code {"seed", "generator", "receipts": [{"id", "arrangement", "look",
 * "documentType", "fields", "lines", "files"}]}}, fields in docs/receipts.md's normal forms.
 * Everything follows from the seed. Never used to tune the reader: it only measures it.
 */
public final class SecondSet {

    /** The images of each document. */
    public enum Variant {
        /** 300 dpi colour PNG, as drawn. */
        CLEAN("png"),
        /** A flatbed scan: 150–200 dpi grey PNG, tilted up to 1.2°, dust and noise. */
        SCAN("png"),
        /** A phone photo: perspective on a desk, uneven light, defocus, noise, JPEG 75–85. */
        PHONE("jpg"),
        /** A fax: 200 dpi black and white PNG, the seal's light red mostly dropped, streaks. */
        FAX("png");

        private final String extension;

        Variant(String extension) {
            this.extension = extension;
        }

        public String fileSuffix() {
            return "-" + name().toLowerCase(Locale.ROOT) + "." + extension;
        }
    }

    /** Every kind of file of a document, in the bench's order. */
    public static final List<String> KINDS = List.of("PDF", "OFD", "CLEAN", "SCAN", "PHONE", "FAX");

    /** Which arrangement the n-th document takes: eight receipts for two settlement statements. */
    private static final List<Arrangement> ROTATION = List.of(
            new Arrangement(ReceiptArrangements::hubeiGrid, false), new Arrangement(ReceiptArrangements::nationalStrip, false),
            new Arrangement(ReceiptArrangements::wuhanSlip, false), new Arrangement(ReceiptArrangements::halfLetter, false),
            new Arrangement(SettlementArrangements::grid, true), new Arrangement(ReceiptArrangements::hubeiGrid, false),
            new Arrangement(ReceiptArrangements::nationalStrip, false), new Arrangement(ReceiptArrangements::wuhanSlip, false),
            new Arrangement(ReceiptArrangements::halfLetter, false), new Arrangement(SettlementArrangements::listing, true));

    private record Arrangement(Draw draw, boolean settlement) {
    }

    @FunctionalInterface
    private interface Draw {
        Sheet draw(Bill bill, Look look, Random random);
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SecondSet() {
    }

    public static void main(String[] args) {
        writeSet(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    }

    /** The n-th document of the set drawn from {@code seed}, with its truth. */
    static Sheet sheet(int index, long seed) {
        Random random = random(seed, index, 0);
        Arrangement arrangement = ROTATION.get(index % ROTATION.size());
        Bill.Kind kind = arrangement.settlement() ? Bill.Kind.SETTLEMENT : random.nextBoolean() ? Bill.Kind.INPATIENT : Bill.Kind.OUTPATIENT;
        Bill bill = Bill.random(kind, random);
        return arrangement.draw().draw(bill, Look.random(random), random);
    }

    /** One file of a document: PDF, OFD or an image variant (PHONE as JPEG of quality 75–85, the others PNG). */
    static byte[] file(Sheet sheet, String kind, int index, long seed) {
        Random random = random(seed, index, 1 + KINDS.indexOf(kind));
        return switch (kind) {
            case "PDF" -> PdfSheet.write(sheet);
            case "OFD" -> OfdSheet.write(sheet, String.format("%016x", random.nextLong()));
            case "PHONE" -> Degrade.jpeg(image(sheet, Variant.PHONE, random), 0.75f + random.nextInt(11) / 100f);
            default -> Degrade.png(image(sheet, Variant.valueOf(kind), random));
        };
    }

    static BufferedImage image(Sheet sheet, Variant variant, Random random) {
        return switch (variant) {
            case CLEAN -> Raster.draw(sheet, 300);
            case SCAN -> Degrade.scan(Raster.draw(sheet, 150 + random.nextInt(51)), random);
            case PHONE -> Degrade.phone(Raster.draw(sheet, 250), random);
            case FAX -> Degrade.fax(Raster.draw(sheet, 200), random);
        };
    }

    public static Path writeSet(Path dir, int count, long seed) {
        try {
            Files.createDirectories(dir);
            List<Map<String, Object>> receipts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Sheet sheet = sheet(i, seed);
                String id = String.format("doc-%03d", i);
                Map<String, String> files = new LinkedHashMap<>();
                for (String kind : KINDS) {
                    String name = id + switch (kind) {
                        case "PDF" -> ".pdf";
                        case "OFD" -> ".ofd";
                        default -> Variant.valueOf(kind).fileSuffix();
                    };
                    Files.write(dir.resolve(name), file(sheet, kind, i, seed));
                    files.put(kind, name);
                }
                receipts.add(entry(id, sheet, files));
            }
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("seed", seed);
            truth.put("generator", "secondset");
            truth.put("receipts", receipts);
            Path file = dir.resolve("truth.json");
            JSON.writeValue(file.toFile(), truth);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> entry(String id, Sheet sheet, Map<String, String> files) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("arrangement", sheet.arrangement);
        entry.put("look", sheet.look.describe());
        entry.put("documentType", sheet.kind.documentType);
        entry.put("fields", sheet.truth);
        entry.put("lines", sheet.lines.stream().map(l -> Map.of("name", l.name(), "amount", l.amount())).toList());
        entry.put("files", files);
        return entry;
    }

    private static Random random(long seed, int index, int salt) {
        return new Random(seed * 1_000_003L + index * 7_919L + salt * 104_729L);
    }
}
