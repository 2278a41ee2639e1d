-- What the bank sends names payees and their accounts: messages are kept encrypted (xml_cipher,
-- AES-GCM under the personal-data key). A statement line's counterparty name and account are kept
-- encrypted too, the account with a masked copy for display and a keyed hash (HMAC) for look-ups.
-- Java migrations 2026.11.24.0331 (banking.BankMessagesEncrypted) and 0332
-- (banking.statement.StatementLinesEncrypted) encrypt the rows kept so far; 0333 drops the clear text.
alter table banking.bank_message add column xml_cipher bytea;
alter table banking.bank_message alter column xml_cipher set storage external;
alter table banking.bank_message alter column xml drop not null;

alter table banking.statement_line
    add column counterparty_name_cipher    bytea,
    add column counterparty_account_cipher bytea,
    add column counterparty_account_hash   bytea,
    add column counterparty_account_masked text;
