-- What a member's other approved claims paid is read at every decision: by member and status in one index, where
-- the planner otherwise may AND the member index with the status index, whose PAYMENT_PENDING entries grow with
-- every claim paid. The member index is replaced: lookups by member alone use the new one's first column.
create index claim_member_status on claims.claim (member_id, status);
drop index claims.claim_member;
