package org.huzhu.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The yearly number of gift covers an office may give, and the claims counted against it. A claim counts against
 * every office above the worker that has a quota for the year; the quota rows are locked while a claim is made,
 * so concurrent claims never give more than the places.
 */
@Repository
class GiftCoverQuotas {

    private final JdbcClient jdbc;

    GiftCoverQuotas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An office's quota for a year, with its path and how many gifts were claimed under it. */
    record Quota(long nodeId, String path, int quota, long used) {
        long left() {
            return Math.max(0, quota - used);
        }
    }

    /** The quotas of the offices on {@code orgPath} ({@code /1/5/12/}) for the year; locked when {@code lock}. */
    List<Quota> onPath(String orgPath, int year, boolean lock) {
        List<Quota> found = new ArrayList<>();
        List<String> paths = ancestorPaths(orgPath);
        List<Long> ids = paths.stream().map(GiftCoverQuotas::lastId).toList();
        var rows = jdbc.sql("select node_id, quota from membership.gift_quota where node_id = any(?) and year = ?"
                        + (lock ? " order by node_id for update" : ""))
                .params(ids.toArray(Long[]::new), year)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getInt(2)}).list();
        for (long[] row : rows) {
            String path = paths.get(ids.indexOf(row[0]));
            long used = jdbc.sql("select count(*) from membership.gift_claim where year = ? and org_path like ?")
                    .params(year, path + "%").query(Long.class).single();
            found.add(new Quota(row[0], path, (int) row[1], used));
        }
        return found;
    }

    boolean claimed(long memberId, int year) {
        return jdbc.sql("select count(*) from membership.gift_claim where member_id = ? and year = ?")
                .params(memberId, year).query(Long.class).single() > 0;
    }

    void recordClaim(long memberId, int year, long enrolmentId, String orgPath, GiftCovers.WorkKind kind, Instant at) {
        jdbc.sql("""
                insert into membership.gift_claim (member_id, year, enrolment_id, org_path, work_kind, claimed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(memberId, year, enrolmentId, orgPath, kind.name(), java.sql.Timestamp.from(at)).update();
    }

    void set(long nodeId, int year, int quota) {
        jdbc.sql("""
                insert into membership.gift_quota (node_id, year, quota) values (?, ?, ?)
                on conflict (node_id, year) do update set quota = excluded.quota""")
                .params(nodeId, year, quota).update();
    }

    /** The offices' paths on a member's path: {@code /1/5/12/u34/} → {@code /1/}, {@code /1/5/}, {@code /1/5/12/}. */
    static List<String> ancestorPaths(String orgPath) {
        List<String> paths = new ArrayList<>();
        if (orgPath == null) return paths;
        int at = orgPath.indexOf('/', 1);
        while (at > 0) {
            String path = orgPath.substring(0, at + 1);
            if (!Character.isDigit(path.charAt(path.lastIndexOf('/', at - 1) + 1))) break;
            paths.add(path);
            at = orgPath.indexOf('/', at + 1);
        }
        return paths;
    }

    private static long lastId(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        return Long.parseLong(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }
}
