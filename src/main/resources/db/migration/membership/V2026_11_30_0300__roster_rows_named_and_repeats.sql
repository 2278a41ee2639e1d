-- A roster row's report names the worker as typed, so the operator finds the row by name as well as
-- by number; a row whose worker already holds the cover it asks for is reported as ALREADY_ENROLLED
-- (已参保，未重复办理), not as an error, and counted apart from the rejected rows.
alter table membership.roster_import_error
    add column worker_name text,
    add column kind text not null default 'ERROR' check (kind in ('ERROR', 'ALREADY_ENROLLED'));
alter table membership.roster_import add column already_enrolled integer not null default 0;
