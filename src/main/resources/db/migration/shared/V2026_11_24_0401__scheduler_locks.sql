-- ShedLock: one row per scheduled job; a node runs the job only while it holds the row's lock,
-- so two instances on this database never run the same job at the same time.
create table shared.shedlock (
    name       varchar(64) primary key,
    lock_until timestamptz not null,
    locked_at  timestamptz not null,
    locked_by  varchar(255) not null
);
