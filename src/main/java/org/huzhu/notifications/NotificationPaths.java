package org.huzhu.notifications;

import org.huzhu.organisation.NodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps this module's copies of organisation paths in step when a node moves (inside the moving transaction). */
@Component
class NotificationPaths {

    private final JdbcClient jdbc;

    NotificationPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(NodeMoved moved) {
        moved.repath(jdbc, "notifications.message", "scope_path");
        moved.repath(jdbc, "notifications.campaign", "scope_path");
    }
}
