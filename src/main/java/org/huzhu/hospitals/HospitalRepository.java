package org.huzhu.hospitals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HospitalRepository {

    private static final String COLUMNS = "id, code, name, grade, address, office_id, office_path, active";

    private final JdbcClient jdbc;

    HospitalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String code, String name, HospitalGrade grade, String address, long officeId, String officePath, boolean active) {
    }

    long insert(Row row) {
        return jdbc.sql("""
                insert into hospitals.hospital (code, name, grade, address, office_id, office_path, active)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(row.code(), row.name(), row.grade().name(), row.address(), row.officeId(), row.officePath(), row.active())
                .query(Long.class).single();
    }

    void update(long id, Row row) {
        jdbc.sql("""
                update hospitals.hospital set name = ?, grade = ?, address = ?, office_id = ?, office_path = ?, active = ?,
                       updated_at = now()
                 where id = ?""")
                .params(row.name(), row.grade().name(), row.address(), row.officeId(), row.officePath(), row.active(), id).update();
    }

    Optional<Hospital> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from hospitals.hospital where id = ?").param(id)
                .query(HospitalRepository::hospital).optional();
    }

    Optional<Hospital> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from hospitals.hospital where code = ?").param(code)
                .query(HospitalRepository::hospital).optional();
    }

    boolean nameTaken(String name, Long except) {
        return jdbc.sql("select count(*) from hospitals.hospital where name = ? and id <> coalesce(?, -1)").params(name, except)
                .query(Long.class).single() > 0;
    }

    /** The hospitals of offices inside the scope (a LIKE pattern), by office then name; {@code active} null: all. */
    List<Hospital> under(String scopePattern, Boolean active) {
        return jdbc.sql("select " + COLUMNS + """
                 from hospitals.hospital
                where office_path like :scope and (cast(:active as boolean) is null or active = :active)
                order by office_path, name""")
                .param("scope", scopePattern).param("active", active).query(HospitalRepository::hospital).list();
    }

    private static Hospital hospital(ResultSet rs, int n) throws SQLException {
        return new Hospital(rs.getLong("id"), rs.getString("code"), rs.getString("name"), HospitalGrade.valueOf(rs.getString("grade")),
                rs.getString("address"), rs.getLong("office_id"), rs.getString("office_path"), rs.getBoolean("active"));
    }
}
