-- The paths whose statistics changed since reporting last took them (ContributionStatistics.takeTouched; see
-- shared/V2026_12_02_0100__touched_paths.sql).
create table contributions.touched (path text not null);

select shared.track_paths('contributions.bill', 'contributions.touched', 'select distinct org_path from changed');
select shared.track_paths('contributions.payment', 'contributions.touched',
    'select distinct b.org_path from (select distinct bill_id from changed) x join contributions.bill b on b.id = x.bill_id');
