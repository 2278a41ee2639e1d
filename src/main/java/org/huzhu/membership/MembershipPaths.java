package org.huzhu.membership;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps this module's copies of organisation paths in step when a node moves (inside the moving transaction). */
@Component
class MembershipPaths {

    private final JdbcClient jdbc;

    MembershipPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "membership.member", "org_path");
        moved.repath(jdbc, "membership.enrolment", "org_path");
        moved.repath(jdbc, "membership.roster_import", "org_path");
        moved.repath(jdbc, "membership.roster_import", "scope_path");
        moved.repath(jdbc, "membership.member_transfer", "from_path");
        moved.repath(jdbc, "membership.member_transfer", "to_path");
    }
}
