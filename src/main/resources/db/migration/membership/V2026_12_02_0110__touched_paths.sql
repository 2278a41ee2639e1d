-- The paths whose statistics changed since reporting last took them (EnrolmentStatistics.takeTouched; see
-- shared/V2026_12_02_0100__touched_paths.sql). 'years' marks a change of the yearly figures (budgets, gift quotas).
create table membership.touched (path text not null);

select shared.track_paths('membership.enrolment', 'membership.touched', 'select distinct org_path from changed');
select shared.track_paths('membership.cancellation', 'membership.touched', 'select distinct org_path from changed');
select shared.track_paths('membership.gift_claim', 'membership.touched', 'select distinct org_path from changed union select ''years''');
select shared.track_paths('membership.subsidy_budget', 'membership.touched', 'select ''years''');
select shared.track_paths('membership.gift_quota', 'membership.touched', 'select ''years''');
-- a worker's employment form counts in the figures of every enrolment of theirs
select shared.track_paths('membership.member', 'membership.touched',
    'select distinct e.org_path from changed c join membership.enrolment e on e.member_id = c.id');

-- the statistics of a few units at a time
create index enrolment_org_path on membership.enrolment (org_path);
