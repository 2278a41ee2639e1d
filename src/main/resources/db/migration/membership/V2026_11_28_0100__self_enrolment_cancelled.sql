-- A worker without a unit enrols and pays for themself in the member app (掌上办). While its bill is
-- unpaid the worker may withdraw such an enrolment: CANCELLED, never in force, its receivable reversed
-- and its bill cancelled. A cancelled enrolment holds nothing and blocks nothing.
alter table membership.enrolment drop constraint enrolment_status;
alter table membership.enrolment drop constraint enrolment_dates_follow_status;
alter table membership.enrolment
    add column cancelled_at timestamptz,
    add constraint enrolment_status check (status in ('AWAITING_PAYMENT', 'IN_FORCE', 'CANCELLED')),
    add constraint enrolment_dates_follow_status check (
        (status in ('AWAITING_PAYMENT', 'CANCELLED') and paid_on is null and coverage_from is null and coverage_to is null
            and bill_id is not null)
        or (status = 'IN_FORCE' and paid_on is not null and coverage_from = paid_on + 1 and coverage_to >= coverage_from)),
    add constraint enrolment_cancelled_when check ((status = 'CANCELLED') = (cancelled_at is not null));
