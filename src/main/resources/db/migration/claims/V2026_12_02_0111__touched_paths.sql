-- The paths whose statistics changed since reporting last took them (ClaimStatistics.takeTouched; see
-- shared/V2026_12_02_0100__touched_paths.sql).
create table claims.touched (path text not null);

select shared.track_paths('claims.claim', 'claims.touched', 'select distinct org_path from changed');
select shared.track_paths('claims.claim_event', 'claims.touched',
    'select distinct c.org_path from (select distinct claim_id from changed) x join claims.claim c on c.id = x.claim_id');
select shared.track_paths('claims.benefit', 'claims.touched',
    'select distinct c.org_path from (select distinct claim_id from changed) x join claims.claim c on c.id = x.claim_id');
