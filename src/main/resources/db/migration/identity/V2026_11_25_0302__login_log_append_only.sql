-- The login log also records logouts, and like the operation log it only grows: no row is ever
-- changed or removed (shared.refuse_log_change).
alter table identity.login_event drop constraint login_event_outcome_check;
alter table identity.login_event add constraint login_event_outcome_check
    check (outcome in ('SUCCESS', 'FAILURE', 'LOCKED', 'LOGOUT'));
create index login_event_at on identity.login_event (at desc, id desc);

create trigger login_event_append_only before update or delete on identity.login_event
    for each row execute function shared.refuse_log_change();
create trigger login_event_no_truncate before truncate on identity.login_event
    for each statement execute function shared.refuse_log_change();
