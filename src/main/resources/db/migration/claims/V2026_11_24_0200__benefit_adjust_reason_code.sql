-- A reviewer's adjustment carries a coded reason (claims.AdjustmentReason); adjust_reason keeps the
-- free text that may accompany it. Adjustments made before this migration have a text reason only.
alter table claims.benefit add column adjust_reason_code text;
