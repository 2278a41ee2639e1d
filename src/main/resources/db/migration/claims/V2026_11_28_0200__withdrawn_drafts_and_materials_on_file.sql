-- Issue 15 items 8 and 9: a worker files a claim from the member app with photos, and may withdraw a draft.
-- on_file: the material kinds the scheme already holds for the member (ID_CARD, BANK_CARD for a claim the worker
-- files in the app: the registered ID number and the payee card), which the claim therefore does not ask for.
-- A withdrawn draft (status WITHDRAWN) holds no receipts: withdrawing deletes its claims.receipt rows, so the
-- receipt numbers can back another claim; its readings stay as history and no longer flag those receipts.
alter table claims.claim add column on_file text[] not null default '{}';
