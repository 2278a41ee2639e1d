-- The instance running an import holds a lease on it and renews it every few seconds; another
-- instance resumes a RUNNING import only once its lease has run out (the runner died).
alter table membership.roster_import add column lease_owner text, add column lease_until timestamptz;
