package org.huzhu.banking.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StatementRepository {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    StatementRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Imported(long id, String format, String fileName, String messageId, int lines, int newLines, int duplicates,
                    String importedBy, OffsetDateTime importedAt) {
    }

    long createStatement(String format, String fileName, String sha256, String messageId, int lines, String by) {
        return jdbc.sql("""
                insert into banking.statement (format, file_name, file_sha256, message_id, lines, new_lines, duplicates, imported_by)
                values (?, ?, ?, ?, ?, 0, 0, ?) returning id""")
                .params(format, fileName, sha256, messageId, lines, by).query(Long.class).single();
    }

    void counted(long statementId, int newLines, int duplicates) {
        jdbc.sql("update banking.statement set new_lines = ?, duplicates = ? where id = ?").params(newLines, duplicates, statementId).update();
    }

    /**
     * Stores a line unless a line with the same key exists; returns the new line's id, empty for a duplicate.
     * The counterparty's name and account are stored encrypted ({@link StoredCounterparty}).
     */
    Optional<Long> insertLine(long statementId, String key, ParsedStatement.Line l) {
        StoredCounterparty counterparty = StoredCounterparty.of(cipher, l.counterpartyName(), l.counterpartyAccount());
        return jdbc.sql("""
                insert into banking.statement_line (statement_id, line_key, account, booking_date, value_date, credit, amount, currency,
                    counterparty_name_cipher, counterparty_account_cipher, counterparty_account_hash, counterparty_account_masked,
                    remittance, end_to_end_id, bank_reference, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (line_key) do nothing returning id""")
                .params(statementId, key, l.account(), l.bookingDate(), l.valueDate(), l.credit(), l.amount().amount(), l.currency(),
                        counterparty.nameCipher(), counterparty.accountCipher(), counterparty.accountHash(), counterparty.accountMasked(),
                        l.remittance(), l.endToEndId(), l.bankReference(),
                        l.credit() ? LineStatus.NEW.name() : LineStatus.DEBIT.name())
                .query(Long.class).optional();
    }

    void record(long lineId, LineOutcome outcome) {
        jdbc.sql("update banking.statement_line set status = ?, matched_reference = ?, note = ? where id = ?")
                .params(outcome.status().name(), outcome.matchedReference(), outcome.note(), lineId).update();
    }

    Optional<StatementLine> line(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::toLine).optional();
    }

    Optional<StatementLine> lockLine(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::toLine).optional();
    }

    List<StatementLine> valuedOn(LocalDate day) {
        return jdbc.sql(SELECT + " where value_date = ? order by id").param(day).query(this::toLine).list();
    }

    List<StatementLine> ofStatement(long statementId) {
        return jdbc.sql(SELECT + " where statement_id = ? order by id").param(statementId).query(this::toLine).list();
    }

    List<StatementLine> find(LineStatus status, LocalDate from, LocalDate to, int limit, int offset) {
        return jdbc.sql(SELECT + " " + """
                 where (cast(? as text) is null or status = ?) and (cast(? as date) is null or value_date >= ?)
                   and (cast(? as date) is null or value_date <= ?)
                 order by value_date desc, id desc limit ? offset ?""")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), from, from, to, to, limit, offset)
                .query(this::toLine).list();
    }

    List<Imported> recent(int limit) {
        return jdbc.sql("select * from banking.statement order by id desc limit ?").param(limit)
                .query((rs, n) -> new Imported(rs.getLong("id"), rs.getString("format"), rs.getString("file_name"),
                        rs.getString("message_id"), rs.getInt("lines"), rs.getInt("new_lines"), rs.getInt("duplicates"),
                        rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class)))
                .list();
    }

    static final String SELECT = """
            select id, statement_id, account, booking_date, value_date, credit, amount, currency, counterparty_name_cipher,
                   counterparty_account_masked, remittance, end_to_end_id, bank_reference, status, matched_reference, note
              from banking.statement_line""";

    StatementLine toLine(ResultSet rs, int n) throws SQLException {
        return new StatementLine(rs.getLong("id"), rs.getLong("statement_id"), rs.getString("account"),
                rs.getObject("booking_date", LocalDate.class), rs.getObject("value_date", LocalDate.class), rs.getBoolean("credit"),
                new Money(rs.getBigDecimal("amount")), rs.getString("currency"), cipher.decrypt(rs.getBytes("counterparty_name_cipher")),
                rs.getString("counterparty_account_masked"), rs.getString("remittance"), rs.getString("end_to_end_id"),
                rs.getString("bank_reference"), LineStatus.valueOf(rs.getString("status")), rs.getString("matched_reference"),
                rs.getString("note"));
    }
}
