package org.huzhu.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TemplateRepository {

    private static final String COLUMNS = "code, version, name, purpose, sms, inbox, body, variables, note, created_by, created_at";

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of every template, by code. */
    List<Template> latest() {
        return jdbc.sql("select distinct on (code) " + COLUMNS + " from notifications.template order by code, version desc")
                .query(TemplateRepository::template).list();
    }

    Optional<Template> latest(String code) {
        return jdbc.sql("select " + COLUMNS + " from notifications.template where code = ? order by version desc limit 1")
                .param(code).query(TemplateRepository::template).optional();
    }

    List<Template> versions(String code) {
        return jdbc.sql("select " + COLUMNS + " from notifications.template where code = ? order by version desc")
                .param(code).query(TemplateRepository::template).list();
    }

    /** Adds a version; false when that version exists already (another instance seeded it first). */
    boolean insert(Template t) {
        return jdbc.sql("""
                insert into notifications.template (code, version, name, purpose, sms, inbox, body, variables, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code, version) do nothing""")
                .params(t.code(), t.version(), t.name(), t.purpose().name(), t.sms(), t.inbox(), t.body(),
                        t.variables().toArray(String[]::new), t.note(), t.createdBy(), java.sql.Timestamp.from(t.createdAt()))
                .update() == 1;
    }

    /** Serialises new versions of one template (two editors saving at once get consecutive versions). */
    void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('notifications.template'), hashtext(?))").param(code).query().singleRow();
    }

    private static Template template(ResultSet rs, int n) throws SQLException {
        return new Template(rs.getString("code"), rs.getInt("version"), rs.getString("name"), Purpose.valueOf(rs.getString("purpose")),
                rs.getBoolean("sms"), rs.getBoolean("inbox"), rs.getString("body"),
                Arrays.asList((String[]) rs.getArray("variables").getArray()), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

}
