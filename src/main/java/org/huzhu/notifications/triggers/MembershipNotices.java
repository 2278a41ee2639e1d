package org.huzhu.notifications.triggers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.huzhu.membership.BankAccountChanged;
import org.huzhu.membership.PhoneChanged;
import org.huzhu.membership.EnrolmentsCameIntoForce;
import org.huzhu.membership.GiftCoverGranted;
import org.huzhu.membership.MemberDied;
import org.huzhu.membership.Members;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.huzhu.shared.Masks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells members of their membership: a changed payout account (urgent, also to a number their phone
 * replaced within the last 30 days, so that a thief who changed both is still found out), cover in force
 * (all of a roster's members in one batch), and gift cover granted.
 */
@Component
class MembershipNotices {

    private final Notifications notifications;
    private final Members members;
    private final Clock clock;
    private final UnitOperators operators;

    MembershipNotices(Notifications notifications, Members members, Clock clock, UnitOperators operators) {
        this.operators = operators;
        this.notifications = notifications;
        this.members = members;
        this.clock = clock;
    }

    @EventListener
    void on(BankAccountChanged e) {
        String key = "bank-account-changed:" + e.changeId();
        var values = Texts.values("date", Texts.date(LocalDate.ofInstant(e.changedAt(), clock.getZone())),
                "maskedAccount", Masks.accountTail(e.newMaskedAccount()));
        notifications.send(new Notice("BANK_ACCOUNT_CHANGED", Recipient.member(e.memberId()), values, key));
        members.contact(e.memberId()).ifPresent(c -> c.formerPhones().stream().filter(p -> !Objects.equals(p, c.phone()))
                .forEach(phone -> {
                    var named = new java.util.HashMap<>(values);
                    named.put("name", c.name());
                    notifications.send(new Notice("BANK_ACCOUNT_CHANGED", new Recipient.Phone(phone, c.memberId(), c.orgPath()), named, key));
                }));
    }

    /** To the number just replaced only: the new number proved itself with a code a moment ago. */
    @EventListener
    void on(PhoneChanged e) {
        members.contact(e.memberId()).flatMap(c -> c.formerPhones().stream().filter(p -> !Objects.equals(p, c.phone())).findFirst()
                .map(old -> new Notice("PHONE_CHANGED", new Recipient.Phone(old, c.memberId(), c.orgPath()),
                        Texts.values("name", c.name(), "date", Texts.date(LocalDate.ofInstant(e.changedAt(), clock.getZone()))),
                        "phone-changed:" + e.memberId() + ":" + e.changedAt().toEpochMilli())))
                .ifPresent(notifications::send);
    }

    /** One notice per member per enrolment, all written together. */
    @EventListener
    void on(EnrolmentsCameIntoForce e) {
        List<Notice> notices = e.enrolments().stream()
                .map(f -> new Notice("ENROLMENT_IN_FORCE", Recipient.member(f.memberId()),
                        Texts.values("item", Texts.list(f.items(), "、"), "coverEnd", Texts.date(f.coverEnd())),
                        "enrolment-in-force:" + f.enrolmentId()))
                .toList();
        notifications.sendAll(notices);
    }

    /** A unit whose worker died holding paid cover that had not started yet is told it may ask for the premium back. */
    @EventListener
    void on(MemberDied e) {
        if (e.notStarted().isEmpty()) return;
        notifications.sendAll(operators.notices(e.unitId(), "DEATH_COVER_NOT_STARTED_UNIT", Texts.values("item",
                Texts.list(e.notStarted(), "、"), "date", Texts.date(e.notStartedFrom())), "death-cover-not-started:" + e.memberId()));
    }

    @EventListener
    void on(GiftCoverGranted e) {
        notifications.send(new Notice("GIFT_COVER_GRANTED", Recipient.member(e.memberId()),
                Texts.values("item", e.item(), "coverEnd", Texts.date(e.coverEnd())), "gift-cover:" + e.enrolmentId()));
    }
}
