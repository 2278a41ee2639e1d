-- Money a worker paid online (payments.online_order, announced once per order): booked like a bank
-- receipt. source ONLINE: the provider confirmed it (reference = the order number); the money sits
-- with the provider (1012) until it settles to the fund's bank account.
alter table contributions.payment drop constraint payment_source_check;
alter table contributions.payment
    add constraint payment_source_check check (source in ('HAND', 'STATEMENT', 'DECLARED', 'ONLINE'));

-- A bill a worker withdrew before paying it (a self-enrolment cancelled): nothing more is due on it.
alter table contributions.bill drop constraint bill_status_check;
alter table contributions.bill
    add column cancelled_on date,
    add constraint bill_status_check check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERPAID', 'CANCELLED')),
    add constraint bill_cancelled_when check ((status = 'CANCELLED') = (cancelled_on is not null)),
    add constraint bill_cancelled_unpaid check (cancelled_on is null or (unit_received + member_received = 0 and paid_on is null));

-- Every online payment, once (order_no): MATCHED to its bill (payment_id), or UNMATCHED — another
-- amount than the bill's outstanding, an unknown, paid or cancelled bill — held in 2241 for finance.
create table contributions.online_receipt (
    order_no        text primary key,
    provider        text not null,
    provider_txn_id text not null,
    payer_member_id bigint not null,
    reference       text not null,
    amount          numeric(14, 2) not null check (amount > 0),
    paid_on         date not null,
    outcome         text not null check (outcome in ('MATCHED', 'UNMATCHED')),
    bill_id         bigint references contributions.bill (id),
    payment_id      bigint references contributions.payment (id),
    reason          text,
    journal_id      bigint not null,
    created_at      timestamptz not null default now(),
    check ((outcome = 'MATCHED') = (payment_id is not null))
);
create index online_receipt_unmatched on contributions.online_receipt (paid_on) where outcome = 'UNMATCHED';
