package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A written set names every file it wrote and the truth of each receipt, the same for the same seed. */
@RunsAlongside
@ExtendWith(GivesWay.class)
class SpecimenWriterTest {

    @Test
    void writesEveryRenderingAndTheTruthOfEachReceipt(@TempDir Path dir) throws Exception {
        Path truthFile = SpecimenWriter.writeSet(dir, 2, 11);
        JsonNode truth = JsonMapper.builder().build().readTree(truthFile.toFile());

        assertThat(truth.get("seed").asLong()).isEqualTo(11);
        assertThat(truth.get("receipts")).hasSize(2);
        JsonNode first = truth.get("receipts").get(0);
        ReceiptTruth receipt = ReceiptFaker.receipt(first.get("seed").asLong());
        assertThat(first.get("id").asString()).isEqualTo("receipt-000");
        assertThat(first.get("documentType").asString()).isEqualTo(receipt.documentType().name());
        receipt.fields().forEach((field, value) -> assertThat(first.get("fields").get(field).asString()).isEqualTo(value));
        assertThat(first.get("lines")).hasSize(receipt.lines().size());
        assertThat(first.get("lines").get(0).get("amount").asString()).isEqualTo(receipt.lines().getFirst().amount());
        for (JsonNode name : first.get("files")) {
            assertThat(dir.resolve(name.asString())).isNotEmptyFile();
        }
        assertThat(first.get("files").propertyNames())
                .containsExactly("PDF", "OFD", "CLEAN", "ROTATED", "NOISY", "BLURRED", "JPEG", "PHONE", "SCAN");
        assertThat(first.get("files").get("PHONE").asString()).isEqualTo("receipt-000-phone.jpg");
    }

    @Test
    void theSameSeedWritesTheSameSet(@TempDir Path one, @TempDir Path two) throws Exception {
        SpecimenWriter.writeSet(one, 1, 5);
        SpecimenWriter.writeSet(two, 1, 5);

        for (String name : new String[] {"truth.json", "receipt-000.pdf", "receipt-000.ofd", "receipt-000-clean.png",
                "receipt-000-phone.jpg", "receipt-000-scan.png"}) {
            assertThat(Files.mismatch(one.resolve(name), two.resolve(name))).as(name).isEqualTo(-1L);
        }
    }
}
