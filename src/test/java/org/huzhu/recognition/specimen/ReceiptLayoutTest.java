package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.huzhu.recognition.specimen.ReceiptCanvas.Ink;
import org.huzhu.recognition.specimen.ReceiptLayout.Box;
import org.huzhu.recognition.specimen.ReceiptLayout.Run;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The page's geometry: everything printed, nothing colliding, and the seal over data as on real receipts. */
@RunsAlongside
@ExtendWith(GivesWay.class)
class ReceiptLayoutTest {

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSealCoversPartOfTheHospitalAndOfTheFundPayment(long seed) {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        Seal seal = ReceiptLayout.seal(receipt);

        assertThat(ReceiptLayout.valueBox(receipt, "hospital").intersectsDisc(seal.cx(), seal.cy(), Seal.RADIUS)).isTrue();
        assertThat(ReceiptLayout.valueBox(receipt, "fundPaid").intersectsDisc(seal.cx(), seal.cy(), Seal.RADIUS)).isTrue();
        assertThat(seal.cy() + Seal.RADIUS).isLessThan(ReceiptLayout.HEIGHT);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyValueIsPrintedInBlackInsideThePageWithoutTouchingAnotherText(long seed) {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        List<Run> runs = ReceiptLayout.runs(receipt);
        List<String> data = runs.stream().filter(run -> run.ink() == Ink.DATA).map(Run::text).toList();

        assertThat(receipt.fields().values()).allMatch(value -> data.stream().anyMatch(text -> text.contains(value)));
        receipt.lines().forEach(line -> assertThat(data).contains(line.name(), line.amount()));
        for (Run run : runs) {
            Box box = run.box();
            assertThat(box.x()).isGreaterThan(0);
            assertThat(box.x() + box.width()).as(run.text()).isLessThan(ReceiptLayout.WIDTH - 10);
            assertThat(runs).filteredOn(other -> other != run).noneMatch(other -> other.box().intersects(box));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void onOtherFormsTooEveryTextIsInsideThePageWithoutTouchingAnother(long seed) {
        ReceiptTruth receipt = ReceiptFaker.onOtherForm(seed);
        List<Run> runs = ReceiptLayout.runs(receipt);
        Set<String> joinedStay = receipt.form().stayAsTwoDates() ? Set.of() : Set.of("admissionDate", "dischargeDate");

        assertThat(runs).extracting(Run::field)
                .containsAll(receipt.fields().keySet().stream().filter(field -> !joinedStay.contains(field)).toList());
        for (Run run : runs) {
            Box box = run.box();
            assertThat(box.x()).isGreaterThan(0);
            assertThat(box.x() + box.width()).as(run.text()).isLessThan(ReceiptLayout.WIDTH - 5);
            assertThat(runs).filteredOn(other -> other != run).noneMatch(other -> other.box().intersects(box));
        }
    }
}
