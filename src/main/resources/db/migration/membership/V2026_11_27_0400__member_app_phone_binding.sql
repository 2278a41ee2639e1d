-- The mobile number a worker signs in to the member app (掌上办) with: one number per member, one member per
-- number. Only a keyed hash of the number is kept here (the number itself is the member's phone, encrypted);
-- a binding lapses when the member's phone is changed to another number.
create table membership.phone_binding (
    member_id  bigint      primary key references membership.member (id),
    phone_hash bytea       not null unique,
    bound_at   timestamptz not null
);
