-- An account may combine roles: role stays the primary one (display, and what binds the account
-- to a node, unit or member); extra_roles holds the further ones. Only the roles of a union
-- office's staff combine (union staff, reviewer, finance): an administrator holds every right
-- already, a unit operator sits on a unit, and a member account stays a member only.
alter table identity.account add column extra_roles text[] not null default '{}';
alter table identity.account add constraint account_extra_roles_combinable check (
    extra_roles <@ array['UNION_STAFF', 'REVIEWER', 'FINANCE']::text[]
    and not (role = any (extra_roles))
    and (cardinality(extra_roles) = 0 or role in ('UNION_STAFF', 'REVIEWER', 'FINANCE')));
