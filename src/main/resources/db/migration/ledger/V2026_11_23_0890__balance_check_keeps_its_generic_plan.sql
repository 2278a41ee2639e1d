-- The balance check runs once per posting. Its query looks postings up by journal, so its generic plan is always
-- the right one; left to choose, PostgreSQL compares a generic plan rebuilt after ANALYZE (on a grown table) with
-- the average cost of the custom plans made since the connection opened (on a small one), and plans the query
-- again at every posting from then on (see org.huzhu.shared.database.GenericPlans).
alter function ledger.check_balanced() set plan_cache_mode = force_generic_plan;
