-- A partner hospital's discharge desk (工会+医院) logs in with an account of its own role, HOSPITAL, bound to the
-- hospital (hospitals.hospital.id; another module's table, so no foreign key) and scoped to the partner office's
-- part of the tree. Only such an account names a hospital, and it combines with no other role.
alter table identity.account drop constraint account_role_check;
alter table identity.account add constraint account_role_check
    check (role in ('ADMIN', 'UNION_STAFF', 'REVIEWER', 'FINANCE', 'UNIT_OPERATOR', 'MEMBER', 'HOSPITAL'));
alter table identity.account add column hospital_id bigint;
alter table identity.account add constraint account_hospital_desk_bound
    check ((role = 'HOSPITAL') = (hospital_id is not null));
create index account_hospital on identity.account (hospital_id) where hospital_id is not null;
