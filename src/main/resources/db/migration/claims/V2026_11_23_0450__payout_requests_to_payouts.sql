-- Payout requests move to the payouts module (payouts.payout), which now owns them end to end:
-- batches, the bank's answers, re-issues. Each request becomes a payout with source CLAIM:<id>
-- (REQUESTED stays REQUESTED, PAID becomes SETTLED, FAILED stays FAILED), and every claim approved so
-- far gets its benefit booked (Dr 5101 Cr 2202) as approvals are from now on; payouts settled before
-- the move are booked Dr 2202 Cr 1002, as the bank paid them.
insert into payouts.payout (reference, source, live_source, payee_name, bank_name, account_cipher, account_masked, amount, org_path,
                            city_org_id, status, requested_at, settled_on)
select r.reference, 'CLAIM:' || r.claim_id, case when r.status = 'FAILED' then null else 'CLAIM:' || r.claim_id end, r.payee_name, r.bank_name, r.account_cipher, r.account_masked, r.amount, c.org_path,
       split_part(c.org_path, '/', 3)::bigint,
       case r.status when 'PAID' then 'SETTLED' when 'FAILED' then 'FAILED' else 'REQUESTED' end,
       r.created_at, case r.status when 'PAID' then coalesce(c.closed_on, r.created_at::date) end
  from claims.payout_request r join claims.claim c on c.id = r.claim_id
 order by r.id;

insert into payouts.payout_event (payout_id, at, actor, from_status, to_status, reason)
select p.id, p.requested_at, '系统', null, 'REQUESTED', '生成支付指令（自理赔模块迁入）' from payouts.payout p;

insert into ledger.journal (idempotency_key, source_type, source_id, description, org_path, value_date)
select 'claim:' || c.id || ':approved', 'CLAIM', c.id::text, '互助金核准 理赔#' || c.id, c.org_path,
       coalesce(c.submitted_on, c.created_at::date)
  from claims.claim c
 where c.approved_total is not null and c.status in ('APPROVED', 'PAYMENT_PENDING', 'PAID', 'PAYMENT_FAILED');
insert into ledger.posting (journal_id, account_code, debit, credit)
select j.id, a.code, case a.code when '5101' then c.approved_total else 0 end, case a.code when '2202' then c.approved_total else 0 end
  from ledger.journal j
  join claims.claim c on j.idempotency_key = 'claim:' || c.id || ':approved'
  cross join (values ('5101'), ('2202')) as a(code);

insert into ledger.journal (idempotency_key, source_type, source_id, description, value_date)
select 'payout:' || p.reference || ':settled-before-payouts', 'PAYOUT', p.reference, '迁入前已支付的互助金 ' || p.reference, p.settled_on
  from payouts.payout p where p.status = 'SETTLED';
update payouts.payout set settled_journal_key = 'payout:' || reference || ':settled-before-payouts' where status = 'SETTLED';
insert into ledger.posting (journal_id, account_code, debit, credit)
select j.id, a.code, case a.code when '2202' then p.amount else 0 end, case a.code when '1002' then p.amount else 0 end
  from ledger.journal j
  join payouts.payout p on j.idempotency_key = 'payout:' || p.reference || ':settled-before-payouts'
  cross join (values ('2202'), ('1002')) as a(code);

drop table claims.payout_request;
