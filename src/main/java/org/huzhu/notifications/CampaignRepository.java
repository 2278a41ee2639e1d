package org.huzhu.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns as created, and what became of their texts (read from the outbox by campaign). */
@Repository
class CampaignRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign as stored: its segment, and who it reached or left out at creation. */
    record Stored(long id, String name, String templateCode, int templateVersion, Segment segment, String audienceName, String scopePath,
                  String createdBy, Instant createdAt, Recipients.Counts counts) {
    }

    /** Serialises campaigns of one person and request key: a repeated request waits for the first, then finds it. */
    void lock(String username, String requestKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('notifications.campaign'), hashtext(? || '|' || ?))")
                .params(username, requestKey).query().singleRow();
    }

    Optional<Long> idByRequest(String username, String requestKey) {
        return jdbc.sql("select id from notifications.campaign where created_by = ? and request_key = ?")
                .params(username, requestKey).query(Long.class).optional();
    }

    long insert(Stored c, String requestKey) {
        Recipients.Counts n = c.counts();
        return jdbc.sql("""
                insert into notifications.campaign (name, template_code, template_version, segment, audience_name, scope_path, request_key,
                    created_by, created_at, matched, no_phone, no_consent, opted_out, excluded, queued)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.name(), c.templateCode(), c.templateVersion(), JSON.writeValueAsString(c.segment()), c.audienceName(),
                        c.scopePath(), requestKey, c.createdBy(), Timestamp.from(c.createdAt()), n.matched(), n.noPhone(), n.noConsent(),
                        n.optedOut(), n.excluded(), n.toSend())
                .query(Long.class).single();
    }

    private static final String SELECT = """
            select id, name, template_code, template_version, segment::text, audience_name, scope_path, created_by, created_at,
                   matched, no_phone, no_consent, opted_out, queued
              from notifications.campaign""";

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(CampaignRepository::stored).optional();
    }

    /** The campaigns chosen inside a part of the tree, newest first. */
    List<Stored> within(String scopePattern, int limit, int offset) {
        return jdbc.sql(SELECT + " where scope_path like ? order by id desc limit ? offset ?")
                .params(scopePattern, limit, offset).query(CampaignRepository::stored).list();
    }

    /**
     * Where a campaign's texts stand (SMS by status, in-app messages written) and how many of its
     * recipients' numbers replied TD after it was created.
     */
    record Progress(long waiting, long sent, long delivered, long failed, long expired, long inbox, long optedOutSince) {
        static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0);
    }

    Map<Long, Progress> progress(List<Long> campaignIds) {
        Map<Long, Progress> progress = new HashMap<>();
        if (campaignIds.isEmpty()) return progress;
        Long[] ids = campaignIds.toArray(Long[]::new);
        Map<Long, Long> optedOut = new HashMap<>();
        jdbc.sql("""
                select m.campaign_id, count(distinct m.phone_hash)
                  from notifications.message m
                  join notifications.campaign c on c.id = m.campaign_id
                  join notifications.phone_opt_out o on o.phone_hash = m.phone_hash
                 where m.campaign_id = any(?) and m.channel = 'SMS' and o.opted_out_at >= c.created_at
                 group by m.campaign_id""")
                .param(ids).query(rs -> {
                    optedOut.put(rs.getLong(1), rs.getLong(2));
                });
        jdbc.sql("""
                select campaign_id,
                       count(*) filter (where channel = 'SMS' and status in ('QUEUED', 'SENDING')),
                       count(*) filter (where channel = 'SMS' and status = 'SENT'),
                       count(*) filter (where channel = 'SMS' and status = 'DELIVERED'),
                       count(*) filter (where channel = 'SMS' and status = 'FAILED'),
                       count(*) filter (where channel = 'SMS' and status = 'EXPIRED'),
                       count(*) filter (where channel = 'INBOX')
                  from notifications.message where campaign_id = any(?) group by campaign_id""")
                .param(ids).query(rs -> {
                    long id = rs.getLong(1);
                    progress.put(id, new Progress(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            optedOut.getOrDefault(id, 0L)));
                });
        return progress;
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        int matched = rs.getInt("matched");
        return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("template_code"), rs.getInt("template_version"),
                JSON.readValue(rs.getString("segment"), Segment.class), rs.getString("audience_name"), rs.getString("scope_path"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                new Recipients.Counts(matched, rs.getInt("no_phone"), rs.getInt("no_consent"), rs.getInt("opted_out"), rs.getInt("queued")));
    }
}
