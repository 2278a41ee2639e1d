package org.huzhu.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.AlreadyPaid;
import org.huzhu.benefits.BenefitRequest.Coverage;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.Incident;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitRequest.Member;
import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;

/**
 * Builds calculation requests for tests: {@code Claims.illness("2026-05-01").woman().stay(...)
 * .selfPaid("5200.00").cover("HOSPITAL", "STD", 1, "2026-01-10").only()}. A coverage without an
 * explicit end runs one year less a day; the claim is filed 10 days after discharge (or the incident).
 */
final class Claims {

    private final IncidentKind kind;
    private final LocalDate date;
    private Gender gender = Gender.M;
    private List<String> diagnoses = List.of();
    private HospitalStay stay;
    private Expenses expenses;
    private boolean death;
    private Integer grade;
    private final List<Coverage> coverages = new ArrayList<>();
    private final List<AlreadyPaid> paid = new ArrayList<>();
    private LocalDate submittedOn;

    private Claims(IncidentKind kind, String date) {
        this.kind = kind;
        this.date = LocalDate.parse(date);
    }

    static Claims illness(String date) {
        return new Claims(IncidentKind.ILLNESS, date);
    }

    static Claims accident(String date) {
        return new Claims(IncidentKind.ACCIDENT, date);
    }

    Claims man() {
        gender = Gender.M;
        return this;
    }

    Claims woman() {
        gender = Gender.F;
        return this;
    }

    Claims diagnoses(String... codes) {
        diagnoses = Arrays.asList(codes);
        return this;
    }

    Claims stay(String admission, String discharge) {
        stay = new HospitalStay(LocalDate.parse(admission), LocalDate.parse(discharge));
        return this;
    }

    Claims expenses(String total, String fundPaid, String selfPaid, String selfFunded) {
        expenses = new Expenses(Money.of(total), Money.of(fundPaid), Money.of(selfPaid), Money.of(selfFunded));
        return this;
    }

    /** Expenses of which only {@code selfPaid} (个人自付) is not zero. */
    Claims selfPaid(String selfPaid) {
        return expenses(selfPaid, "0.00", selfPaid, "0.00");
    }

    Claims died() {
        death = true;
        return this;
    }

    Claims disabled(int grade) {
        this.grade = grade;
        return this;
    }

    Claims cover(String item, String plan, int shares, String from) {
        LocalDate start = LocalDate.parse(from);
        return cover(item, plan, shares, from, start.plusYears(1).minusDays(1).toString());
    }

    Claims cover(String item, String plan, int shares, String from, String to) {
        coverages.add(new Coverage(item, plan, shares, LocalDate.parse(from), LocalDate.parse(to), false));
        return this;
    }

    /** The last coverage renews the same item without a gap. */
    Claims renewed() {
        Coverage c = coverages.removeLast();
        coverages.add(new Coverage(c.item(), c.plan(), c.shares(), c.from(), c.to(), true));
        return this;
    }

    Claims paid(String item, String component, String amount) {
        paid.add(new AlreadyPaid(item, component, Money.of(amount), 0));
        return this;
    }

    Claims paidAllowanceDays(String item, String amount, int days) {
        paid.add(new AlreadyPaid(item, "ALLOWANCE", Money.of(amount), days));
        return this;
    }

    Claims submittedOn(String day) {
        submittedOn = LocalDate.parse(day);
        return this;
    }

    BenefitRequest request() {
        LocalDate filed = submittedOn != null ? submittedOn : (stay != null ? stay.discharge() : date).plusDays(10);
        return new BenefitRequest(new Member(gender, LocalDate.of(1985, 3, 2)), List.copyOf(coverages),
                new Incident(kind, date, diagnoses, death, grade, stay), expenses, List.copyOf(paid), filed);
    }

    BenefitResult calculate() {
        return TestTerms.ENGINE.calculate(request());
    }

    /** The benefit of the only coverage. */
    Benefit only() {
        BenefitResult result = calculate();
        if (result.benefits().size() != 1) throw new IllegalStateException("expected one coverage");
        return result.benefits().getFirst();
    }
}
