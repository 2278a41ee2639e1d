-- An enrolment whose bill is not yet paid is not in force: it has no payment date and no coverage
-- dates until its bill is paid in full (cover then starts the day after payment). Existing
-- enrolments were all paid when enrolled. bill_id: the contributions bill it is on (gift
-- cover has none).
alter table membership.enrolment
    add column status text not null default 'IN_FORCE',
    add column bill_id bigint,
    alter column paid_on drop not null,
    alter column coverage_from drop not null,
    alter column coverage_to drop not null;

alter table membership.enrolment
    add constraint enrolment_status check (status in ('AWAITING_PAYMENT', 'IN_FORCE')),
    add constraint enrolment_dates_follow_status check (
        (status = 'AWAITING_PAYMENT' and paid_on is null and coverage_from is null and coverage_to is null and bill_id is not null)
        or (status = 'IN_FORCE' and paid_on is not null and coverage_from = paid_on + 1 and coverage_to >= coverage_from));

-- a bill's lines: rows of one bill are written together, so a BRIN index finds them at almost no cost
-- to bulk loads; the enrolments still waiting for their bill get a small btree of their own
create index enrolment_bill on membership.enrolment using brin (bill_id);
create index enrolment_awaiting_bill on membership.enrolment (bill_id) where status = 'AWAITING_PAYMENT';
