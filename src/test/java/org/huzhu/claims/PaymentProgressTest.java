package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.huzhu.claims.PaymentProgress.Kind;
import org.huzhu.claims.PaymentProgress.Move;
import org.huzhu.claims.PaymentProgress.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each step of a claim's payout takes the claim, and which steps leave it alone (the claim's table decides). */
class PaymentProgressTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} + payout {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "PAYMENT_PENDING | SENT     | PAYMENT_PENDING",
            "PAYMENT_PENDING | SETTLED  | PAID",
            "PAYMENT_PENDING | FAILED   | PAYMENT_FAILED",
            "PAID            | BOUNCED  | PAYMENT_FAILED",
            "PAYMENT_FAILED  | REISSUED | PAYMENT_PENDING",
            "PAID            | FAILED   | ''",
            "PAYMENT_PENDING | BOUNCED  | ''",
            "PAID            | SETTLED  | ''",
            "PAYMENT_FAILED  | SETTLED  | ''",
            "PAID            | SENT     | ''",
            "UNDER_REVIEW    | SETTLED  | ''",
            "REJECTED        | REISSUED | ''"})
    void movesTheClaimOnlyAsItsStatusTableAllows(ClaimStatus from, Kind step, String to) {
        State next = PaymentProgress.next(new State(from, from == ClaimStatus.PAID ? DAY.minusDays(3) : null),
                new Move(1, step, "银行", DAY, "…"));

        if (to.isBlank()) assertThat(next).isNull();
        else assertThat(next.status()).isEqualTo(ClaimStatus.valueOf(to));
    }

    @ParameterizedTest(name = "{0} → closed on {1}")
    @CsvSource(delimiter = '|', value = {"SETTLED | 2026-11-23", "BOUNCED | ''"})
    void aPaidClaimIsClosedOnTheDayOfPaymentAndReopenedByABounce(Kind step, String closedOn) {
        ClaimStatus from = step == Kind.SETTLED ? ClaimStatus.PAYMENT_PENDING : ClaimStatus.PAID;
        State next = PaymentProgress.next(new State(from, from == ClaimStatus.PAID ? DAY.minusDays(3) : null), new Move(1, step, "银行", DAY, "…"));

        assertThat(next.closedOn()).isEqualTo(closedOn.isBlank() ? null : LocalDate.parse(closedOn));
    }
}
