package org.huzhu.hospitals;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the partner offices' paths in step when a node moves (inside the moving transaction). */
@Component
class HospitalScopes {

    private final JdbcClient jdbc;

    HospitalScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "hospitals.hospital", "office_path");
    }
}
