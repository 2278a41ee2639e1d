package org.huzhu.claims;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps this module's copies of organisation paths in step when a node moves (inside the moving transaction). */
@Component
class ClaimPaths {

    private final JdbcClient jdbc;

    ClaimPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "claims.claim", "org_path");
    }
}
