-- What changed since the statistics' last refresh (issue 17: figures at most a minute old). A module that feeds the
-- reporting rollups keeps, in a table of its own, the organisation paths of the records each statement changed
-- (its "touched" outbox); reporting.Rollups takes them (delete … returning) through the module's statistics front
-- door and recomputes only those units. The rows are written by statement triggers: every way of writing the tables
-- is seen, SQL imports included, and a change and its mark commit together.

-- Trigger function: tg_argv[0] is the outbox table, tg_argv[1] a select of paths from the transition table "changed".
create function shared.touch_paths() returns trigger
    language plpgsql as $$
begin
    execute format('insert into %s (path) %s', tg_argv[0], tg_argv[1]);
    return null;
end;
$$;

-- Attaches shared.touch_paths to a table: after insert (the new rows), update (old and new rows: a record moved to
-- another unit leaves one and joins the other) and delete (the old rows), once per statement.
create function shared.track_paths(target regclass, outbox text, paths text) returns void
    language plpgsql as $$
declare
    prefix text := replace(target::text, '.', '_');
begin
    execute format('create trigger %I after insert on %s referencing new table as changed for each statement'
                   ' execute function shared.touch_paths(%L, %L)', prefix || '_touched_insert', target, outbox, paths);
    execute format('create trigger %I after update on %s referencing new table as changed for each statement'
                   ' execute function shared.touch_paths(%L, %L)', prefix || '_touched_update_new', target, outbox, paths);
    execute format('create trigger %I after update on %s referencing old table as changed for each statement'
                   ' execute function shared.touch_paths(%L, %L)', prefix || '_touched_update_old', target, outbox, paths);
    execute format('create trigger %I after delete on %s referencing old table as changed for each statement'
                   ' execute function shared.touch_paths(%L, %L)', prefix || '_touched_delete', target, outbox, paths);
end;
$$;
