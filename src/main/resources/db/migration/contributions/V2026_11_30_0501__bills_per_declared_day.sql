-- A declaration dated too far back waits for finance (payment truth). Its enrolments go on a bill of their own, one per
-- declared day of the batch (declared_for), so that confirming that day's money completes exactly that bill and its
-- enrolments come into force from the day after the day finance confirmed — a roster listing several payment days
-- gets one bill per day. Other bills keep declared_for null and stay one per batch and settlement.
alter table contributions.bill add column declared_for date;
alter table contributions.bill drop constraint bill_batch_kind_batch_id_settlement_key;
create unique index bill_batch_settlement_day on contributions.bill (batch_kind, batch_id, settlement, coalesce(declared_for, date '-infinity'));
