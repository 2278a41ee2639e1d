package org.huzhu.claims;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huzhu.organisation.OrgNode;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up notes on a claim (省、市、县三级工会专人跟进): union staff, reviewers and administrators who see the claim
 * write what they did or learnt; each note keeps its author, the author's office and its level, and the time, and is
 * never changed or removed (claims.claim_note is append-only).
 */
@Service
class ClaimNotes {

    static final int LONGEST = 1000;

    private final Claims claims;
    private final ReviewOffices offices;
    private final JdbcClient jdbc;
    private final Clock clock;

    ClaimNotes(Claims claims, ReviewOffices offices, JdbcClient jdbc, Clock clock) {
        this.claims = claims;
        this.offices = offices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code officeLevel}: PROVINCE, CITY or COUNTY, with its Chinese name. */
    record Note(long id, String author, String authorName, Long officeId, String officeName, String officeLevel,
                String officeLevelName, Instant at, String text) {
    }

    record NewNote(String text) {
    }

    @Transactional(readOnly = true)
    List<Note> notes(long claimId, CurrentUser user) {
        requireRight(user);
        claims.visible(claimId, user);
        return jdbc.sql("""
                select id, author, author_name, office_node_id, office_name, office_level, at, body
                  from claims.claim_note where claim_id = ? order by id""")
                .param(claimId)
                .query((rs, n) -> note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    @Transactional
    Note add(long claimId, NewNote command, CurrentUser user) {
        requireRight(user);
        claims.visible(claimId, user);
        String text = command == null || command.text() == null ? "" : command.text().strip();
        if (text.isEmpty()) throw InvalidInputException.of("text", "请填写跟进内容");
        if (text.length() > LONGEST) throw InvalidInputException.of("text", "跟进内容不能超过" + LONGEST + "字（现为" + text.length() + "字）");
        OrgNode office = user.orgNodeId() == null ? null : offices.office(user.orgNodeId());
        String name = offices.nameOf(user.username());
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                insert into claims.claim_note (claim_id, author, author_name, office_node_id, office_name, office_level, at, body)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(claimId, user.username(), name, office == null ? null : office.id(), office == null ? null : office.name(),
                        office == null ? null : office.level().name(), Timestamp.from(at), text)
                .query(Long.class).single();
        return note(id, user.username(), name, office == null ? null : office.id(), office == null ? null : office.name(),
                office == null ? null : office.level().name(), at, text);
    }

    private static Note note(long id, String author, String name, Long officeId, String officeName, String level, Instant at, String text) {
        String levelName = level == null ? null : org.huzhu.organisation.Level.valueOf(level).chinese();
        return new Note(id, author, name, officeId, officeName, level, levelName, at, text);
    }

    private static void requireRight(CurrentUser user) {
        if (!user.holds(Right.CLAIM_NOTE)) throw new AccessDeniedException("only staff keep follow-up notes");
    }
}
