package org.huzhu.claims;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requests for materials (退回补件), the waivers reviewers gave and the cross-check warnings they acknowledged
 * (claims.material_request, claims.material_waiver, claims.check_acknowledgement).
 */
@Component
class MaterialRequestRepository {

    private final JdbcClient jdbc;

    MaterialRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One request: {@code requirements} are requirement codes ({@link Materials.Requirement#code()}). */
    record Request(long id, long claimId, Instant requestedAt, String requestedBy, boolean backToReview, List<MaterialRequestReason> reasons,
                   List<String> requirements, String note, long afterDocumentId, LocalDate dueOn, Instant answeredAt, Instant lapsedAt) {

        boolean open() {
            return answeredAt == null && lapsedAt == null;
        }

        /** A request made in this transaction and not read back ({@link #JUST_MADE}): nothing has arrived since. */
        boolean justMade() {
            return afterDocumentId == JUST_MADE;
        }
    }

    /** {@link Request#afterDocumentId()} of a request made in the caller's transaction, not read back. */
    static final long JUST_MADE = -1;

    record Waiver(String requirement, WaiverReason reason, String note, String waivedBy, Instant waivedAt) {
    }

    record Acknowledgement(String checkKey, String message, String acknowledgedBy, Instant acknowledgedAt) {
    }

    private static final String INSERT = """
            insert into claims.material_request (claim_id, requested_at, requested_by, back_to_review, reasons, requirements, note,
                                                 after_document_id, due_on)
            values (?, ?, ?, ?, ?::text[], ?::text[], ?, coalesce((select max(id) from claims.document where claim_id = ?), 0), ?)
            returning id""";

    /** Adds the request to the caller's pipeline (the claim's move travels with it); its id once the pipeline is sent. */
    java.util.function.Supplier<Long> insert(long claimId, Instant at, String by, boolean backToReview, List<MaterialRequestReason> reasons,
                                             List<String> requirements, String note, LocalDate dueOn, Pipeline pipeline) {
        return pipeline.add(INSERT, params(claimId, at, by, backToReview, reasons, requirements, note, dueOn), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    void insert(long claimId, Instant at, String by, boolean backToReview, List<MaterialRequestReason> reasons, List<String> requirements,
                String note, LocalDate dueOn) {
        jdbc.sql(INSERT).params(params(claimId, at, by, backToReview, reasons, requirements, note, dueOn)).query(Long.class).single();
    }

    private static List<Object> params(long claimId, Instant at, String by, boolean backToReview, List<MaterialRequestReason> reasons,
                                       List<String> requirements, String note, LocalDate dueOn) {
        return Arrays.asList(claimId, Timestamp.from(at), by, backToReview, array(reasons.stream().map(Enum::name).toList()),
                array(requirements), new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.VARCHAR, note), claimId, dueOn);
    }

    /** Every request made of the claim, oldest first. */
    List<Request> of(long claimId) {
        return jdbc.sql("select * from claims.material_request where claim_id = ? order by id").param(claimId).query(this::request).list();
    }

    Optional<Request> open(long claimId) {
        return jdbc.sql("select * from claims.material_request where claim_id = ? and answered_at is null and lapsed_at is null")
                .param(claimId).query(this::request).optional();
    }

    /** The kinds of the claim's documents that arrived after the request was made. */
    List<String> kindsArrivedSince(Request request) {
        return jdbc.sql("select distinct kind from claims.document where claim_id = ? and id > ?")
                .params(request.claimId(), request.afterDocumentId()).query(String.class).list();
    }

    void answered(long requestId, Instant at) {
        jdbc.sql("update claims.material_request set answered_at = ? where id = ? and answered_at is null and lapsed_at is null")
                .params(Timestamp.from(at), requestId).update();
    }

    void lapsed(long requestId, Instant at) {
        jdbc.sql("update claims.material_request set lapsed_at = ? where id = ? and answered_at is null and lapsed_at is null")
                .params(Timestamp.from(at), requestId).update();
    }

    /** Claims whose open request was due before {@code today}. */
    List<Long> claimsPastDue(LocalDate today, int limit) {
        return jdbc.sql("""
                select claim_id from claims.material_request where answered_at is null and lapsed_at is null and due_on < ?
                order by due_on, id limit ?""").params(today, limit).query(Long.class).list();
    }

    void waive(long claimId, List<Waiver> waivers) {
        for (Waiver w : waivers) {
            jdbc.sql("""
                    insert into claims.material_waiver (claim_id, requirement, reason_code, note, waived_by, waived_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(claimId, w.requirement(), w.reason().name(), w.note(), w.waivedBy(), Timestamp.from(w.waivedAt())).update();
        }
    }

    List<Waiver> waivers(long claimId) {
        return jdbc.sql("select * from claims.material_waiver where claim_id = ? order by waived_at, requirement").param(claimId)
                .query((rs, n) -> new Waiver(rs.getString("requirement"), WaiverReason.valueOf(rs.getString("reason_code")),
                        rs.getString("note"), rs.getString("waived_by"), rs.getTimestamp("waived_at").toInstant())).list();
    }

    void acknowledge(long claimId, List<Acknowledgement> acknowledgements) {
        for (Acknowledgement a : acknowledgements) {
            jdbc.sql("""
                    insert into claims.check_acknowledgement (claim_id, check_key, message, acknowledged_by, acknowledged_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(claimId, a.checkKey(), a.message(), a.acknowledgedBy(), Timestamp.from(a.acknowledgedAt())).update();
        }
    }

    List<Acknowledgement> acknowledgements(long claimId) {
        return jdbc.sql("select * from claims.check_acknowledgement where claim_id = ? order by acknowledged_at, check_key").param(claimId)
                .query((rs, n) -> new Acknowledgement(rs.getString("check_key"), rs.getString("message"), rs.getString("acknowledged_by"),
                        rs.getTimestamp("acknowledged_at").toInstant())).list();
    }

    private Request request(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Timestamp lapsed = rs.getTimestamp("lapsed_at");
        return new Request(rs.getLong("id"), rs.getLong("claim_id"), rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                rs.getBoolean("back_to_review"), strings(rs.getArray("reasons")).stream().map(MaterialRequestReason::valueOf).toList(),
                strings(rs.getArray("requirements")), rs.getString("note"), rs.getLong("after_document_id"),
                rs.getObject("due_on", LocalDate.class), answered == null ? null : answered.toInstant(), lapsed == null ? null : lapsed.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** A text[] literal; codes are upper-case letters, underscores and {@code |}, so nothing needs quoting. */
    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }
}
