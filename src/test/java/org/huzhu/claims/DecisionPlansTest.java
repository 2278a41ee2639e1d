package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The decision's statements keep one generic plan per connection (shared.database.GenericPlans). */
class DecisionPlansTest extends ApiTest {

    @Autowired
    ClaimRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    record Plans(String statement, long generic, long custom) {
    }

    @Test
    void theDecisionsReadIsNeverPlannedForItsParameters() {
        long claim = jdbc.sql("select min(id) from claims.claim").query(Long.class).single();
        List<Plans> plans = new TransactionTemplate(transactions).execute(status -> {   // one connection throughout
            for (int i = 0; i < 12; i++) {
                assertThat(repository.lockAndReadForDecision(claim)).isPresent();
                assertThat(repository.lockAndReadForDecision(-1)).isEmpty();
            }
            return jdbc.sql("select statement, generic_plans as generic, custom_plans as custom from pg_prepared_statements where statement like '%as paid_json%'")
                    .query(Plans.class).list();
        });
        // the driver names a statement on the server from its fifth use; left to choose, PostgreSQL would then make
        // five custom plans before its first generic one
        assertThat(plans).as("the decision's read, prepared on the server").singleElement().satisfies(p -> {
            assertThat(p.generic()).isGreaterThanOrEqualTo(15);
            assertThat(p.custom()).isZero();
        });
    }

    @Test
    void theSettingEndsWithTheTransaction() {
        long claim = jdbc.sql("select min(id) from claims.claim").query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Integer decidedOn = tx.execute(status -> {
            repository.lockAndReadForDecision(claim);
            return jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
        });
        // the pool hands a thread back the connection it returned last
        record Setting(int pid, String mode) {
        }
        Setting next = tx.execute(status -> jdbc.sql("select pg_backend_pid() as pid, current_setting('plan_cache_mode') as mode").query(Setting.class).single());
        assertThat(next.pid()).as("the same connection").isEqualTo(decidedOn);
        assertThat(next.mode()).isEqualTo("auto");
    }

    @Test
    void theLedgersBalanceCheckKeepsItsGenericPlanToo() {
        List<String> settings = jdbc.sql("select unnest(proconfig) from pg_proc where oid = 'ledger.check_balanced'::regproc")
                .query(String.class).list();
        assertThat(settings).contains("plan_cache_mode=force_generic_plan");
    }
}
