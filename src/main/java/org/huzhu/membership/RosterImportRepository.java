package org.huzhu.membership;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RosterImportRepository {

    private final JdbcClient jdbc;

    RosterImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Status { RUNNING, DONE, REJECTED, FAILED }

    enum Phase { QUEUED, VALIDATING, ENROLLING, FINISHED }

    record State(long id, long unitId, String orgPath, String fileName, String filePath, String sha256, Status status,
                 Phase phase, int rows, int processed, int accepted, int rejected, String message, String createdBy,
                 java.time.OffsetDateTime createdAt, java.time.OffsetDateTime finishedAt, int alreadyEnrolled, int awaitingFinance) {
    }

    /** A row's problem, or (kind ALREADY_ENROLLED) the note that its worker holds the cover already; {@code name} as typed. */
    record ErrorRow(long row, String field, String message, String name) {
        ErrorRow(long row, String field, String message) {
            this(row, field, message, null);
        }
    }

    long create(long unitId, String orgPath, String fileName, String filePath, String sha256, String createdBy) {
        return create(unitId, orgPath, fileName, filePath, sha256, createdBy, null);
    }

    long create(long unitId, String orgPath, String fileName, String filePath, String sha256, String createdBy, String scopePath) {
        return jdbc.sql("""
                insert into membership.roster_import (unit_id, org_path, file_name, file_path, file_sha256, status, created_by, scope_path)
                values (?, ?, ?, ?, ?, 'RUNNING', ?, ?) returning id""")
                .params(unitId, orgPath, fileName, filePath, sha256, createdBy, scopePath).query(Long.class).single();
    }

    /** The uploader's scope (imports from before it was kept: the unit's own path). */
    String scopePath(long id) {
        return jdbc.sql("select coalesce(scope_path, org_path) from membership.roster_import where id = ?").param(id)
                .query(String.class).single();
    }

    Optional<State> find(long id) {
        return jdbc.sql("select * from membership.roster_import where id = ?").param(id)
                .query((rs, n) -> new State(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("org_path"),
                        rs.getString("file_name"), rs.getString("file_path"), rs.getString("file_sha256"),
                        Status.valueOf(rs.getString("status")), Phase.valueOf(rs.getString("phase")), rs.getInt("rows"),
                        rs.getInt("processed"), rs.getInt("accepted"), rs.getInt("rejected"), rs.getString("message"),
                        rs.getString("created_by"), rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class), rs.getInt("already_enrolled"), rs.getInt("awaiting_finance")))
                .optional();
    }

    /** Takes the lease of a RUNNING import nobody holds (never held, or run out); whether it did. */
    boolean takeLease(long id, String owner, java.time.Duration lease) {
        return jdbc.sql("""
                update membership.roster_import set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                 where id = ? and status = 'RUNNING' and (lease_until is null or lease_until < now())""")
                .params(owner, lease.toMillis() / 1000.0, id).update() == 1;
    }

    /** Extends a lease this owner still holds; false when it has lost it (or the import ended). */
    boolean renewLease(long id, String owner, java.time.Duration lease) {
        return jdbc.sql("""
                update membership.roster_import set lease_until = now() + make_interval(secs => ?)
                 where id = ? and status = 'RUNNING' and lease_owner = ?""")
                .params(lease.toMillis() / 1000.0, id, owner).update() == 1;
    }

    /** RUNNING imports whose runner's lease has run out (or that never had one). */
    List<Long> unleased() {
        return jdbc.sql("""
                select id from membership.roster_import
                 where status = 'RUNNING' and (lease_until is null or lease_until < now()) order by id""")
                .query(Long.class).list();
    }

    List<Long> running() {
        return jdbc.sql("select id from membership.roster_import where status = 'RUNNING' order by id").query(Long.class).list();
    }

    List<State> ofUnit(long unitId, int limit) {
        return jdbc.sql("select id from membership.roster_import where unit_id = ? order by id desc limit ?")
                .params(unitId, limit).query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    void phase(long id, Phase phase, int rows) {
        jdbc.sql("update membership.roster_import set phase = ?, rows = ? where id = ?").params(phase.name(), rows, id).update();
    }

    void progress(long id, int processed, int accepted, int rejected) {
        progress(id, processed, accepted, rejected, 0, 0);
    }

    void progress(long id, int processed, int accepted, int rejected, int alreadyEnrolled, int awaitingFinance) {
        jdbc.sql("""
                update membership.roster_import set processed = ?, accepted = ?, rejected = ?, already_enrolled = ?, awaiting_finance = ?
                 where id = ?""")
                .params(processed, accepted, rejected, alreadyEnrolled, awaitingFinance, id).update();
    }

    /** Where the files of finished imports were kept (each is deleted when its import ends). */
    List<String> filesOfFinishedImports() {
        return jdbc.sql("select file_path from membership.roster_import where status <> 'RUNNING' and file_path is not null")
                .query(String.class).list();
    }

    void finish(long id, Status status, String message) {
        jdbc.sql("""
                update membership.roster_import set status = ?, phase = 'FINISHED', message = ?, finished_at = now()
                 where id = ? and status = 'RUNNING'""")
                .params(status.name(), message, id).update();
    }

    int errorCount(long id) {
        return jdbc.sql("select count(*) from membership.roster_import_error where import_id = ? and kind = 'ERROR'").param(id)
                .query(Integer.class).single();
    }

    List<ErrorRow> errors(long id, int limit, int offset) {
        return rows(id, "ERROR", limit, offset);
    }

    /** The rows whose workers held the cover already (已参保，未重复办理), in row order. */
    List<ErrorRow> alreadyEnrolled(long id, int limit, int offset) {
        return rows(id, "ALREADY_ENROLLED", limit, offset);
    }

    /** The rows dated too far back, enrolled awaiting finance's confirmation of their payment, in row order. */
    List<ErrorRow> awaitingFinance(long id, int limit, int offset) {
        return rows(id, "AWAITING_FINANCE", limit, offset);
    }

    private List<ErrorRow> rows(long id, String kind, int limit, int offset) {
        return jdbc.sql("""
                select row_no, field, message, worker_name from membership.roster_import_error where import_id = ? and kind = ?
                 order by row_no, field limit ? offset ?""")
                .params(id, kind, limit, offset)
                .query((rs, n) -> new ErrorRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Members of the unit whose cover is in force on {@code day}: their encrypted ID numbers. */
    List<byte[]> coveredMemberIdCiphers(long unitId, java.time.LocalDate day) {
        return jdbc.sql("""
                select m.id_cipher from membership.member m
                 where exists (select 1 from membership.enrolment e
                                where e.member_id = m.id and e.unit_id = ? and e.coverage_from <= ? and e.coverage_to >= ?)""")
                .params(unitId, day, day).query(byte[].class).list();
    }
}
