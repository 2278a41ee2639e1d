package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who to chase for renewal: cover expiring in the next days (not renewed by a paid, chained cover) and lapsed
 * cover (ended, not renewed), one row per worker and item. Per unit (a unit the caller sees) or per office (a
 * node of the tree the caller sees; by default the caller's whole scope): out of scope answers 404.
 */
@Service
public class CoverLists {

    public enum Kind { EXPIRING, LAPSED }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CoverLists(JdbcClient jdbc, Organisations organisations, Catalogue catalogue, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Row(long memberId, String name, String idMasked, Long unitId, String unitName, String item, String itemName,
                      LocalDate coverTo, long days) {
    }

    /** {@code total} rows matching; {@code byItem}: how many per item (all items, before the item filter). */
    public record Page(String kind, LocalDate from, LocalDate to, long total, Map<String, Long> byItem, Map<String, String> itemNames,
                       List<Row> rows) {
    }

    public record Query(Kind kind, Long unitId, Long orgId, String item, int days, int limit, int offset) {
    }

    public Page list(Query q, CurrentUser user) {
        Window w = window(q, user);
        Map<String, Long> byItem = new LinkedHashMap<>();
        jdbc.sql("with rows as (" + ROWS + ") select item, count(*) from rows group by item order by item").params(w.params())
                .query(rs -> {
                    byItem.put(rs.getString(1), rs.getLong(2));
                });
        long total = w.item() == null ? byItem.values().stream().mapToLong(Long::longValue).sum() : byItem.getOrDefault(w.item(), 0L);
        Map<String, Object> paged = new HashMap<>(w.params());
        paged.put("limit", q.limit());
        paged.put("offset", q.offset());
        RowMapper<Row> row = rowMapper(w);
        List<Row> rows = jdbc.sql(LISTED + " limit :limit offset :offset").params(paged).query(row).list();
        Map<String, String> names = new LinkedHashMap<>();
        byItem.keySet().forEach(code -> names.put(code, w.terms().item(code).map(CatalogueVersion.Item::name).orElse(code)));
        return new Page(q.kind().name(), w.from(), w.to(), total, byItem, names, rows);
    }

    /**
     * Every row of the list for the query's filters (its paging aside), in its order, each with the member's ID number
     * in clear when {@code unmasked}, handed over as it is read when the answer runs: the list's 导出Excel. The unit or
     * office asked for is checked now (out of scope: 404).
     */
    Consumer<BiConsumer<Row, String>> reader(Query q, CurrentUser user, boolean unmasked, RowStream stream) {
        Window w = window(q, user);
        RowMapper<Row> row = rowMapper(w);
        String sql = unmasked ? LISTED.replace("m.id_masked,", "m.id_masked, m.id_cipher,") : LISTED;
        return sink -> stream.each(sql, w.params(), rs -> sink.accept(row.mapRow(rs, 0),
                unmasked ? cipher.decrypt(rs.getBytes("id_cipher")) : null));
    }

    /** The dates, place and item a query asks about, as the rows' parameters, with the terms naming the items. */
    private record Window(LocalDate today, LocalDate from, LocalDate to, String item, CatalogueVersion terms, Map<String, Object> params) {
    }

    private Window window(Query q, CurrentUser user) {
        Long unitId = null;
        String path = user.scopePath();
        if (q.unitId() != null) {
            Unit unit = organisations.visibleUnit(q.unitId(), user);
            unitId = unit.id();
            path = unit.path();
        } else if (q.orgId() != null) {
            path = organisations.visibleNode(q.orgId(), user).path();
        } else if (user.unitId() != null) {
            unitId = user.unitId();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = q.kind() == Kind.EXPIRING ? today : today.minusDays(q.days());
        LocalDate to = q.kind() == Kind.EXPIRING ? today.plusDays(q.days()) : today.minusDays(1);
        String item = q.item() == null || q.item().isBlank() ? null : q.item().strip();
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unitId);
        params.put("path", path);
        params.put("from", from);
        params.put("to", to);
        params.put("item", item);
        return new Window(today, from, to, item, catalogue.activeOn(today), params);
    }

    private RowMapper<Row> rowMapper(Window w) {
        Map<Long, String> unitNames = new HashMap<>();
        return (rs, n) -> {
            Long u = rs.getObject("unit_id", Long.class);
            String code = rs.getString("item");
            LocalDate coverTo = rs.getObject("cover_to", LocalDate.class);
            return new Row(rs.getLong("member_id"), rs.getString("name"), rs.getString("id_masked"), u,
                    u == null ? null : unitNames.computeIfAbsent(u, k -> organisations.unit(k).map(Unit::name).orElse(null)),
                    code, w.terms().item(code).map(CatalogueVersion.Item::name).orElse(code), coverTo,
                    Math.abs(java.time.temporal.ChronoUnit.DAYS.between(w.today(), coverTo)));
        };
    }

    /** Items in force ending in [from, to], in the unit or under the path, that no later paid cover of the item follows. */
    private static final String ROWS = """
            select e.member_id, e.unit_id, c->>'item' as item, max((c->>'to')::date) as cover_to
              from membership.enrolment e cross join lateral json_array_elements(e.coverages) c
             where e.status = 'IN_FORCE' and e.coverage_to >= :from and e.coverage_from <= :to
               and (cast(:unit as bigint) is null and e.org_path like :path || '%' or e.unit_id = :unit)
               and (c->>'to')::date between :from and :to
               and not exists (select 1 from membership.member d where d.id = e.member_id and d.died_on is not null)
               and not exists (select 1 from membership.enrolment r cross join lateral json_array_elements(r.coverages) rc
                                where r.member_id = e.member_id and r.status = 'IN_FORCE' and r.coverage_to > :from
                                  and rc->>'item' = c->>'item' and (rc->>'to')::date > (c->>'to')::date)
             group by e.member_id, e.unit_id, c->>'item'""";

    /** The rows with the member's name, filtered by item, in the list's order. */
    private static final String LISTED = "with rows as (" + ROWS + """
            ) select r.member_id, m.name, m.id_masked, r.unit_id, r.item, r.cover_to from rows r
                join membership.member m on m.id = r.member_id
               where cast(:item as text) is null or r.item = :item
               order by r.cover_to, r.member_id, r.item""";
}
