package org.huzhu.shared.database;

/**
 * Keeps PostgreSQL from planning a hot statement again at every execution.
 *
 * <p>A prepared statement is planned for its parameters five times; after that PostgreSQL
 * builds one generic plan and keeps it while it costs no more than the average of those custom
 * plans. The generic plan's cost is estimated once, when it is built, and compared from then on with
 * an average over <em>every</em> custom plan since the connection opened. On tables that grow (a
 * member's claims, a journal's postings) a plan rebuilt after ANALYZE costs more than that old
 * average, and the statement is planned anew at every execution for the rest of the connection's
 * life, although the plans come out the same. Measured on the claims bench: the decision's read and
 * the ledger's balance check were planned at every call, 13 % of PostgreSQL's time.
 *
 * <p>Statements that look rows up by key are never better off with a custom plan, so the paths that
 * run them thousands of times set {@code plan_cache_mode} to {@code force_generic_plan}: a
 * transaction with {@link #FOR_THIS_TRANSACTION} (sent in the same round trip as its first
 * statement), a function with {@code set plan_cache_mode = force_generic_plan} in its definition
 * (the ledger's balance check). Elsewhere the default stays: the lists filtered by an organisation
 * prefix ({@code org_path like ?}) and by optional filters need a plan made for their values.
 */
public final class GenericPlans {

    /** Ends with the transaction; a statement of its own, to go first in a multi-statement string. */
    public static final String FOR_THIS_TRANSACTION = "set local plan_cache_mode = force_generic_plan";

    private GenericPlans() {
    }
}
