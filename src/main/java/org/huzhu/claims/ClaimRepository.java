package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.GenericPlans;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Plain {@code @Component}: JdbcClient already translates SQL exceptions, so no exception-translating proxy is needed. */
@Component
class ClaimRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ComponentAmount>> COMPONENTS = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<Hint>> HINTS = new TypeReference<>() { };
    // readers made once: binding a tree through them skips the mapper's per-call type lookup and convertValue's re-serialising
    private static final ObjectReader COMPONENTS_READER = JSON.readerFor(COMPONENTS);
    private static final ObjectReader REASONS_READER = JSON.readerFor(REASONS);

    static final String COLUMNS = """
            id, member_id, unit_id, org_path, kind, incident_date, diagnoses_cipher, death, disability_grade, admission,
            discharge, expenses_total, expenses_fund_paid, expenses_self_paid, expenses_self_funded, claimed_items, status,
            review_level, first_approved_by, approved_total, submitted_on, materials_complete_on, closed_on, filed_by,
            created_at, version, on_file""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalDataCipher cipher;

    ClaimRepository(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
    }

    /**
     * One item's benefit as judged (and, after review, possibly adjusted with a coded reason, {@code adjustReason} being the
     * free text beside it; adjustments stored before the codes have text only).
     */
    record StoredBenefit(int position, String item, String plan, LocalDate coverageFrom, LocalDate coverageTo,
                         Decision decision, Money amount, List<ComponentAmount> components, List<Reason> reasons,
                         int allowanceDays, Money adjustedAmount, String adjustReason, String adjustedBy,
                         AdjustmentReason adjustReasonCode) {

        Money effectiveAmount() {
            return adjustedAmount != null ? adjustedAmount : amount;
        }
    }

    /** An item the member holds but did not claim, which this incident would pay. */
    record Hint(String item, String itemName, Money amount, String message, List<String> missingMaterials) {
    }

    record ReceiptRow(String invoiceCode, String invoiceNumber, boolean electronic, Money amount) {
    }

    record DocumentRow(long id, String kind, String fileName, String contentType, long size, String sha256,
                       String uploadedBy, Instant uploadedAt) {
    }

    // ---- the claim -----------------------------------------------------------------------

    /**
     * The new claim's id and creation time, and the documents filed with it as stored; receiptTaken is the position of the
     * first receipt another claim holds, else -1.
     */
    record Inserted(long id, Instant createdAt, int receiptTaken, List<DocumentRow> documents) {
    }

    /**
     * A new DRAFT claim with the estimate judged at filing, its receipts, its first timeline entry,
     * the estimate's benefits and the documents filed with it (encrypted already), in one statement. A receipt that another claim holds (its primary key)
     * is left out and reported in {@link Inserted#receiptTaken()}: the caller refuses the filing.
     */
    Inserted insert(Claim.Facts f, String filedBy, BigDecimal computedTotal, List<Hint> hints, List<ReceiptRow> receipts,
                    Claim.Event created, List<StoredBenefit> benefits, List<NewDocumentRow> documents) {
        HospitalStay stay = f.hospitalStay();
        Expenses e = f.expenses();
        List<Object> params = new ArrayList<>(List.of(f.memberId()));
        params.addAll(Arrays.asList(typed(Types.BIGINT, f.unitId()), f.orgPath(), f.kind().name(), typed(Types.DATE, f.incidentDate()),
                cipher.encrypt(JSON.writeValueAsString(f.diagnoses())), f.death(), typed(Types.INTEGER, f.disabilityGrade()),
                typed(Types.DATE, stay == null ? null : stay.admission()), typed(Types.DATE, stay == null ? null : stay.discharge()),
                typed(Types.NUMERIC, e == null ? null : e.total().amount()), typed(Types.NUMERIC, e == null ? null : e.fundPaid().amount()),
                typed(Types.NUMERIC, e == null ? null : e.selfPaid().amount()), typed(Types.NUMERIC, e == null ? null : e.selfFunded().amount()),
                typed(Types.VARCHAR, f.claimedItems() == null ? null : "{" + String.join(",", f.claimedItems()) + "}"), filedBy,
                typed(Types.NUMERIC, computedTotal), JSON.writeValueAsString(hints), f.onFile().toArray(String[]::new)));
        params.addAll(List.of(receipts.stream().map(ReceiptRow::invoiceCode).toArray(String[]::new),
                receipts.stream().map(ReceiptRow::invoiceNumber).toArray(String[]::new),
                receipts.stream().map(ReceiptRow::electronic).toArray(Boolean[]::new),
                receipts.stream().map(r -> r.amount().amount()).toArray(BigDecimal[]::new)));
        params.addAll(events(List.of(created)));
        params.addAll(benefitColumns(benefits));
        String withDocuments = "";
        String documentsAnswer = "";
        if (!documents.isEmpty()) {
            params.add(filedBy);
            withDocuments = ",\nd as (" + fill(DOCUMENTS_FROM, "c", documentValues(documents, params), "") + ")";
            documentsAnswer = ", array(select id from d order by id), (select min(uploaded_at) from d)";
        }
        Inserted inserted = jdbc.sql("""
                with c as (
                    insert into claims.claim (member_id, unit_id, org_path, kind, incident_date, diagnoses_cipher, death,
                        disability_grade, admission, discharge, expenses_total, expenses_fund_paid, expenses_self_paid,
                        expenses_self_funded, claimed_items, status, filed_by, computed_total, hints, on_file)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], 'DRAFT', ?, ?, ?::jsonb, ?::text[]) returning id, created_at),
                r as (
                    insert into claims.receipt (invoice_code, invoice_number, claim_id, position, electronic, amount)
                    select x.code, x.number, c.id, x.n - 1, x.electronic, x.amount
                      from c, unnest(?::text[], ?::text[], ?::boolean[], ?::numeric[]) with ordinality as x (code, number, electronic, amount, n)
                    on conflict do nothing returning position),
                e as (""" + fill(EVENTS_FROM, "c") + """
                ),
                b as (""" + fill(BENEFITS_FROM, "c") + """
                )""" + withDocuments + """

                select c.id, c.created_at, array(select position from r order by position)""" + documentsAnswer + " from c")
                .params(params)
                .query((rs, n) -> {
                    Integer[] held = (Integer[]) rs.getArray(3).getArray();
                    int taken = -1;
                    for (int i = 0; i < receipts.size() && taken < 0; i++) if (i >= held.length || held[i] != i) taken = i;
                    long id = rs.getLong(1);
                    return new Inserted(id, rs.getTimestamp(2).toInstant(), taken,
                            documents.isEmpty() ? List.of() : documentRows(documents, rs.getArray(4), rs.getTimestamp(5), filedBy));
                }).single();
        return inserted;
    }

    /**
     * A parameter that may be null, bound with the same type either way: the driver prepares a statement
     * for its parameters' types, and a null bound untyped after a typed value (or back) makes it parse and
     * plan the statement again.
     */
    private static SqlParameterValue typed(int sqlType, Object value) {
        return new SqlParameterValue(sqlType, value);
    }

    /** The claim's state columns as {@link #update} writes them, typed. */
    private static List<Object> state(Claim c) {
        return Arrays.asList(c.status().name(), typed(Types.VARCHAR, c.reviewLevel() == null ? null : c.reviewLevel().name()),
                typed(Types.VARCHAR, c.firstApprovedBy()), typed(Types.NUMERIC, c.approvedTotal()), typed(Types.DATE, c.submittedOn()),
                typed(Types.DATE, c.materialsCompleteOn()), typed(Types.DATE, c.closedOn()));
    }

    /** Inserts timeline entries, in order, for the claim whose id the CTE named by the placeholder returns (events(...) gives the parameters). */
    private static final String EVENTS_FROM = """
            insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason)
                    select %1$s.id, x.at, x.actor, x.from_status, x.to_status, x.reason
                      from %1$s, unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                           as x (at, actor, from_status, to_status, reason, n)
                     order by x.n""";

    private static List<Object> events(List<Claim.Event> events) {
        return List.of(events.stream().map(e -> e.at().toString()).toArray(String[]::new),
                events.stream().map(Claim.Event::actor).toArray(String[]::new),
                events.stream().map(e -> e.from() == null ? null : e.from().name()).toArray(String[]::new),
                events.stream().map(e -> e.to().name()).toArray(String[]::new),
                events.stream().map(Claim.Event::reason).toArray(String[]::new));
    }

    /** Inserts benefits for the claim whose id the CTE named by the placeholder returns (benefitColumns(...) gives the parameters). */
    private static final String BENEFITS_FROM = """
            insert into claims.benefit (claim_id, position, item, plan, coverage_from, coverage_to, decision, amount, components,
                        reasons, allowance_days)
                    select %1$s.id, x.position, x.item, x.plan, x.coverage_from, x.coverage_to, x.decision, x.amount, x.components::jsonb,
                           x.reasons::jsonb, x.allowance_days
                      from %1$s, unnest(?::int[], ?::text[], ?::text[], ?::date[], ?::date[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::int[])
                           as x (position, item, plan, coverage_from, coverage_to, decision, amount, components, reasons, allowance_days)""";

    private static List<Object> benefitColumns(List<StoredBenefit> benefits) {
        return List.of(benefits.stream().map(StoredBenefit::position).toArray(Integer[]::new),
                benefits.stream().map(StoredBenefit::item).toArray(String[]::new),
                benefits.stream().map(StoredBenefit::plan).toArray(String[]::new),
                benefits.stream().map(b -> b.coverageFrom().toString()).toArray(String[]::new),
                benefits.stream().map(b -> b.coverageTo().toString()).toArray(String[]::new),
                benefits.stream().map(b -> b.decision().name()).toArray(String[]::new),
                benefits.stream().map(b -> b.amount().amount()).toArray(BigDecimal[]::new),
                benefits.stream().map(b -> JSON.writeValueAsString(b.components())).toArray(String[]::new),
                benefits.stream().map(b -> JSON.writeValueAsString(b.reasons())).toArray(String[]::new),
                benefits.stream().map(StoredBenefit::allowanceDays).toArray(Integer[]::new));
    }

    /** The little of a claim that attaching a document needs: who may see it, its state, whether its materials are complete. */
    record Header(long id, long memberId, String orgPath, ClaimStatus status, LocalDate materialsCompleteOn) {
    }

    Optional<Claim> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from claims.claim where id = ?").param(id).query(this::claim).optional();
    }

    /** Writes the claim back if nobody changed it since it was read; false when someone did. */
    boolean update(Claim c) {
        List<Object> params = new ArrayList<>(state(c));
        params.addAll(List.of(c.id, c.version));
        int rows = jdbc.sql("""
                update claims.claim set status = ?, review_level = ?, first_approved_by = ?, approved_total = ?,
                    submitted_on = ?, materials_complete_on = ?, closed_on = ?, version = version + 1
                where id = ? and version = ?""")
                .params(params).update();
        return appendEventsIfUpdated(c, rows);
    }

    /**
     * As {@link #update(Claim)}, with a new judgement's computed total, hints and benefits, and the
     * claim's new timeline entries, in one statement (the claim must hold no benefits: {@link #deleteBenefits}).
     */
    boolean update(Claim c, BigDecimal computedTotal, List<Hint> hints, List<StoredBenefit> benefits) {
        Pipeline pipeline = new Pipeline();
        Supplier<Boolean> updated = update(c, computedTotal, hints, benefits, pipeline);
        send(pipeline);
        return updated.get();
    }

    /** As {@link #update(Claim, BigDecimal, List, List)}, as one statement of the caller's pipeline. */
    Supplier<Boolean> update(Claim c, BigDecimal computedTotal, List<Hint> hints, List<StoredBenefit> benefits, Pipeline pipeline) {
        List<Object> params = new ArrayList<>(state(c));
        params.addAll(List.of(typed(Types.NUMERIC, computedTotal), JSON.writeValueAsString(hints), c.id, c.version));
        params.addAll(events(c.newEvents()));
        params.addAll(benefitColumns(benefits));
        return pipeline.add("""
                with u as (
                    update claims.claim set status = ?, review_level = ?, first_approved_by = ?, approved_total = ?,
                        submitted_on = ?, materials_complete_on = ?, closed_on = ?, version = version + 1,
                        computed_total = ?, hints = ?::jsonb
                    where id = ? and version = ? returning id),
                e as (""" + fill(EVENTS_FROM, "u") + """
                ),
                b as (""" + fill(BENEFITS_FROM, "u") + """
                )
                select count(*) from u""", params, rs -> rs.next() && rs.getInt(1) == 1);
    }

    /** Sends a pipeline on the caller's transaction. */
    void send(Pipeline pipeline) {
        pipeline.send(batch);
    }

    private boolean appendEventsIfUpdated(Claim c, int rows) {
        if (rows == 1 && !c.newEvents().isEmpty()) {
            batch.batchUpdate("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)",
                    c.newEvents().stream().map(e -> new Object[] {c.id, Timestamp.from(e.at()), e.actor(),
                            e.from() == null ? null : e.from().name(), e.to().name(), e.reason()}).toList());
        }
        return rows == 1;
    }

    List<Claim.Event> events(long claimId) {
        return jdbc.sql("select at, actor, from_status, to_status, reason from claims.claim_event where claim_id = ? order by id")
                .param(claimId)
                .query((rs, n) -> new Claim.Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : ClaimStatus.valueOf(rs.getString(3)), ClaimStatus.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    record Listed(Claim claim, BigDecimal computedTotal) {
    }

    List<Listed> list(String scopePattern, Long onlyMember, ClaimStatus status, Long memberId, ReviewLevel level, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", computed_total from claims.claim where org_path like ?");
        List<Object> params = new java.util.ArrayList<>(List.of(scopePattern));
        if (onlyMember != null) {
            sql.append(" and member_id = ?");
            params.add(onlyMember);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (memberId != null) {
            sql.append(" and member_id = ?");
            params.add(memberId);
        }
        if (level != null) {
            sql.append(" and review_level = ?");
            params.add(level.name());
        }
        sql.append(" order by id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Listed(claim(rs, n), rs.getBigDecimal("computed_total"))).list();
    }

    // ---- deciding a claim ------------------------------------------------------------------

    /**
     * Takes the locks a money decision on a claim needs, in the order every decision takes them: its
     * member's decisions ({@link #lockMember}, taken as the row is read) and then the claim's row.
     * The select list is computed below the row locking: the advisory lock is held before the row lock is asked for.
     */
    private static final String LOCK_FOR_DECISION = """
            select pg_advisory_xact_lock(7412, ((c.member_id & 4294967295)
                                                - case when c.member_id & 2147483648 <> 0 then 4294967296 else 0 end)::int)
              from claims.claim c where c.id = ? for no key update of c""";

    /** A document and, once it is read, its reading (result still encrypted). */
    record DocumentAndReading(DocumentRow document, DocumentReadingRepository.Stored reading) {
    }

    /**
     * What deciding a claim reads, in one statement: the claim, whether its expenses were typed in,
     * its receipts, its timeline so far, its documents with their readings, and what the member's
     * other approved claims were paid ({@link #lockAndReadForDecision}).
     */
    record ForDecision(Claim claim, boolean expensesTyped, List<ReceiptRow> receipts, List<Claim.Event> events,
                       List<DocumentAndReading> documents, List<StoredBenefit> benefits, List<StoredBenefit> paidEarlier) {
    }

    /**
     * Takes the decision's locks ({@link #LOCK_FOR_DECISION}) and then reads what deciding the claim
     * needs, in one round trip: the statements go out together, and PostgreSQL binds the read
     * (taking its read-committed snapshot) only once the lock has run, i.e. once the locks are held,
     * so the read sees every reading and approval committed before they were granted. The
     * transaction's statements use their generic plans from here on ({@link GenericPlans}). Empty
     * when there is no such claim.
     */
    Optional<ForDecision> lockAndReadForDecision(long claimId) {
        String sql = GenericPlans.FOR_THIS_TRANSACTION + ";\n" + LOCK_FOR_DECISION + ";\n" + FOR_DECISION;
        return Optional.ofNullable(batch.execute(sql, (PreparedStatementCallback<ForDecision>) ps -> {
            ps.setLong(1, claimId);
            ps.setLong(2, claimId);
            ps.execute();   // the setting
            if (!ps.getMoreResults()) throw new IllegalStateException("the decision's lock did not answer");   // its row, if the claim exists
            if (!ps.getMoreResults()) throw new IllegalStateException("the decision's read did not answer");
            try (ResultSet rs = ps.getResultSet()) {
                return rs.next() ? forDecision(rs, 1) : null;
            }
        }));
    }

    private static final String BENEFIT_JSON = """
            json_build_object('position', b.position, 'item', b.item, 'plan', b.plan, 'from', b.coverage_from,
                              'to', b.coverage_to, 'decision', b.decision, 'amount', b.amount::text,
                              'components', b.components, 'reasons', b.reasons, 'days', b.allowance_days,
                              'adjusted', b.adjusted_amount::text, 'adjustReason', b.adjust_reason, 'adjustedBy', b.adjusted_by,
                              'adjustCode', b.adjust_reason_code)""";

    private static final String FOR_DECISION = "select " + COLUMNS + """
                , expenses_total is not null and coalesce(expenses_source, 'TYPED') = 'TYPED' as expenses_typed,
                  (select json_agg(json_build_object('code', r.invoice_code, 'number', r.invoice_number, 'electronic', r.electronic,
                                                     'amount', r.amount::text) order by r.position)
                     from claims.receipt r where r.claim_id = c.id)::text as receipts_json,
                  (select json_agg(json_build_object('at', e.at, 'actor', e.actor, 'from', e.from_status, 'to', e.to_status,
                                                     'reason', e.reason) order by e.id)
                     from claims.claim_event e where e.claim_id = c.id)::text as events_json,
                  (select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'fileName', d.file_name, 'contentType', d.content_type,
                                                     'size', d.size, 'sha256', d.sha256, 'uploadedBy', d.uploaded_by, 'uploadedAt', d.uploaded_at,
                                                     'outcome', r.outcome, 'documentType', r.document_type, 'source', r.source,
                                                     'result', encode(r.result_cipher, 'base64'), 'usedBy', r.used_by_claim_id,
                                                     'message', r.message) order by d.id)
                     from claims.document d
                     left join lateral (select * from claims.document_reading x where x.document_id = d.id offset 0) r on true
                    where d.claim_id = c.id)::text as documents_json,
                  (select json_agg(""" + BENEFIT_JSON + """
                   order by b.position) from claims.benefit b where b.claim_id = c.id)::text as benefits_json,
                  (select json_agg(""" + BENEFIT_JSON + """
                   ) from claims.claim o join claims.benefit b on b.claim_id = o.id
                    where o.member_id = c.member_id and o.id <> c.id and o.status in ('APPROVED', 'PAYMENT_PENDING', 'PAID'))::text as paid_json
                from claims.claim c where c.id = ?""";

    private ForDecision forDecision(ResultSet rs, int n) throws SQLException {
        return new ForDecision(claim(rs, n), rs.getBoolean("expenses_typed"),
                each(rs.getString("receipts_json"), j -> new ReceiptRow(j.path("code").asString(), j.path("number").asString(),
                        j.path("electronic").asBoolean(), Money.of(j.path("amount").asString()))),
                each(rs.getString("events_json"), j -> new Claim.Event(instant(j.path("at").asString()), j.path("actor").asString(),
                        status(j.path("from")), ClaimStatus.valueOf(j.path("to").asString()), text(j.path("reason")))),
                each(rs.getString("documents_json"), ClaimRepository::documentAndReading),
                each(rs.getString("benefits_json"), ClaimRepository::benefitOf),
                each(rs.getString("paid_json"), ClaimRepository::benefitOf));
    }

    private static <T> List<T> each(String jsonArray, java.util.function.Function<JsonNode, T> row) {
        if (jsonArray == null) return List.of();
        List<T> out = new ArrayList<>();
        for (JsonNode j : JSON.readTree(jsonArray)) out.add(row.apply(j));
        return out;
    }

    private static DocumentAndReading documentAndReading(JsonNode j) {
        var d = new DocumentRow(j.path("id").asLong(), j.path("kind").asString(), j.path("fileName").asString(),
                j.path("contentType").asString(), j.path("size").asLong(), j.path("sha256").asString(), j.path("uploadedBy").asString(),
                instant(j.path("uploadedAt").asString()));
        String outcome = text(j.path("outcome"));
        return new DocumentAndReading(d, outcome == null ? null : new DocumentReadingRepository.Stored(d.id(), outcome,
                text(j.path("documentType")), text(j.path("source")),
                j.path("result").isNull() || j.path("result").isMissingNode() ? null
                        : java.util.Base64.getMimeDecoder().decode(j.path("result").asString()),
                j.path("usedBy").isNull() || j.path("usedBy").isMissingNode() ? null : j.path("usedBy").asLong(), text(j.path("message"))));
    }


    private static StoredBenefit benefitOf(JsonNode j) {
        String adjusted = text(j.path("adjusted"));
        return new StoredBenefit(j.path("position").asInt(), j.path("item").asString(), j.path("plan").asString(),
                LocalDate.parse(j.path("from").asString()), LocalDate.parse(j.path("to").asString()),
                Decision.valueOf(j.path("decision").asString()), Money.of(j.path("amount").asString()),
                COMPONENTS_READER.readValue(j.path("components")), REASONS_READER.readValue(j.path("reasons")),
                j.path("days").asInt(), adjusted == null ? null : Money.of(adjusted), text(j.path("adjustReason")),
                text(j.path("adjustedBy")), adjustReason(text(j.path("adjustCode"))));
    }

    private static String text(JsonNode j) {
        return j.isNull() || j.isMissingNode() ? null : j.asString();
    }

    private static ClaimStatus status(JsonNode j) {
        String s = text(j);
        return s == null ? null : ClaimStatus.valueOf(s);
    }

    /**
     * A timestamptz as json renders it ({@code 2026-11-22T06:10:00.123456+00:00}), read by position: the decision's read
     * holds several a claim, and the general parser costs more than the rest of the row. Any other shape goes to it.
     */
    static Instant instant(String text) {
        int n = text.length();
        int zone = n - 6;
        if (n < 25 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(19) != '.' && zone != 19 || text.charAt(zone + 3) != ':'
                || text.charAt(zone) != '+' && text.charAt(zone) != '-') {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
        int nanos = 0;
        for (int i = 20, scale = 100_000_000; i < zone; i++, scale /= 10) nanos += digit(text, i) * scale;
        int offset = (digits(text, zone + 1, 2) * 60 + digits(text, zone + 4, 2)) * 60 * (text.charAt(zone) == '-' ? -1 : 1);
        long seconds = java.time.LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)).toEpochDay() * 86_400
                + digits(text, 11, 2) * 3_600L + digits(text, 14, 2) * 60L + digits(text, 17, 2) - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) value = value * 10 + digit(text, i);
        return value;
    }

    private static int digit(String text, int i) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') throw new java.time.format.DateTimeParseException("not a timestamp", text, i);
        return c - '0';
    }

    // ---- benefits and hints ----------------------------------------------------------------

    /**
     * Serialises the money decisions of one member (submission and final approval) for the rest of
     * the transaction, so that two claims never both spend what is left of the same cap.
     */
    void lockMember(long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(7412, ?)").param((int) memberId).query(rs -> { });
    }

    /**
     * A fresh judgement found before a final approval: its benefits replace the old ones, adjustments included, so a
     * first approval given to figures that no longer stand lapses ({@code lapsed}, its timeline entry, when there was
     * one) and the claim goes to the level the fresh total calls for.
     */
    void saveJudgement(long claimId, List<StoredBenefit> benefits, BigDecimal computedTotal, List<Hint> hints, ReviewLevel level,
                       Claim.Event lapsed) {
        replaceBenefits(claimId, benefits);
        jdbc.sql("""
                update claims.claim set computed_total = ?, hints = ?::jsonb, review_level = ?, first_approved_by = null,
                       version = version + 1
                 where id = ?""")
                .params(computedTotal, JSON.writeValueAsString(hints), level.name(), claimId).update();
        if (lapsed != null) {
            jdbc.sql("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                    .params(claimId, Timestamp.from(lapsed.at()), lapsed.actor(), lapsed.from().name(), lapsed.to().name(), lapsed.reason())
                    .update();
        }
    }

    /** The claim's claimed items replaced if nobody changed the claim since it was read at {@code version}. */
    boolean changeClaimedItems(long claimId, int version, List<String> items) {
        return jdbc.sql("update claims.claim set claimed_items = ?::text[], version = version + 1 where id = ? and version = ?")
                .params("{" + String.join(",", items) + "}", claimId, version).update() == 1;
    }

    /** The claim's diagnoses replaced (encrypted) if nobody changed the claim since it was read at {@code version}. */
    boolean changeDiagnoses(long claimId, int version, List<String> diagnoses) {
        return jdbc.sql("update claims.claim set diagnoses_cipher = ?, version = version + 1 where id = ? and version = ?")
                .params(cipher.encrypt(JSON.writeValueAsString(diagnoses)), claimId, version).update() == 1;
    }

    void replaceBenefits(long claimId, List<StoredBenefit> benefits) {
        deleteBenefits(claimId);
        insertBenefits(claimId, benefits);
    }

    void deleteBenefits(long claimId) {
        jdbc.sql("delete from claims.benefit where claim_id = ?").param(claimId).update();
    }

    /** The benefits of a claim that has none yet, in one round trip. */
    void insertBenefits(long claimId, List<StoredBenefit> benefits) {
        batch.batchUpdate("""
                insert into claims.benefit (claim_id, position, item, plan, coverage_from, coverage_to, decision, amount,
                    components, reasons, allowance_days)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                benefits.stream().map(b -> new Object[] {claimId, b.position(), b.item(), b.plan(), b.coverageFrom(), b.coverageTo(),
                        b.decision().name(), b.amount().amount(), JSON.writeValueAsString(b.components()),
                        JSON.writeValueAsString(b.reasons()), b.allowanceDays()}).toList());
    }

    List<StoredBenefit> benefits(long claimId) {
        return jdbc.sql("select * from claims.benefit where claim_id = ? order by position").param(claimId)
                .query(ClaimRepository::benefit).list();
    }

    /** Writes the figures of the items a review changed, in one round trip; an item back at its computed amount loses its adjustment. */
    void adjust(long claimId, List<ApprovedFigures.Figure> figures) {
        if (figures.isEmpty()) return;
        batch.batchUpdate("""
                update claims.benefit set adjusted_amount = ?, adjust_reason_code = ?, adjust_reason = ?, adjusted_by = ?
                 where claim_id = ? and position = ?""",
                figures.stream().map(f -> new Object[] {f.adjusted() ? f.amount().amount() : null,
                        f.adjusted() ? f.reason().name() : null, f.adjusted() ? f.note() : null, f.adjusted() ? f.by() : null,
                        claimId, f.position()}).toList());
    }

    List<Hint> hints(long claimId) {
        String json = jdbc.sql("select hints::text from claims.claim where id = ?").param(claimId).query(String.class).single();
        return JSON.readValue(json, HINTS);
    }

    /**
     * What the member's earlier claims that were approved (or are being or were paid) paid for this
     * item in the coverage period starting {@code coverageFrom}.
     */
    List<StoredBenefit> paidEarlier(long memberId, long exceptClaim) {
        return jdbc.sql("""
                select b.* from claims.benefit b join claims.claim c on c.id = b.claim_id
                where c.member_id = ? and c.id <> ? and c.status in ('APPROVED', 'PAYMENT_PENDING', 'PAID')""")
                .params(memberId, exceptClaim).query(ClaimRepository::benefit).list();
    }

    // ---- receipts --------------------------------------------------------------------------

    List<ReceiptRow> receipts(long claimId) {
        return jdbc.sql("select invoice_code, invoice_number, electronic, amount from claims.receipt where claim_id = ? order by position")
                .param(claimId)
                .query((rs, n) -> new ReceiptRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), new Money(rs.getBigDecimal(4))))
                .list();
    }

    // ---- documents -------------------------------------------------------------------------

    /** A document to store: its content already encrypted. */
    record NewDocumentRow(String kind, String fileName, String contentType, long size, String sha256, byte[] contentCipher) {
    }

    /** What attaching documents found of the claim, and the documents it stored (none when the claim is closed). */
    record Attached(Header claim, List<DocumentRow> documents) {
    }

    /**
     * Stores documents of one claim in one statement with the reading of the claim's header, unless
     * the claim is closed (PAID or REJECTED); answers them in the order given. Empty when there is no
     * such claim. The caller checks who may see the claim and rolls back if they may not.
     */
    Optional<Attached> insertDocumentsIfOpen(long claimId, List<NewDocumentRow> documents, String by) {
        List<Object> params = new ArrayList<>(List.of(claimId, by));
        String values = documentValues(documents, params);
        return jdbc.sql("""
                with h as (select id, member_id, org_path, status, materials_complete_on from claims.claim where id = ?),
                d as (""" + fill(DOCUMENTS_FROM, "h", values, "where h.status not in ('PAID', 'REJECTED')") + """
                )
                select h.member_id, h.org_path, h.status, h.materials_complete_on, array(select id from d order by id),
                       (select min(uploaded_at) from d)
                  from h""")
                .params(params)
                .query((rs, n) -> new Attached(new Header(claimId, rs.getLong(1), rs.getString(2), ClaimStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)), documentRows(documents, rs.getArray(5), rs.getTimestamp(6), by)))
                .optional();
    }

    /**
     * Stores the documents an appeal brings, whatever the claim's state (an appeal reopens a closed claim's file), in the
     * order given; the caller has checked the claim and the documents.
     */
    List<DocumentRow> insertAppealDocuments(long claimId, List<NewDocumentRow> documents, String by) {
        List<Object> params = new ArrayList<>(List.of(claimId, by));
        String values = documentValues(documents, params);
        return jdbc.sql("with h as (select id from claims.claim where id = ?),\nd as (" + fill(DOCUMENTS_FROM, "h", values, "")
                        + ")\nselect array(select id from d order by id), (select min(uploaded_at) from d)")
                .params(params)
                .query((rs, n) -> documentRows(documents, rs.getArray(1), rs.getTimestamp(2), by)).single();
    }

    /**
     * Inserts documents, in the order given, for the claim whose id the CTE named by the first placeholder returns; the
     * second is the rows' VALUES ({@link #documentValues}), the third a WHERE clause or nothing; the uploader's parameter
     * comes before the rows'. Returns id and uploaded_at.
     */
    private static final String DOCUMENTS_FROM = """
            insert into claims.document (claim_id, kind, file_name, content_type, size, sha256, content_cipher, uploaded_by)
                    select %1$s.id, v.kind, v.file_name, v.content_type, v.size, v.sha256, v.content_cipher, ?
                      from %1$s, (values %2$s) as v (n, kind, file_name, content_type, size, sha256, content_cipher)
                     %3$s
                     order by v.n
                    returning id, uploaded_at""";

    /** A statement template with its {@code %n$s} parts filled in, as {@code formatted} would, without a format parser. */
    private static String fill(String template, String... parts) {
        String sql = template;
        for (int i = 0; i < parts.length; i++) sql = sql.replace("%" + (i + 1) + "$s", parts[i]);
        return sql;
    }

    /** The VALUES rows of {@link #DOCUMENTS_FROM}, their parameters added to {@code params}. */
    private static String documentValues(List<NewDocumentRow> documents, List<Object> params) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            NewDocumentRow d = documents.get(i);
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ?, ?, ?, ?::bigint, ?, ?::bytea)");
            params.addAll(Arrays.asList(d.kind(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.contentCipher()));
        }
        return values.toString();
    }

    /** The documents as stored, from the ids (in the order given) and upload time the insert answered. */
    private static List<DocumentRow> documentRows(List<NewDocumentRow> documents, Array ids, Timestamp at, String by) throws SQLException {
        Long[] stored = (Long[]) ids.getArray();
        List<DocumentRow> rows = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            NewDocumentRow d = documents.get(i);
            rows.add(new DocumentRow(stored[i], d.kind(), d.fileName(), d.contentType(), d.size(), d.sha256(), by, at.toInstant()));
        }
        return rows;
    }

    List<DocumentRow> documents(long claimId) {
        return jdbc.sql("""
                select id, kind, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                from claims.document where claim_id = ? order by id""").param(claimId)
                .query((rs, n) -> new DocumentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    Set<String> documentKinds(long claimId) {
        return new TreeSet<>(jdbc.sql("select distinct kind from claims.document where claim_id = ?").param(claimId)
                .query(String.class).list());
    }

    Optional<byte[]> documentContent(long claimId, long documentId) {
        return jdbc.sql("select content_cipher from claims.document where claim_id = ? and id = ?").params(claimId, documentId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    // ---- mapping ---------------------------------------------------------------------------

    Claim claim(ResultSet rs, int n) throws SQLException {
        LocalDate admission = rs.getObject("admission", LocalDate.class);
        BigDecimal total = rs.getBigDecimal("expenses_total");
        Expenses expenses = total == null ? null : new Expenses(new Money(total), new Money(rs.getBigDecimal("expenses_fund_paid")),
                new Money(rs.getBigDecimal("expenses_self_paid")), new Money(rs.getBigDecimal("expenses_self_funded")));
        Array items = rs.getArray("claimed_items");
        byte[] diagnoses = rs.getBytes("diagnoses_cipher");
        var facts = new Claim.Facts(rs.getLong("member_id"), rs.getObject("unit_id", Long.class), rs.getString("org_path"),
                IncidentKind.valueOf(rs.getString("kind")), rs.getObject("incident_date", LocalDate.class),
                diagnoses == null ? List.of() : JSON.readValue(cipher.decrypt(diagnoses), STRINGS), rs.getBoolean("death"),
                rs.getObject("disability_grade", Integer.class),
                admission == null ? null : new HospitalStay(admission, rs.getObject("discharge", LocalDate.class)), expenses,
                items == null ? null : Arrays.asList((String[]) items.getArray()), Arrays.asList((String[]) rs.getArray("on_file").getArray()));
        String level = rs.getString("review_level");
        return new Claim(rs.getLong("id"), facts, rs.getString("filed_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"), ClaimStatus.valueOf(rs.getString("status")), level == null ? null : ReviewLevel.valueOf(level),
                rs.getString("first_approved_by"), rs.getBigDecimal("approved_total"), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("materials_complete_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class));
    }

    private static StoredBenefit benefit(ResultSet rs, int n) throws SQLException {
        BigDecimal adjusted = rs.getBigDecimal("adjusted_amount");
        return new StoredBenefit(rs.getInt("position"), rs.getString("item"), rs.getString("plan"),
                rs.getObject("coverage_from", LocalDate.class), rs.getObject("coverage_to", LocalDate.class),
                Decision.valueOf(rs.getString("decision")), new Money(rs.getBigDecimal("amount")),
                JSON.readValue(rs.getString("components"), COMPONENTS), JSON.readValue(rs.getString("reasons"), REASONS),
                rs.getInt("allowance_days"), adjusted == null ? null : new Money(adjusted), rs.getString("adjust_reason"),
                rs.getString("adjusted_by"), adjustReason(rs.getString("adjust_reason_code")));
    }

    private static AdjustmentReason adjustReason(String code) {
        return code == null ? null : AdjustmentReason.valueOf(code);
    }
}
