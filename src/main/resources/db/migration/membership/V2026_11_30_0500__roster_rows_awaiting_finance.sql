-- A roster row whose 缴费日期 lies further back than the declared-payment limit (7 days by default) is enrolled
-- awaiting payment: its declaration waits for a second person in finance to confirm the money arrived, and its
-- cover starts only then. The import counts such rows and names them (kind AWAITING_FINANCE) for the operator.
alter table membership.roster_import_error drop constraint roster_import_error_kind_check;
alter table membership.roster_import_error
    add constraint roster_import_error_kind_check check (kind in ('ERROR', 'ALREADY_ENROLLED', 'AWAITING_FINANCE'));
alter table membership.roster_import add column awaiting_finance integer not null default 0;
