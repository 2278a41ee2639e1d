-- Renewal without a gap: paying for an item while its cover is in force chains the new period to
-- the old one, so an enrolment's cover may start later than the day after payment.
alter table membership.enrolment drop constraint enrolment_dates_follow_status;
alter table membership.enrolment
    add constraint enrolment_dates_follow_status check (
        (status in ('AWAITING_PAYMENT', 'CANCELLED') and paid_on is null and coverage_from is null and coverage_to is null
            and bill_id is not null)
        or (status = 'IN_FORCE' and paid_on is not null and coverage_from >= paid_on + 1 and coverage_to >= coverage_from));
