package org.huzhu.realname;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence table realname.verification: rows are only ever added. */
@Repository
class VerificationRepository {

    /** A row to add; hashes and masked copies only, never a number in clear. */
    record Evidence(long memberId, VerificationKind kind, IdentityResult result, IdentityElement mismatch, String requestId,
                    String unavailableReason, Instant checkedAt, byte[] idHash, String idMasked,
                    byte[] phoneHash, String phoneMasked, byte[] cardHash, String cardMasked, DocumentType documentType,
                    String documentMasked, String askedBy, long askedByAccount, String askedAs) {
    }

    private static final String COLUMNS = """
            id, member_id, kind, result, mismatch, request_id, unavailable_reason, checked_at, id_masked, phone_masked, card_masked,
            document_type, document_masked, asked_by""";

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Verification insert(Evidence e) {
        return jdbc.sql("""
                insert into realname.verification (member_id, kind, result, mismatch, request_id, unavailable_reason, checked_at,
                    id_hash, id_masked, phone_hash, phone_masked, card_hash, card_masked, document_type, document_masked,
                    asked_by, asked_by_account, asked_as)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning\s""" + COLUMNS)
                .params(e.memberId(), e.kind().name(), e.result().name(), e.mismatch() == null ? null : e.mismatch().name(), e.requestId(),
                        e.unavailableReason(), java.sql.Timestamp.from(e.checkedAt()), e.idHash(), e.idMasked(), e.phoneHash(), e.phoneMasked(),
                        e.cardHash(), e.cardMasked(), e.documentType() == null ? null : e.documentType().name(), e.documentMasked(),
                        e.askedBy(), e.askedByAccount(), e.askedAs())
                .query(VerificationRepository::verification).single();
    }

    Optional<Verification> latestRealNameMatch(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from realname.verification"
                        + " where member_id = ? and result = 'MATCH' and kind <> 'FOUR' order by id desc limit 1")
                .param(memberId).query(VerificationRepository::verification).optional();
    }

    List<Verification> ofMember(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from realname.verification where member_id = ? order by id desc")
                .param(memberId).query(VerificationRepository::verification).list();
    }

    private static Verification verification(ResultSet rs, int n) throws SQLException {
        String mismatch = rs.getString("mismatch");
        String document = rs.getString("document_type");
        return new Verification(rs.getLong("id"), rs.getLong("member_id"), VerificationKind.valueOf(rs.getString("kind")),
                IdentityResult.valueOf(rs.getString("result")), mismatch == null ? null : IdentityElement.valueOf(mismatch),
                rs.getString("request_id"), rs.getString("unavailable_reason"), rs.getTimestamp("checked_at").toInstant(),
                rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("card_masked"),
                document == null ? null : DocumentType.valueOf(document), rs.getString("document_masked"), rs.getString("asked_by"));
    }
}
