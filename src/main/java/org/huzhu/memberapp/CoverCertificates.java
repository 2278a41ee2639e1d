package org.huzhu.memberapp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.huzhu.membership.MemberCover;
import org.huzhu.shared.pdf.IssuedDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic cover certificates (参保凭证): each download is one certificate with its own number and an
 * unguessable token; the token opens a public verification that shows only the masked name, the items, their
 * period and whether the cover is valid now — read afresh, so a certificate whose cover has ended says so.
 */
@Service
class CoverCertificates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final MemberCover cover;
    private final Clock clock;

    CoverCertificates(JdbcClient jdbc, MemberCover cover, Clock clock) {
        this.jdbc = jdbc;
        this.cover = cover;
        this.clock = clock;
    }

    /** A certificate as issued: its number, token and time, for whom, and what they hold. */
    record Issued(String number, String token, Instant issuedAt, MemberCover.Holder holder, List<MemberCover.Item> items) {
    }

    /** What the public verification shows. */
    record Verification(String certificateNumber, Instant issuedAt, String maskedName, List<VerifiedItem> items,
                        LocalDate periodFrom, LocalDate periodTo, boolean validNow) {
    }

    record VerifiedItem(String itemName, String planName, LocalDate from, LocalDate to, String status) {
    }

    @Transactional
    Optional<Issued> issue(long memberId) {
        return cover.holder(memberId).map(holder -> {
            Instant now = clock.instant();
            String token = IssuedDocuments.token();
            long id = jdbc.sql("""
                    insert into memberapp.cover_certificate (number, token, member_id, issued_at)
                    values ('', ?, ?, ?) returning id""").params(token, memberId, java.sql.Timestamp.from(now))
                    .query(Long.class).single();
            String number = "HZPZ" + DAY.format(now.atZone(clock.getZone())) + String.format("%08d", id);
            jdbc.sql("update memberapp.cover_certificate set number = ? where id = ?").params(number, id).update();
            return new Issued(number, token, now, holder, cover.itemsOf(memberId));
        });
    }

    Optional<Verification> verify(String token) {
        if (token == null || token.length() != 43) return Optional.empty();
        record Row(String number, long memberId, Instant issuedAt) {
        }
        return jdbc.sql("select number, member_id, issued_at from memberapp.cover_certificate where token = ?").param(token)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).optional()
                .flatMap(row -> cover.holder(row.memberId()).map(holder -> {
                    List<MemberCover.Item> items = cover.itemsOf(row.memberId()).stream().filter(i -> i.from() != null).toList();
                    return new Verification(row.number(), row.issuedAt(), holder.maskedName(),
                            items.stream().map(i -> new VerifiedItem(i.itemName(), i.planName(), i.from(), i.to(), i.statusWords())).toList(),
                            items.stream().map(MemberCover.Item::from).min(LocalDate::compareTo).orElse(null),
                            items.stream().map(MemberCover.Item::to).max(LocalDate::compareTo).orElse(null),
                            items.stream().anyMatch(i -> i.status() == MemberCover.Status.IN_FORCE));
                }));
    }
}
