package org.huzhu.membership;

import java.sql.Connection;
import java.sql.SQLException;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.crypto.PersonalDataMigration;
import org.springframework.stereotype.Component;

/** Migration 2026.11.24.0311: members' phones registered before they were encrypted are encrypted and masked. */
@Component
class MemberPhonesEncrypted extends PersonalDataMigration {

    MemberPhonesEncrypted(PersonalDataCipher cipher) {
        super("2026.11.24.0311", "member phones encrypted", cipher);
    }

    @Override
    protected void migrate(Connection connection) throws SQLException {
        rewrite(connection, "select id, phone from membership.member where phone is not null",
                "update membership.member set phone_cipher = ?, phone_masked = ?, phone = null where id = ?",
                row -> new Object[] {cipher.encrypt(row.getString(2)), Masks.phone(row.getString(2)), row.getLong(1)});
    }
}
