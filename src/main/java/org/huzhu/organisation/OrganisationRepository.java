package org.huzhu.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String NODE_COLUMNS = "id, name, level, parent_id, path, division_code, status";
    private static final String UNIT_COLUMNS =
            "id, name, credit_code, ownership, headcount, org_node_id, funding_policy, path, contact_name, contact_phone_masked, status";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrgNode insertNode(String name, Level level, OrgNode parent, String divisionCode) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organisation.org_node', 'id'))").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("insert into organisation.org_node (id, parent_id, name, level, division_code, path) values (?, ?, ?, ?, ?, ?)")
                .params(id, parent == null ? null : parent.id(), name, level.name(), divisionCode, path).update();
        return new OrgNode(id, name, level, parent == null ? null : parent.id(), path, divisionCode, false);
    }

    long nodeCount() {
        return jdbc.sql("select count(*) from organisation.org_node").query(Long.class).single();
    }

    Optional<OrgNode> node(long id) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where id = ?")
                .param(id).query(OrganisationRepository::node).optional();
    }

    /** The node, locked against concurrent changes for the rest of the transaction. */
    Optional<OrgNode> lockNode(long id) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where id = ? for update")
                .param(id).query(OrganisationRepository::node).optional();
    }

    Optional<OrgNode> root() {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where parent_id is null order by id limit 1")
                .query(OrganisationRepository::node).optional();
    }

    Optional<OrgNode> openNodeWithDivisionCode(String divisionCode) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where division_code = ? and status = 'OPEN'")
                .param(divisionCode).query(OrganisationRepository::node).optional();
    }

    List<OrgNode> openNodesNamed(String name, String scopePattern) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where name = ? and status = 'OPEN' and path like ?")
                .params(name, scopePattern).query(OrganisationRepository::node).list();
    }

    List<OrgNode> children(long parentId) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where parent_id = ? order by id")
                .param(parentId).query(OrganisationRepository::node).list();
    }

    List<OrgNode> nodesUnder(String scopePattern) {
        return jdbc.sql("select " + NODE_COLUMNS + " from organisation.org_node where path like ? order by string_to_array(trim(both '/' from path), '/')::bigint[]")
                .param(scopePattern).query(OrganisationRepository::node).list();
    }

    void rename(long id, String name) {
        jdbc.sql("update organisation.org_node set name = ? where id = ?").params(name, id).update();
    }

    void close(long id, Instant at) {
        jdbc.sql("update organisation.org_node set status = 'CLOSED', closed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(at), id).update();
    }

    /** Moves a node under a new parent: its own row first, then every path of its subtree (nodes and units). */
    void move(OrgNode node, OrgNode newParent, String divisionCode, NodeMoved moved) {
        jdbc.sql("update organisation.org_node set parent_id = ?, division_code = ? where id = ?")
                .params(newParent.id(), divisionCode, node.id()).update();
        moved.repath(jdbc, "organisation.org_node", "path");
        moved.repath(jdbc, "organisation.unit", "path");
    }

    long openChildren(long id) {
        return jdbc.sql("select count(*) from organisation.org_node where parent_id = ? and status = 'OPEN'").param(id)
                .query(Long.class).single();
    }

    long activeUnitsOf(long id) {
        return jdbc.sql("select count(*) from organisation.unit where org_node_id = ? and status = 'ACTIVE'").param(id)
                .query(Long.class).single();
    }

    Unit insertUnit(UnitFields unit, OrgNode node, String fundingPolicy) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('organisation.unit', 'id'))").query(Long.class).single();
        String path = node.path() + "u" + id + "/";
        jdbc.sql("""
                insert into organisation.unit (id, org_node_id, name, credit_code, ownership, headcount, funding_policy, path,
                                               contact_name, contact_phone_cipher, contact_phone_masked, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, node.id(), unit.name(), unit.creditCode(), unit.ownership().name(), unit.headcount(), fundingPolicy, path,
                        unit.contactName(), unit.contactPhoneCipher(), unit.contactPhoneMasked(), unit.closed() ? "CLOSED" : "ACTIVE")
                .update();
        return unit(id).orElseThrow();
    }

    void updateUnit(long id, UnitFields unit, Instant at) {
        jdbc.sql("""
                update organisation.unit set name = ?, ownership = ?, headcount = ?, contact_name = ?, contact_phone_cipher = ?,
                       contact_phone_masked = ?, status = ?, updated_at = ? where id = ?""")
                .params(unit.name(), unit.ownership().name(), unit.headcount(), unit.contactName(), unit.contactPhoneCipher(),
                        unit.contactPhoneMasked(), unit.closed() ? "CLOSED" : "ACTIVE", java.sql.Timestamp.from(at), id)
                .update();
    }

    Optional<byte[]> contactPhoneCipher(long unitId) {
        return jdbc.sql("select contact_phone_cipher from organisation.unit where id = ?").param(unitId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<Unit> unit(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where id = ?")
                .param(id).query(OrganisationRepository::unit).optional();
    }

    Optional<Unit> lockUnitByCreditCode(String creditCode) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where credit_code = ? for update")
                .param(creditCode).query(OrganisationRepository::unit).optional();
    }

    Optional<Unit> lockUnit(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where id = ? for update")
                .param(id).query(OrganisationRepository::unit).optional();
    }

    Optional<Unit> unitByCreditCode(String creditCode) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where credit_code = ?")
                .param(creditCode).query(OrganisationRepository::unit).optional();
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("select count(*) from organisation.unit where credit_code = ?").param(creditCode)
                .query(Long.class).single() > 0;
    }

    List<Unit> unitsUnder(String scopePattern, String nameContains, Long orgNodeId, int limit, int offset) {
        String like = nameContains == null || nameContains.isBlank() ? "%" : "%" + escape(nameContains.strip()) + "%";
        return jdbc.sql("select " + UNIT_COLUMNS + " from organisation.unit where path like ? and name like ?"
                        + (orgNodeId == null ? "" : " and org_node_id = " + orgNodeId) + " order by id limit ? offset ?")
                .params(scopePattern, like, limit, offset).query(OrganisationRepository::unit).list();
    }

    void recordChange(String record, long recordId, String action, String field, String before, String after, String by, Instant at) {
        jdbc.sql("""
                insert into organisation.change (record, record_id, action, field, before, after, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record, recordId, action, field, before, after, by, java.sql.Timestamp.from(at)).update();
    }

    List<OrganisationHistory.Entry> changesOf(String record, long recordId) {
        return jdbc.sql("select action, field, before, after, changed_by, changed_at from organisation.change where record = ? and record_id = ? order by id desc")
                .params(record, recordId)
                .query((rs, n) -> new OrganisationHistory.Entry(rs.getString("action"), rs.getString("field"), rs.getString("before"),
                        rs.getString("after"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OrgNode node(ResultSet rs, int n) throws SQLException {
        return new OrgNode(rs.getLong("id"), rs.getString("name"), Level.valueOf(rs.getString("level")),
                rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getString("division_code"),
                "CLOSED".equals(rs.getString("status")));
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                Ownership.valueOf(rs.getString("ownership")), rs.getInt("headcount"), rs.getLong("org_node_id"),
                rs.getString("funding_policy"), rs.getString("path"), rs.getString("contact_name"),
                rs.getString("contact_phone_masked"), "CLOSED".equals(rs.getString("status")));
    }
}
