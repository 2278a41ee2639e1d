-- The "touched" marks of V2026_12_02_0100, made cheaper for the paths that write most (a claim's ~30 statements, a
-- payout round, an import): the same rows, but
--   * each tracked table gets its own trigger function with the insert as static SQL, which PL/pgSQL plans once per
--     session (shared.touch_paths built the statement as text and planned it again at every statement), and
--   * an update fires one trigger that marks the old and the new rows' paths together (was two firings, two inserts).
-- shared.track_paths keeps its signature, so a module adds a table the same way; the tables already tracked are
-- rebuilt from their triggers' arguments.

create or replace function shared.track_paths(target regclass, outbox text, paths text) returns void
    language plpgsql as $$
declare
    prefix text := (select n.nspname || '_' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.oid = target);
    fn text := 'shared.touched_' || prefix;
    fn_update text := 'shared.touched_' || prefix || '_update';
    old_paths text := regexp_replace(paths, '\mchanged\M', 'changed_old', 'g');
begin
    execute format('create or replace function %s() returns trigger language plpgsql as %L', fn,
                   'begin insert into ' || outbox || ' (path) ' || paths || '; return null; end;');
    execute format('create or replace function %s() returns trigger language plpgsql as %L', fn_update,
                   'begin insert into ' || outbox || ' (path) ' || paths || ' union ' || old_paths || '; return null; end;');
    execute format('create trigger %I after insert on %s referencing new table as changed for each statement'
                   ' execute function %s()', prefix || '_touched_insert', target, fn);
    execute format('create trigger %I after update on %s referencing old table as changed_old new table as changed'
                   ' for each statement execute function %s()', prefix || '_touched_update', target, fn_update);
    execute format('create trigger %I after delete on %s referencing old table as changed for each statement'
                   ' execute function %s()', prefix || '_touched_delete', target, fn);
end;
$$;

do $$
declare
    t record;
    tracked record;
begin
    -- the tracked tables with their arguments: tgargs holds them NUL-separated (escape-encoded as \000), the outbox first
    for tracked in select distinct n.nspname || '.' || c.relname as target, encode(g.tgargs, 'escape') as args
                     from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
                    where g.tgfoid = 'shared.touch_paths()'::regprocedure
                    order by 1
    loop
        for t in select g.tgname from pg_trigger g
                  where g.tgrelid = tracked.target::regclass and g.tgfoid = 'shared.touch_paths()'::regprocedure
        loop
            execute format('drop trigger %I on %s', t.tgname, tracked.target);
        end loop;
        perform shared.track_paths(tracked.target::regclass, split_part(tracked.args, '\000', 1), split_part(tracked.args, '\000', 2));
    end loop;
end;
$$;

drop function shared.touch_paths();
