-- A unit's renewal (membership.renewal) is billed as one batch, like a roster import.
alter table contributions.bill drop constraint bill_batch_kind_check;
alter table contributions.bill add constraint bill_batch_kind_check check (batch_kind in ('ENROLMENT', 'ROSTER_IMPORT', 'RENEWAL'));
