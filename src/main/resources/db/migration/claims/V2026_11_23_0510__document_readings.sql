-- What recognition read from a claim's receipts and settlement statements (issue 4). A document is
-- read once, in the background after it is attached; a row here means it has been read (or could
-- not be). What was read includes the payer's name, so it is stored encrypted. The receipt's code and
-- number are kept in the clear to flag at once a receipt that another claim already uses.
create table claims.document_reading (
    document_id       bigint primary key references claims.document (id),
    claim_id          bigint not null references claims.claim (id),
    outcome           text not null check (outcome in ('READ', 'UNREADABLE')),
    document_type     text,
    source            text,
    result_cipher     bytea,
    invoice_code      char(8),
    invoice_number    char(10),
    used_by_claim_id  bigint,
    message           text,
    read_at           timestamptz not null default now()
);
create index document_reading_claim on claims.document_reading (claim_id);
create index document_reading_receipt on claims.document_reading (invoice_code, invoice_number);

-- Where the claim's expenses and hospital stay came from: typed in at filing, or filled from its receipts.
alter table claims.claim add column expenses_source text check (expenses_source in ('TYPED', 'RECOGNISED'));
update claims.claim set expenses_source = 'TYPED' where expenses_total is not null;
