package org.huzhu.banking;

import java.util.Collection;
import java.util.List;
import org.huzhu.banking.iso20022.Iso20022Reader;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The banking module's front door: render and send payment files, take in what the bank reports
 * (each message stored once, by its id, in arrival order, encrypted: a bank's messages name payees
 * and their accounts) and read it back.
 */
@Service
public class Bank {

    private static final int FETCH_LIMIT = 10;

    private final BankAdapter adapter;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Bank(BankAdapter adapter, JdbcClient jdbc, PersonalDataCipher cipher) {
        this.adapter = adapter;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public boolean configured() {
        return adapter.configured();
    }

    /** The payment file in the bank's format (pain.001.001.09). */
    public String render(PaymentFile file) {
        return adapter.render(file);
    }

    /** Hands a rendered file to the bank. A file the bank already has is accepted as a duplicate and not processed again. */
    public BankAcceptance send(String messageId, String document) {
        return adapter.send(messageId, document);
    }

    /**
     * Fetches every message the bank produced since the last one stored and stores each once
     * (a message id already stored is skipped). Returns how many were new.
     */
    @Transactional
    public int receive() {
        int stored = 0;
        long cursor = jdbc.sql("select coalesce(max(bank_sequence), 0) from banking.bank_message").query(Long.class).single();
        while (true) {
            List<BankAdapter.Incoming> batch = adapter.fetch(cursor, FETCH_LIMIT);
            for (BankAdapter.Incoming m : batch) {
                stored += jdbc.sql("""
                        insert into banking.bank_message (bank_sequence, message_id, kind, xml_cipher) values (?, ?, ?, ?)
                        on conflict (message_id) do nothing""")
                        .params(m.sequence(), m.messageId(), m.kind(), cipher.encrypt(m.xml())).update();
                // a message delivered again under an id already stored is skipped, and so is its sequence number
                cursor = Math.max(cursor, m.sequence());
            }
            if (batch.size() < FETCH_LIMIT) return stored;
        }
    }

    /** Stored messages of the given kinds that arrived after {@code afterNumber}, oldest first. */
    @Transactional(readOnly = true)
    public List<BankMessage> messagesAfter(long afterNumber, Collection<String> kinds, int limit) {
        return jdbc.sql("""
                select id, message_id, kind, xml_cipher, received_at from banking.bank_message
                where id > ? and kind = any(?) order by id limit ?""")
                .params(afterNumber, kinds.toArray(String[]::new), limit)
                .query((rs, n) -> new BankMessage(rs.getLong(1), rs.getString(2), rs.getString(3), cipher.decrypt(rs.getBytes(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** What a stored message says. */
    public BankReport read(BankMessage message) {
        return Iso20022Reader.read(message.kind(), message.xml());
    }
}
