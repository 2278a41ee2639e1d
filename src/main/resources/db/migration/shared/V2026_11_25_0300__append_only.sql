-- Refuses any change to a log table: attached to the operation log and the login log as
-- "before update or delete" (each row) and "before truncate" (the statement). Only the owner of a
-- table can disable or drop its triggers; the application's role is not that owner
-- (docs/security.md, Database roles).
create function shared.refuse_log_change() returns trigger
    language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_schema || '.' || tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
