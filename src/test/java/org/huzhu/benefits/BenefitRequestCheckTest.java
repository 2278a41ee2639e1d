package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.huzhu.benefits.BenefitRequest.AlreadyPaid;
import org.huzhu.benefits.BenefitRequest.Coverage;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.Incident;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of form: each breach names its field; several breaches are answered together. */
class BenefitRequestCheckTest {

    private static final BenefitRequest VALID = Claims.illness("2026-05-01").woman().diagnoses("C50.9")
            .stay("2026-05-01", "2026-05-12").expenses("23456.78", "15000.00", "5000.00", "3456.78")
            .cover("HOSPITAL", "STD", 2, "2026-01-10", "2027-01-09").paid("HOSPITAL", "MEDICAL", "1000.00")
            .submittedOn("2026-06-01").request();

    static Stream<Arguments> breaches() {
        return Stream.of(
                breach("unknown item", "coverages[0].item", r -> coverage(r, c -> new Coverage("DENTAL", c.plan(), c.shares(), c.from(), c.to(), false))),
                breach("unknown plan", "coverages[0].plan", r -> coverage(r, c -> new Coverage(c.item(), "GOLD", c.shares(), c.from(), c.to(), false))),
                breach("no shares", "coverages[0].shares", r -> coverage(r, c -> new Coverage(c.item(), c.plan(), 0, c.from(), c.to(), false))),
                breach("HOSPITAL max 4 shares", "coverages[0].shares", r -> coverage(r, c -> new Coverage(c.item(), c.plan(), 5, c.from(), c.to(), false))),
                breach("from after to", "coverages[0].to", r -> coverage(r, c -> new Coverage(c.item(), c.plan(), 1, c.from(), c.from().minusDays(1), false))),
                breach("missing from", "coverages[0].from", r -> coverage(r, c -> new Coverage(c.item(), c.plan(), 1, null, c.to(), false))),
                breach("same item twice", "coverages[1].item", r -> with(r, List.of(r.coverages().getFirst(), r.coverages().getFirst()))),
                breach("no coverages", "coverages", r -> with(r, List.of())),
                breach("missing incident", "incident", r -> new BenefitRequest(r.member(), r.coverages(), null, r.expenses(), r.alreadyPaid(), r.submittedOn())),
                breach("missing kind", "incident.kind", r -> incident(r, i -> new Incident(null, i.date(), i.diagnoses(), false, null, i.hospitalStay()))),
                breach("missing date", "incident.date", r -> incident(r, i -> new Incident(i.kind(), null, i.diagnoses(), false, null, i.hospitalStay()))),
                breach("grade 0", "incident.disabilityGrade", r -> incident(r, i -> new Incident(i.kind(), i.date(), i.diagnoses(), false, 0, i.hospitalStay()))),
                breach("grade 11", "incident.disabilityGrade", r -> incident(r, i -> new Incident(i.kind(), i.date(), i.diagnoses(), false, 11, i.hospitalStay()))),
                breach("discharge before admission", "incident.hospitalStay.discharge", r -> incident(r, i -> new Incident(i.kind(), i.date(),
                        i.diagnoses(), false, null, new HospitalStay(LocalDate.parse("2026-05-12"), LocalDate.parse("2026-05-11"))))),
                breach("bad diagnosis", "incident.diagnoses[1]", r -> incident(r, i -> new Incident(i.kind(), i.date(), List.of("C50.9", "乳腺癌"),
                        false, null, i.hospitalStay()))),
                breach("negative selfPaid", "expenses.selfPaid", r -> expenses(r, new Expenses(Money.of("100.00"), Money.of("0.00"), Money.of("-1.00"), Money.of("0.00")))),
                breach("missing selfFunded", "expenses.selfFunded", r -> expenses(r, new Expenses(Money.of("100.00"), Money.of("0.00"), Money.of("1.00"), null))),
                breach("parts above total", "expenses.total", r -> expenses(r, new Expenses(Money.of("100.00"), Money.of("50.00"), Money.of("50.00"), Money.of("0.01")))),
                breach("missing member", "member", r -> new BenefitRequest(null, r.coverages(), r.incident(), r.expenses(), r.alreadyPaid(), r.submittedOn())),
                breach("missing submittedOn", "submittedOn", r -> new BenefitRequest(r.member(), r.coverages(), r.incident(), r.expenses(), r.alreadyPaid(), null)),
                breach("filed before the incident", "submittedOn", r -> new BenefitRequest(r.member(), r.coverages(), r.incident(), r.expenses(),
                        r.alreadyPaid(), LocalDate.parse("2026-04-30"))),
                breach("paid for an unknown item", "alreadyPaid[0].item", r -> paid(r, new AlreadyPaid("DENTAL", "MEDICAL", Money.of("1.00"), 0))),
                breach("paid an unknown component", "alreadyPaid[0].component", r -> paid(r, new AlreadyPaid("HOSPITAL", "BONUS", Money.of("1.00"), 0))),
                breach("paid a component the item lacks", "alreadyPaid[0].component", r -> paid(r, new AlreadyPaid("HOSPITAL", "LUMP_SUM", Money.of("1.00"), 0))),
                breach("paid a negative amount", "alreadyPaid[0].amount", r -> paid(r, new AlreadyPaid("HOSPITAL", "MEDICAL", Money.of("-1.00"), 0))),
                breach("paid negative days", "alreadyPaid[0].days", r -> paid(r, new AlreadyPaid("ACCIDENT", "ALLOWANCE", Money.of("0.00"), -1))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("breaches")
    void namesTheFieldOfEachBreach(String breach, String field, BenefitRequest request) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> TestTerms.ENGINE.calculate(request));
        assertThat(e).as(breach).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
        assertThat(e.problems().getFirst().message()).isNotBlank();
    }

    @Test
    void acceptsTheValidRequest() {
        assertThat(TestTerms.ENGINE.calculate(VALID).benefits()).hasSize(1);
    }

    @Test
    void answersAllBreachesAtOnce() {
        BenefitRequest request = new BenefitRequest(null, List.of(new Coverage("HOSPITAL", "STD", 9, LocalDate.parse("2026-01-10"),
                LocalDate.parse("2027-01-09"), false)), null, null, null, null);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> TestTerms.ENGINE.calculate(request));
        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("member", "incident", "coverages[0].shares", "submittedOn");
    }

