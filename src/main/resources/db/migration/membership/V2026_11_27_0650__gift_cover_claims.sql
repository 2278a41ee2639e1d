-- The free gift cover (GIG_ACCIDENT) is claimed by the worker in the member app after a consent screen, within the
-- yearly number of places an office may give (its quota). A quota counts every gift claimed under the office for
-- the year; a worker claims once a year. The worker's kind of new-form work is recorded with the claim.
create table membership.gift_quota (
    node_id bigint  not null,
    year    integer not null,
    quota   integer not null check (quota >= 0),
    primary key (node_id, year)
);

create table membership.gift_claim (
    member_id    bigint      not null references membership.member (id),
    year         integer     not null,
    enrolment_id bigint      not null references membership.enrolment (id),
    org_path     text        not null,
    work_kind    text        not null check (work_kind in ('DELIVERY_RIDER', 'COURIER', 'RIDE_HAILING_DRIVER', 'TRUCK_DRIVER')),
    claimed_at   timestamptz not null,
    primary key (member_id, year)
);

create index gift_claim_year_path on membership.gift_claim (year, org_path text_pattern_ops);
