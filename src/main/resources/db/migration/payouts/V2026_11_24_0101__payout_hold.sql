-- A payout to an account changed shortly before is held (暂停支付): gathered into a batch so the
-- checker sees it, but never sent until a finance officer other than the batch's maker releases
-- the hold. Releasing a batch takes its held payouts out of it (back to REQUESTED).
alter table payouts.payout add column held boolean not null default false;
alter table payouts.payout add column hold_reason text;
alter table payouts.payout add column hold_released_by text;
alter table payouts.payout add column hold_released_at timestamptz;
