package org.huzhu.payouts;

import java.sql.Connection;
import java.sql.SQLException;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.crypto.PersonalDataMigration;
import org.springframework.stereotype.Component;

/** Migration 2026.11.24.0321: payment files kept in clear text before are encrypted. */
@Component
class PaymentFilesEncrypted extends PersonalDataMigration {

    PaymentFilesEncrypted(PersonalDataCipher cipher) {
        super("2026.11.24.0321", "payment files encrypted", cipher);
    }

    @Override
    protected void migrate(Connection connection) throws SQLException {
        rewrite(connection, "select id, file_xml from payouts.batch where file_xml is not null",
                "update payouts.batch set file_cipher = ?, file_xml = null where id = ?",
                row -> new Object[] {cipher.encrypt(row.getString(2)), row.getLong(1)});
    }
}
