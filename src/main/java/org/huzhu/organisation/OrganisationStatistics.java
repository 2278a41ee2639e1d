package org.huzhu.organisation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The whole tree and every unit with its ownership, for reporting's rollups (no caller: scope is checked there). */
@Service
public class OrganisationStatistics {

    private final OrganisationRepository repository;
    private final JdbcClient jdbc;

    OrganisationStatistics(OrganisationRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public record UnitLine(long id, String name, Ownership ownership, long organisationId, String path) {
    }

    /**
     * Whether a unit's ownership or place in the tree, or an office's, changed since this was last asked (the marks are
     * taken): the statistics' rollups are then rewritten whole.
     */
    public boolean takeTouched() {
        return jdbc.sql("delete from organisation.touched returning at").query(Object.class).list().size() > 0;
    }

    public List<OrgNode> nodes() {
        return repository.nodesUnder("%");
    }

    public List<UnitLine> units() {
        return jdbc.sql("select id, name, ownership, org_node_id, path from organisation.unit").query(OrganisationStatistics::line).list();
    }

    /** The units directly under one office. */
    public List<UnitLine> unitsOf(long orgNodeId) {
        return jdbc.sql("select id, name, ownership, org_node_id, path from organisation.unit where org_node_id = ?").param(orgNodeId)
                .query(OrganisationStatistics::line).list();
    }

    private static UnitLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UnitLine(rs.getLong(1), rs.getString(2), Ownership.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5));
    }
}
