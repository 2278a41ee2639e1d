package org.huzhu.claims;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.membership.Members;
import org.huzhu.membership.PayeeChanged;
import org.huzhu.payouts.Payouts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a member's payee changes (a corrected account, or the heir of a worker who died), what their claims still
 * owe and the bank has not been handed yet goes to the new payee: the claims' payouts and appeal supplements, in
 * the change's own transaction ({@link Payouts#redirectUnsent}). A member with no account left is not paid at all
 * until one is set, so nothing is redirected then.
 */
@Component
class ClaimPayeeChanges {

    private final JdbcClient jdbc;
    private final Members members;
    private final Payouts payouts;

    ClaimPayeeChanges(JdbcClient jdbc, Members members, Payouts payouts) {
        this.jdbc = jdbc;
        this.members = members;
        this.payouts = payouts;
    }

    @EventListener
    void on(PayeeChanged e) {
        List<Long> claims = jdbc.sql("select id from claims.claim where member_id = ?").param(e.memberId()).query(Long.class).list();
        if (claims.isEmpty()) return;
        members.payee(e.memberId()).ifPresent(payee -> {
            List<String> sources = new ArrayList<>(claims.size() * 2);
            for (long id : claims) {
                sources.add(PaymentProgress.source(id));
                sources.add(PaymentProgress.supplementSource(id));
            }
            payouts.redirectUnsent(sources, new Payouts.NewPayee(payee.name(), payee.account().bankName(), payee.account().number(),
                    payee.accountChangedAt()), e.actor(), e.why());
        });
    }
}
