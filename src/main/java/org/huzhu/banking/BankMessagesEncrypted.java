package org.huzhu.banking;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.crypto.PersonalDataMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 2026.11.24.0331: the bank's messages kept in clear text before are encrypted. The table is
 * append-only; its guard is lifted for this one rewrite, inside the migration's transaction.
 */
@Component
class BankMessagesEncrypted extends PersonalDataMigration {

    BankMessagesEncrypted(PersonalDataCipher cipher) {
        super("2026.11.24.0331", "bank messages encrypted", cipher);
    }

    @Override
    protected void migrate(Connection connection) throws SQLException {
        try (Statement guard = connection.createStatement()) {
            guard.execute("alter table banking.bank_message disable trigger bank_message_append_only");
            rewrite(connection, "select id, xml from banking.bank_message where xml is not null",
                    "update banking.bank_message set xml_cipher = ?, xml = null where id = ?",
                    row -> new Object[] {cipher.encrypt(row.getString(2)), row.getLong(1)});
            guard.execute("alter table banking.bank_message enable trigger bank_message_append_only");
        }
    }
}
