package org.huzhu.banking.statement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.crypto.PersonalDataMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 2026.11.24.0332: statement lines kept before are given their counterparty in encrypted
 * form ({@link StoredCounterparty}); a line identified by a plain digest ({@code H:}) gets the keyed
 * one ({@code K:}) that {@link Statements#key} now makes, so importing its statement again still adds nothing.
 */
@Component
class StatementLinesEncrypted extends PersonalDataMigration {

    StatementLinesEncrypted(PersonalDataCipher cipher) {
        super("2026.11.24.0332", "statement lines encrypted", cipher);
    }

    @Override
    protected void migrate(Connection connection) throws SQLException {
        rewrite(connection, """
                select id, line_key, account, value_date, credit, amount, counterparty_name, counterparty_account, remittance,
                       end_to_end_id
                  from banking.statement_line
                 where counterparty_name is not null or counterparty_account is not null or line_key like 'H:%'""", """
                update banking.statement_line set counterparty_name_cipher = ?, counterparty_account_cipher = ?,
                       counterparty_account_hash = ?, counterparty_account_masked = ?, line_key = ?,
                       counterparty_name = null, counterparty_account = null
                 where id = ?""", this::encrypted);
    }

    private Object[] encrypted(ResultSet row) throws SQLException {
        String key = row.getString("line_key");
        String account = row.getString("counterparty_account");
        if (key.startsWith("H:")) {
            key = "K:" + Statements.digest(cipher, row.getString("account"), row.getObject("value_date", LocalDate.class),
                    row.getBoolean("credit"), new Money(row.getBigDecimal("amount")), account, row.getString("remittance"),
                    row.getString("end_to_end_id")) + key.substring(key.indexOf('#'));
        }
        StoredCounterparty counterparty = StoredCounterparty.of(cipher, row.getString("counterparty_name"), account);
        return new Object[] {counterparty.nameCipher(), counterparty.accountCipher(), counterparty.accountHash(),
                counterparty.accountMasked(), key, row.getLong("id")};
    }
}
