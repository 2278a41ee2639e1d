package org.huzhu.payouts;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps this module's copies of organisation paths in step when a node moves (inside the moving transaction). */
@Component
class PayoutPaths {

    private final JdbcClient jdbc;

    PayoutPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "payouts.batch", "org_path");
        moved.repath(jdbc, "payouts.payout", "org_path");
        // a payout not yet in a batch goes into the batches of the city it now belongs to
        jdbc.sql("update payouts.payout set city_org_id = split_part(org_path, '/', 3)::bigint where status = 'REQUESTED' and org_path like ?")
                .param(moved.newPathPattern()).update();
    }
}
