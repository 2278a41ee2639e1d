package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.shared.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle of domain §6 as a table, and the aggregate refusing everything else with a 409. */
class ClaimStatusTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final LocalDate AT_DATE = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "DRAFT           | SUBMITTED WITHDRAWN",
            "SUBMITTED       | RECOGNISED UNDER_REVIEW APPROVED REJECTED MATERIALS_REQUESTED",
            "RECOGNISED      | UNDER_REVIEW APPROVED REJECTED MATERIALS_REQUESTED",
            "UNDER_REVIEW    | APPROVED REJECTED MATERIALS_REQUESTED",
            "MATERIALS_REQUESTED | SUBMITTED UNDER_REVIEW REJECTED WITHDRAWN",
            "APPROVED        | PAYMENT_PENDING",
            "REJECTED        | APPEALED",
            "PAYMENT_PENDING | PAID PAYMENT_FAILED",
            "PAID            | PAYMENT_FAILED",
            "PAYMENT_FAILED  | PAYMENT_PENDING",
            "WITHDRAWN       | ''",
            "APPEALED        | APPROVED REJECTED"})
    void allowsExactlyTheTransitionsOfTheLifecycle(ClaimStatus from, String allowed) {
        Set<ClaimStatus> expected = allowed.isBlank() ? Set.of()
                : Arrays.stream(allowed.split(" ")).map(ClaimStatus::valueOf).collect(Collectors.toSet());
        for (ClaimStatus to : ClaimStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected.contains(to));
        }
    }

    @Test
    void onlyABounceTakesAPaidClaimBackAndOnlyToPaymentFailed() {
        // the bank returned the money (退票): the member is owed it again; nothing else reopens a paid claim
        assertThat(ClaimStatus.PAID.next()).containsExactly(ClaimStatus.PAYMENT_FAILED);
        assertThat(ClaimStatus.PAYMENT_FAILED.canMoveTo(ClaimStatus.PAYMENT_PENDING)).isTrue();
    }

    @Test
    void anAppealReopensARejectionForAReviewerOneLevelUpWithAFreshApproval() {
        Claim claim = claimIn(ClaimStatus.REJECTED);
        claim.appeal("worker", AT, ReviewLevel.CITY, "职工提出申诉");

        assertThat(claim.status()).isEqualTo(ClaimStatus.APPEALED);
        assertThat(claim.reviewLevel()).isEqualTo(ReviewLevel.CITY);
        assertThat(claim.closedOn()).isNull();
        assertThat(claim.newEvents()).containsExactly(new Claim.Event(AT, "worker", ClaimStatus.REJECTED, ClaimStatus.APPEALED, "职工提出申诉"));
        assertThatThrownBy(() -> claim.appeal("worker", AT, ReviewLevel.CITY, "再次申诉"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("申诉中");
    }

    @ParameterizedTest
    @EnumSource(value = ClaimStatus.class, names = {"SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED", "PAYMENT_PENDING", "PAID", "MATERIALS_REQUESTED", "WITHDRAWN"})
    void aClaimCannotBeSubmittedTwice(ClaimStatus status) {
        Claim claim = claimIn(status);

        assertThatThrownBy(() -> claim.submit("somebody", AT, AT_DATE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(status.chinese()).hasMessageContaining("已提交");
    }

    @Test
    void everyTransitionIsRecordedWithWhoWhenAndWhy() {
        Claim claim = claimIn(ClaimStatus.UNDER_REVIEW);
        Instant at = Instant.parse("2026-11-20T02:00:00Z");

        claim.reject("reviewer-1", at, LocalDate.of(2026, 11, 20), "发票与病历不符");

        assertThat(claim.newEvents()).containsExactly(
                new Claim.Event(at, "reviewer-1", ClaimStatus.UNDER_REVIEW, ClaimStatus.REJECTED, "发票与病历不符"));
        assertThat(claim.closedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void theFirstApproverCannotAlsoBeTheSecond() {
        Claim claim = claimIn(ClaimStatus.UNDER_REVIEW);
        claim.approveFirst("reviewer-1", AT, ReviewLevel.PROVINCE, "核定金额合计10.00元", null);

        assertThatThrownBy(() -> claim.approve("reviewer-1", AT, java.math.BigDecimal.TEN, ReviewLevel.COUNTY, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("另一名审核员");
        claim.approve("reviewer-2", AT, java.math.BigDecimal.TEN, ReviewLevel.COUNTY, null);
        assertThat(claim.status()).isEqualTo(ClaimStatus.APPROVED);
    }

    private static Claim claimIn(ClaimStatus status) {
        var facts = new Claim.Facts(1, null, "/1/", IncidentKind.ILLNESS, LocalDate.of(2026, 10, 1), List.of(), false, null, null,
                null, null, List.of());
        return new Claim(1, facts, "filer", AT, 0, status, ReviewLevel.COUNTY, null, null, null, null, null);
    }
}
