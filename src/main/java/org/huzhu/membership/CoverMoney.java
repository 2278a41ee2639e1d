package org.huzhu.membership;

import java.time.LocalDate;
import java.util.Optional;
import org.huzhu.contributions.PaymentTruth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether a member's cover on a day is backed by money the bank has confirmed: the enrolments in force on that day are
 * billed, and a bill whose declared payment the bank has not shown in time (contributions' {@link PaymentTruth},
 * 未确认到账) backs cover that a reviewer, not the automatic approval, should judge a claim on.
 */
@Service
public class CoverMoney {

    /** What the reviewer reads when a claim goes to review for this reason. */
    public static final String UNCONFIRMED = "保障所依缴费尚未确认到账";

    private final JdbcClient jdbc;
    private final PaymentTruth truth;

    CoverMoney(JdbcClient jdbc, PaymentTruth truth) {
        this.jdbc = jdbc;
        this.truth = truth;
    }

    /** Why the member's cover on {@code day} is not backed by confirmed money (naming the bills); empty when it is. */
    public Optional<String> unconfirmedOn(long memberId, LocalDate day) {
        var bills = jdbc.sql("""
                select distinct bill_id from membership.enrolment
                 where member_id = ? and status = 'IN_FORCE' and bill_id is not null and coverage_from <= ? and coverage_to >= ?""")
                .params(memberId, day, day).query(Long.class).list();
        var unconfirmed = truth.unconfirmedBills(bills);
        if (unconfirmed.isEmpty()) return Optional.empty();
        return Optional.of(UNCONFIRMED + "（缴费单 " + String.join("、", unconfirmed.stream().sorted()
                .map(org.huzhu.contributions.BillReference::of).toList()) + " 为单位申报已缴，逾期未与银行流水匹配）");
    }
}
