package org.huzhu.contributions;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps this module's copies of organisation paths in step when a node moves (inside the moving transaction). */
@Component
class BillPaths {

    private final JdbcClient jdbc;

    BillPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "contributions.bill", "org_path");
    }
}