    @Test
    void refusesAMissingBody() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> TestTerms.ENGINE.calculate(null));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("body");
    }

    @Test
    void takesTheItemsDefaultPlanWhenNoneIsGiven() {
        BenefitRequest request = coverage(VALID, c -> new Coverage(c.item(), null, c.shares(), c.from(), c.to(), null));
        assertThat(TestTerms.ENGINE.calculate(request).benefits().getFirst().plan()).isEqualTo("STD");
    }

    private static Arguments breach(String name, String field, UnaryOperator<BenefitRequest> change) {
        return Arguments.of(name, field, change.apply(VALID));
    }

    private static BenefitRequest coverage(BenefitRequest r, UnaryOperator<Coverage> change) {
        return with(r, List.of(change.apply(r.coverages().getFirst())));
    }

    private static BenefitRequest with(BenefitRequest r, List<Coverage> coverages) {
        return new BenefitRequest(r.member(), coverages, r.incident(), r.expenses(), r.alreadyPaid(), r.submittedOn());
    }

    private static BenefitRequest incident(BenefitRequest r, UnaryOperator<Incident> change) {
        return new BenefitRequest(r.member(), r.coverages(), change.apply(r.incident()), r.expenses(), r.alreadyPaid(), r.submittedOn());
    }

    private static BenefitRequest expenses(BenefitRequest r, Expenses expenses) {
        return new BenefitRequest(r.member(), r.coverages(), r.incident(), expenses, r.alreadyPaid(), r.submittedOn());
    }

    private static BenefitRequest paid(BenefitRequest r, AlreadyPaid entry) {
        List<AlreadyPaid> paid = new ArrayList<>(List.of(entry));
        return new BenefitRequest(r.member(), r.coverages(), r.incident(), r.expenses(), paid, r.submittedOn());
    }
}
