package org.huzhu.membership;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How to reach the members read to decide a claim in the running transaction ({@link Members#claimantToDecide}): the
 * notices that transaction writes as it commits ({@link Members#contacts}) find them here instead of reading the members
 * again. A write that changes how a member is reached (name, mobile number, unit and place in the tree) forgets them.
 * Kept with the transaction's synchronizations, so a transaction started inside it (REQUIRES_NEW) has its own.
 */
final class ContactsOfTransaction implements TransactionSynchronization {

    private final Map<Long, MemberRepository.ContactRow> contacts = new HashMap<>();

    private ContactsOfTransaction() {
    }

    static void remember(MemberRepository.ContactRow contact) {
        ContactsOfTransaction known = current(true);
        if (known != null) known.contacts.put(contact.id(), contact);
    }

    /** The member's contact as read in this transaction; null when not read (or forgotten). */
    static MemberRepository.ContactRow known(long memberId) {
        ContactsOfTransaction known = current(false);
        return known == null ? null : known.contacts.get(memberId);
    }

    static void forget() {
        ContactsOfTransaction known = current(false);
        if (known != null) known.contacts.clear();
    }

    private static ContactsOfTransaction current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ContactsOfTransaction known) return known;
        }
        if (!create) return null;
        ContactsOfTransaction known = new ContactsOfTransaction();
        TransactionSynchronizationManager.registerSynchronization(known);
        return known;
    }
}
