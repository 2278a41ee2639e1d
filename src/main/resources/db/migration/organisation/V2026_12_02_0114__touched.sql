-- A unit's ownership or place in the tree changed, or an office moved: the statistics' rollups are rewritten whole at
-- their next refresh (OrganisationStatistics.takeTouched). New units and offices need nothing: they have no records.
create table organisation.touched (at timestamptz not null default now());

create function organisation.touch() returns trigger
    language plpgsql as $$
begin
    insert into organisation.touched default values;
    return null;
end;
$$;

create trigger unit_touched after update of ownership, org_node_id, path or delete on organisation.unit
    for each statement execute function organisation.touch();
create trigger org_node_touched after update of parent_id, path or delete on organisation.org_node
    for each statement execute function organisation.touch();
