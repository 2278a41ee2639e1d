-- Incremental refresh (issue 17: figures at most a minute old at 2,000,000 enrolments): the rollups of the units whose
-- records changed are replaced, the offices above re-summed. The dimensions are therefore kept per unit as well
-- (unit_dimension; node_dimension is their sum per office), and enrolments cancelled (退保) are a figure of their own.

create table reporting.unit_dimension (
    node_path    text   not null,
    unit_id      bigint not null,
    month        date   not null,
    dimension    text   not null check (dimension in ('OWNERSHIP', 'FORM', 'ITEM', 'DAYS')),
    code         text   not null,
    person_times bigint not null default 0,
    enrolments   bigint not null default 0,
    paid         bigint not null default 0,
    paid_amount  numeric(16, 2) not null default 0,
    primary key (node_path, unit_id, dimension, code, month)
);

-- cancellations: enrolments cancelled (done, or approved) in the month; refunds: what was refunded for them
alter table reporting.unit_month add column cancellations bigint not null default 0,
                                 add column refunds numeric(16, 2) not null default 0;
alter table reporting.node_month add column cancellations bigint not null default 0,
                                 add column refunds numeric(16, 2) not null default 0;
alter table reporting.tree_month add column cancellations bigint not null default 0,
                                 add column refunds numeric(16, 2) not null default 0;

-- what the last refresh was: FULL (the whole rewrite, at start and nightly) or CHANGES (the units touched)
alter table reporting.refresh add column kind text not null default 'FULL' check (kind in ('FULL', 'CHANGES')),
                              add column units integer not null default 0;
