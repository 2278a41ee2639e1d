package org.huzhu.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.identity.Accounts;
import org.huzhu.membership.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

    Notifications(Templates templates, MessageWriter writer, OutboxRepository outbox, Consents consents, Members members,
                  Accounts accounts, DispatchSignal signal) {
        this.templates = templates;
        this.writer = writer;
        this.outbox = outbox;
        this.consents = consents;
        this.members = members;
        this.accounts = accounts;
        this.signal = signal;
    }

    /**
     * Writes the notice's messages (SMS when the person has a mobile number, in-app when they have an
     * inbox) in the running transaction; returns how many new rows were written (0 when the event was
     * notified already, or nobody can be reached).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(Notice notice) {
        Template template = templates.current(notice.template());
        Optional<MessageWriter.Reach> reach = reach(notice.recipient());
        if (reach.isEmpty()) {
            log.info("notice {} for event {}: recipient not found, nothing written", template.code(), notice.eventKey());
            return 0;
        }
        MessageWriter.Reach to = reach.get();
        if (template.purpose() == Purpose.PUBLICITY && !consents.mayReceivePublicity(to.memberId(), to.phone())) return 0;
        int written = outbox.insert(writer.write(template, to, notice.values(), notice.eventKey(), null));
        if (written > 0) signal.wakeAfterCommit();
        return written;
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
            Optional<MessageWriter.Reach> reach = notice.recipient() instanceof Recipient.Member m
                    ? Optional.ofNullable(contacts.get(m.memberId())).map(c -> MessageWriter.Reach.member(c.memberId(), c.name(), c.phone(), c.orgPath()))
                    : reach(notice.recipient());
            if (reach.isEmpty()) continue;
            MessageWriter.Reach to = reach.get();
            if (template.purpose() == Purpose.PUBLICITY && !consents.mayReceivePublicity(to.memberId(), to.phone())) continue;
            rows.addAll(writer.write(template, to, notice.values(), notice.eventKey(), null));
        }
        int written = outbox.insert(rows);
        if (written > 0) signal.wakeAfterCommit();
        return written;
    }

    private Optional<MessageWriter.Reach> reach(Recipient recipient) {
        return switch (recipient) {
            case Recipient.Member m -> members.contact(m.memberId())
                    .map(c -> MessageWriter.Reach.member(c.memberId(), c.name(), c.phone(), c.orgPath()));
            case Recipient.Account a -> accounts.contact(a.accountId())
                    .map(c -> MessageWriter.Reach.account(c.accountId(), c.displayName(), c.phone(), c.scopePath()));
            case Recipient.Phone p -> Optional.of(MessageWriter.Reach.phone(p.phone(), p.memberId(), p.scopePath()));
        };
    }
}
