-- The clear text encrypted by Java migrations 2026.11.24.0331 and 0332 is dropped.
alter table banking.bank_message drop column xml;
alter table banking.bank_message alter column xml_cipher set not null;

alter table banking.statement_line drop column counterparty_name, drop column counterparty_account;
create index statement_line_counterparty_account on banking.statement_line (counterparty_account_hash)
    where counterparty_account_hash is not null;
