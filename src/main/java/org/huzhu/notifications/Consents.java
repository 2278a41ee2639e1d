package org.huzhu.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' choice about publicity. Transactional and urgent messages are always sent; publicity only
 * to a member who consented (in the member app, on a form staff recorded, or on the roster) and whose
 * number has not replied TD. A TD reply stops publicity to that number and withdraws the consent of
 * every member texted at it.
 */
@Service
public class Consents {

    private static final Logger log = LoggerFactory.getLogger(Consents.class);
    private static final Set<String> OPT_OUT_WORDS = Set.of("TD", "T", "退订", "TD退订", "N");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Consents(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public enum Source { MEMBER, STAFF, SMS_REPLY, ROSTER }

    /** A member's current choice: consent to publicity, and since when, by whom. */
    public record Consent(long memberId, boolean publicity, Source source, String changedBy, Instant changedAt) {
    }

    public Optional<Consent> of(long memberId) {
        return jdbc.sql("select member_id, publicity, source, changed_by, changed_at from notifications.consent where member_id = ?")
                .param(memberId)
                .query((rs, n) -> new Consent(rs.getLong(1), rs.getBoolean(2), Source.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).optional();
    }

    @Transactional
    public Consent record(long memberId, boolean publicity, Source source, String by) {
        Boolean before = of(memberId).map(Consent::publicity).orElse(null);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notifications.consent (member_id, publicity, source, changed_by, changed_at) values (?, ?, ?, ?, ?)
                on conflict (member_id) do update set publicity = excluded.publicity, source = excluded.source,
                       changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .params(memberId, publicity, source.name(), by, Timestamp.from(now)).update();
        if (!Boolean.valueOf(publicity).equals(before)) Audit.changed("member", memberId, "publicityConsent", before, publicity);
        return new Consent(memberId, publicity, source, by, now);
    }

    /** Whether a publicity message may go to this member at this number (either may be null). */
    boolean mayReceivePublicity(Long memberId, String phone) {
        if (memberId == null) return false;
        if (!consenting(List.of(memberId)).contains(memberId)) return false;
        return phone == null || optedOut(List.of(cipher.hash(phone))).isEmpty();
    }

    /** Of these members, those who consented to publicity. */
    Set<Long> consenting(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select member_id from notifications.consent where publicity and member_id = any(?)")
                .param(memberIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** Of these number hashes, those that replied TD. */
    Set<String> optedOut(Collection<byte[]> phoneHashes) {
        if (phoneHashes.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select encode(phone_hash, 'hex') from notifications.phone_opt_out where phone_hash = any(?)")
                .param(phoneHashes.toArray(byte[][]::new)).query(String.class).list());
    }

    static boolean isOptOut(String text) {
        return text != null && OPT_OUT_WORDS.contains(text.strip().toUpperCase(Locale.ROOT));
    }

    /** A TD reply: the number gets no more publicity, and members texted at it withdraw their consent. */
    @Transactional
    public void optOutByReply(String phone, Instant at) {
        byte[] hash = cipher.hash(phone);
        jdbc.sql("insert into notifications.phone_opt_out (phone_hash, opted_out_at) values (?, ?) on conflict do nothing")
                .params(hash, Timestamp.from(at)).update();
        List<Long> members = jdbc.sql("select distinct member_id from notifications.message where phone_hash = ? and member_id is not null")
                .param(hash).query(Long.class).list();
        for (long m : members) record(m, false, Source.SMS_REPLY, "短信回复TD");
        log.info("opt-out by reply recorded for {} member(s)", members.size());
    }
}
