package org.huzhu.notifications.triggers;

import org.huzhu.claims.ClaimEscalated;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff of a claim that would miss its payment promise if not decided by the next working day: its
 * reviewer (or the office's reviewers while it waits to be taken) and the office's union staff, in their inboxes.
 * Synchronous: the notices commit with the escalation flag or not at all; each claim and promise date once.
 */
@Component
class ClaimEscalationNotices {

    private final Notifications notifications;

    ClaimEscalationNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ClaimEscalated e) {
        notifications.sendAll(e.accountIds().stream().map(account -> new Notice("CLAIM_ESCALATED", Recipient.account(account),
                Texts.values("claimRef", e.reference(), "date", Texts.date(e.dueOn())), "claim-escalated:" + e.claimId() + ":" + e.dueOn()))
                .toList());
    }
}
