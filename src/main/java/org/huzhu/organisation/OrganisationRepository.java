package org.huzhu.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String UNIT_COLUMNS =
            "id, name, credit_code, ownership, headcount, org_node_id, funding_policy, path";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrgNode insertNode(String name, Level level, OrgNode parent, String areaCode) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organisation.org_node', 'id'))").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("insert into organisation.org_node (id, parent_id, name, level, area_code, path) values (?, ?, ?, ?, ?, ?)")
                .params(id, parent == null ? null : parent.id(), name, level.name(), areaCode, path).update();
        return new OrgNode(id, name, level, parent == null ? null : parent.id(), path);
    }

    long nodeCount() {
        return jdbc.sql("select count(*) from organisation.org_node").query(Long.class).single();
    }

    Optional<OrgNode> node(long id) {
        return jdbc.sql("select id, name, level, parent_id, path from organisation.org_node where id = ?")
                .param(id).query(OrganisationRepository::node).optional();
    }

    List<OrgNode> nodesUnder(String scopePattern) {
        return jdbc.sql("select id, name, level, parent_id, path from organisation.org_node where path like ? order by string_to_array(trim(both '/' from path), '/')::bigint[]")
                .param(scopePattern).query(OrganisationRepository::node).list();
    }

    Unit insertUnit(String name, String creditCode, Ownership ownership, int headcount, OrgNode county, String fundingPolicy) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organisation.unit', 'id'))").query(Long.class).single();
        String path = county.path() + "u" + id + "/";
        jdbc.sql("""
                insert into organisation.unit (id, org_node_id, name, credit_code, ownership, headcount, funding_policy, path)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, county.id(), name, creditCode, ownership.name(), headcount, fundingPolicy, path).update();
        return new Unit(id, name, creditCode, ownership, headcount, county.id(), fundingPolicy, path);
    }

    Optional<Unit> unit(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where id = ?")
                .param(id).query(OrganisationRepository::unit).optional();
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("select count(*) from organisation.unit where credit_code = ?").param(creditCode)
                .query(Long.class).single() > 0;
    }

    List<Unit> unitsUnder(String scopePattern, String nameContains, int limit, int offset) {
        String like = nameContains == null || nameContains.isBlank() ? "%" : "%" + escape(nameContains.strip()) + "%";
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where path like ? and name like ? order by id limit ? offset ?")
                .params(scopePattern, like, limit, offset).query(OrganisationRepository::unit).list();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OrgNode node(ResultSet rs, int n) throws SQLException {
        return new OrgNode(rs.getLong("id"), rs.getString("name"), Level.valueOf(rs.getString("level")),
                rs.getObject("parent_id", Long.class), rs.getString("path"));
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                Ownership.valueOf(rs.getString("ownership")), rs.getInt("headcount"), rs.getLong("org_node_id"),
                rs.getString("funding_policy"), rs.getString("path"));
    }
}
