package org.huzhu.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huzhu.identity.Accounts;
import org.huzhu.membership.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications module's front door for other modules: {@link #send} writes a notice's messages
 * into the outbox inside the caller's transaction, so the message commits with the change that causes
 * it or not at all. Publicity goes only to members who consented and whose number did not reply TD.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Templates templates;
    private final MessageWriter writer;
    private final OutboxRepository outbox;
    private final Consents consents;
    private final Members members;
    private final Accounts accounts;
    private final DispatchSignal signal;
    private final TransactionTemplate afterwards;

    Notifications(Templates templates, MessageWriter writer, OutboxRepository outbox, Consents consents, Members members,
                  Accounts accounts, DispatchSignal signal, PlatformTransactionManager transactions) {
        this.templates = templates;
        this.writer = writer;
        this.outbox = outbox;
        this.consents = consents;
        this.members = members;
        this.accounts = accounts;
        this.signal = signal;
        this.afterwards = new TransactionTemplate(transactions);
        this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Writes the notice's messages (SMS when the person has a mobile number, in-app when they have an
     * inbox) in the running transaction; returns how many new rows were written (0 when the event was
     * notified already, or nobody can be reached).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(Notice notice) {
        return sendAll(List.of(notice));
    }

    /**
     * The notices are written in the running transaction just before it commits, together with every
     * other notice it gave this way: a claim received and decided in one transaction costs one lookup of
     * its people and one batch of rows, not a round trip per notice. They commit with the change or not
     * at all, as {@link #send}'s do; what the transaction reads before it commits does not show them yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendOnCommit(List<Notice> notices) {
        sendOnCommit(notices, Set.of());
    }

    /**
     * As {@link #sendOnCommit(List)}, and the notices this transaction gave earlier under one of the
     * {@code replacing} event keys are not written: one moment, one text (a claim received and approved
     * at once is told that it was approved, not twice). Notices already written are never taken back.
     * Given while the transaction is already committing (from another module's before-commit work), the
     * notices are written just after the commit in a transaction of their own: {@link #send} is the
     * better call there.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendOnCommit(List<Notice> notices, Set<String> replacing) {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AtCommit atCommit && atCommit.owner == this && !atCommit.written) {
                atCommit.notices.removeIf(n -> replacing.contains(n.eventKey()));
                atCommit.notices.addAll(notices);
                return;
            }
        }
        if (!notices.isEmpty()) TransactionSynchronizationManager.registerSynchronization(new AtCommit(this, notices));
    }

    /**
     * The notices a transaction gave {@link #sendOnCommit}, written by {@link #sendAll} before it commits; or, when
     * they came too late for that, right after it committed.
     */
    private static final class AtCommit implements TransactionSynchronization {
        private final Notifications owner;
        private final List<Notice> notices;
        private boolean written;

        AtCommit(Notifications owner, List<Notice> notices) {
            this.owner = owner;
            this.notices = new ArrayList<>(notices);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            owner.sendAll(notices);
        }

        @Override
        public void afterCommit() {
            if (written) return;
            written = true;
            log.warn("{} notices given while their transaction committed: written after it", notices.size());
            owner.afterwards.executeWithoutResult(tx -> owner.sendAll(notices));
        }
    }

    /**
     * Each of the notices, in the running transaction, written together: the members among the recipients
     * are looked up in one statement and every row goes in one batch, so thousands of notices (a roster's
     * enrolments coming into force) cost a few round trips. Returns how many new rows were written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendAll(List<Notice> notices) {
        if (notices.isEmpty()) return 0;
        Map<Long, Members.Contact> contacts = members.contacts(notices.stream().map(Notice::recipient)
                .filter(r -> r instanceof Recipient.Member).map(r -> ((Recipient.Member) r).memberId()).toList());
        List<NewMessage> rows = new ArrayList<>(notices.size() * 2);
        for (Notice notice : notices) {
            Template template = templates.current(notice.template());
            Optional<MessageWriter.Reach> reach = reach(notice.recipient(), contacts);
            if (reach.isEmpty()) {
                log.info("notice {} for event {}: recipient not found, nothing written", template.code(), notice.eventKey());
                continue;
            }
            MessageWriter.Reach to = reach.get();
            if (template.purpose() == Purpose.PUBLICITY && !consents.mayReceivePublicity(to.memberId(), to.phone())) continue;
            rows.addAll(writer.write(template, to, notice.values(), notice.eventKey(), null));
        }
        int written = outbox.insert(rows);
        if (written > 0) signal.wakeAfterCommit();
        return written;
    }

    private Optional<MessageWriter.Reach> reach(Recipient recipient, Map<Long, Members.Contact> members) {
        return switch (recipient) {
            case Recipient.Member m -> Optional.ofNullable(members.get(m.memberId()))
                    .map(c -> MessageWriter.Reach.member(c.memberId(), c.name(), c.phone(), c.orgPath()));
            case Recipient.Account a -> accounts.contact(a.accountId())
                    .map(c -> MessageWriter.Reach.account(c.accountId(), c.displayName(), c.phone(), c.scopePath()));
            case Recipient.Phone p -> Optional.of(MessageWriter.Reach.phone(p.phone(), p.memberId(), p.scopePath()));
        };
    }
}
