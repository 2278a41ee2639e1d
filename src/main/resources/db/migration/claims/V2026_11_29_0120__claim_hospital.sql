-- The partner hospital whose 申领提示牌 the worker scanned to file the claim (member app, /m/#claim?hospital=CODE):
-- its code and its name as they were when the claim was filed. Null for every other claim.
alter table claims.claim add column hospital_code text;
alter table claims.claim add column hospital_name text;
alter table claims.claim add constraint claim_hospital_named check ((hospital_code is null) = (hospital_name is null));
