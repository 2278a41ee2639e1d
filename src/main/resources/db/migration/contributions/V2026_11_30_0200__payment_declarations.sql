-- Payment truth (issue 16): a declaration of payment (单位申报已缴) dated more than the allowed number of days back is
-- not applied to its bill until a finance officer other than the declarer confirms it; refused, it records why.
create table contributions.payment_declaration (
    id              bigserial primary key,
    bill_id         bigint        not null references contributions.bill (id),
    amount          numeric(14,2) not null check (amount > 0),
    paid_on         date          not null,
    declaration_key text          not null unique,
    declared_by     text          not null,
    declared_on     date          not null,
    status          text          not null default 'PENDING' check (status in ('PENDING', 'CONFIRMED', 'REFUSED')),
    decided_by      text,
    decided_on      date,
    refusal_reason  text,
    payment_id      bigint references contributions.payment (id)
);
create index payment_declaration_pending on contributions.payment_declaration (status, id);
create index payment_declaration_bill on contributions.payment_declaration (bill_id);

-- The business day a declared payment was applied to its bill (the enrolment's day, or the day finance confirmed a
-- back-dated declaration): the bank has ten working days from then to show the money before it counts as unconfirmed.
alter table contributions.payment add column declared_on date;
update contributions.payment set declared_on = (created_at at time zone 'Asia/Shanghai')::date where source = 'DECLARED';
create index payment_declared_unconfirmed on contributions.payment (declared_on)
    where source = 'DECLARED' and reversed_on is null and confirmed < amount;
