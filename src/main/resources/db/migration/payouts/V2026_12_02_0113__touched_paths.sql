-- The paths whose statistics changed since reporting last took them (PayoutStatistics.takeTouched; see
-- shared/V2026_12_02_0100__touched_paths.sql).
create table payouts.touched (path text not null);

select shared.track_paths('payouts.payout', 'payouts.touched', 'select distinct org_path from changed');
select shared.track_paths('payouts.payout_event', 'payouts.touched',
    'select distinct p.org_path from (select distinct payout_id from changed) x join payouts.payout p on p.id = x.payout_id');

-- the statistics of a few units at a time
create index payout_org_path on payouts.payout (org_path);
