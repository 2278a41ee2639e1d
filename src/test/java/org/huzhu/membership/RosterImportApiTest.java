package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The roster import (contract §5) end to end over HTTP: upload, poll until the background job
 * ends, then check the answer against the domain rules and the database (members, enrolments,
 * ledger). Every test creates its own unit and its own workers, so it never depends on other
 * tests' data. Premiums are the catalogue's by hand: BASIC is 190.00 for a man, 215.00 for a
 * woman, per share; cover starts the day after payment and lasts a year (short accident: its
 * months).
 */
class RosterImportApiTest extends ApiTest {

    static final List<String> CHINESE_HEADERS = List.of("姓名", "身份证号码", "手机号码", "就业形态", "保障方案", "份数", "缴费日期");
    static final List<String> ENGLISH_HEADERS = List.of("name", "idNumber", "phone", "employmentForm", "plan", "shares", "paidOn");
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient RAW_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    DataSource dataSource;

    // ------------------------------------------------------------------ the scenarios

    /** A row expected to be rejected, under the column named. */
    private record Bad(Worker worker, String field) {
    }

    /** A row expected to be enrolled, with its premium worked out by hand. */
    private record Good(Worker worker, String premium) {
    }

    @Test
    void enrolsGoodRowsAndRejectsEachKindOfBadRowUnderItsRowAndColumn() {
        LocalDate today = today();
        String paid = today.minusDays(5).toString();
        List<Good> goods = List.of(
                new Good(Workers.man(paid, "BASIC", "1"), "190.00"),
                new Good(Workers.woman(today.minusDays(7).toString(), "BASIC", "2"), "430.00"),
                new Good(Workers.man(paid, "BASIC", "3").withForm("新就业形态"), "570.00"),
                new Good(Workers.woman(paid, "BASIC", "1").withPhone(""), "215.00"));
        String valid = Workers.idNumber(LocalDate.of(1988, 3, 4), true);
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        String impossibleBirth = Workers.withCheck(Workers.AREA + "19900230" + "123");
        List<Bad> bads = List.of(
                new Bad(Workers.man(paid, "BASIC", "1").withId(badCheck), "身份证号码"),
                new Bad(Workers.man(paid, "BASIC", "1").withId(impossibleBirth), "身份证号码"),
                new Bad(Workers.man(paid, "BASIC", "1").withPhone("12345"), "手机号码"),
                new Bad(Workers.man(paid, "BASIC", "1").withForm("临时工"), "就业形态"),
                new Bad(Workers.man(paid, "HOSPITAL+DENTAL", "1"), "保障方案"),
                new Bad(Workers.man(paid, "HOSPITAL+FEMALE_SPECIAL", "1"), "保障方案"),
                new Bad(Workers.man(paid, "BASIC", "0"), "份数"),
                new Bad(Workers.man(paid, "BASIC", "abc"), "份数"),
                new Bad(Workers.man(paid, "BASIC", "5"), "份数"),
                new Bad(Workers.man("2026/02/30", "BASIC", "1"), "缴费日期"),
                new Bad(Workers.man(today.plusDays(5).toString(), "BASIC", "1"), "缴费日期"),
                new Bad(Workers.man(paid, "BASIC", "1").withName(""), "姓名"),
                new Bad(Workers.man(paid, "BASIC", "1").withId(Workers.idNumber(LocalDate.of(1950, 5, 5), true)), "身份证号码"),
                new Bad(Workers.man(paid, "BASIC", "1").withId(Workers.idNumber(today.minusYears(15), true)), "身份证号码"));
        Good last = new Good(Workers.man(paid, "BASIC", "4"), "760.00");

        List<Worker> file = new ArrayList<>();
        goods.forEach(g -> file.add(g.worker()));
        bads.forEach(b -> file.add(b.worker()));
        file.add(last.worker());
        Map<Integer, Good> goodRows = new LinkedHashMap<>();
        for (int i = 0; i < goods.size(); i++) goodRows.put(i + 2, goods.get(i));
        goodRows.put(file.size() + 1, last);
        Map<Integer, String> badRows = new TreeMap<>();
        for (int i = 0; i < bads.size(); i++) badRows.put(goods.size() + i + 2, bads.get(i).field());

        long unitId = createUnit(goodRows.size());
        BigDecimal incomeBefore = trialBalanceCredit("4001");
        JsonNode result = runImport(unitId, "混合.csv", csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8));

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("rows").asInt()).isEqualTo(19);
        assertThat(result.get("accepted").asInt()).isEqualTo(5);
        assertThat(result.get("rejected").asInt()).isEqualTo(14);

        Map<Integer, Set<String>> fieldsByRow = new TreeMap<>();
        for (JsonNode error : result.get("errors")) {
            fieldsByRow.computeIfAbsent(error.get("row").asInt(), r -> new TreeSet<>()).add(error.get("field").asString());
            assertThat(error.get("message").asString()).as("error %s", error).containsPattern("\\p{IsHan}");
        }
        Map<Integer, Set<String>> expected = new TreeMap<>();
        badRows.forEach((row, field) -> expected.put(row, Set.of(field)));
        assertThat(fieldsByRow).isEqualTo(expected);
        assertThat(result.get("errorCount").asInt()).isEqualTo(result.get("errors").size());

        long importId = result.get("id").asLong();
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : goodRows.entrySet()) {
            Worker w = entry.getValue().worker();
            BigDecimal premium = new BigDecimal(entry.getValue().premium());
            total = total.add(premium);
            long memberId = onlyMemberOf(w.idNumber());
            List<Map<String, Object>> enrolments = enrolmentsOf(memberId);
            assertThat(enrolments).as("enrolments of row %d", entry.getKey()).hasSize(1);
            Map<String, Object> e = enrolments.getFirst();
            LocalDate from = LocalDate.parse(w.paidOn()).plusDays(1);
            assertThat((BigDecimal) e.get("premium")).as("premium of row %d", entry.getKey()).isEqualByComparingTo(premium);
            assertThat(e.get("coverage_from").toString()).isEqualTo(from.toString());
            assertThat(e.get("coverage_to").toString()).isEqualTo(from.plusYears(1).minusDays(1).toString());
            assertThat(((Number) e.get("roster_import_id")).longValue()).isEqualTo(importId);
            assertThat(((Number) e.get("roster_row")).intValue()).isEqualTo(entry.getKey());
            assertThat(((Number) e.get("unit_id")).longValue()).isEqualTo(unitId);
        }
        assertThat(jdbc.sql("select employment_form from membership.member where id = ?")
                .param(onlyMemberOf(goods.get(2).worker().idNumber())).query(String.class).single()).isEqualTo("NEW_FORM");

        assertThat(membersOfUnit(unitId)).isEqualTo(goodRows.size());
        for (Bad bad : bads) {
            IdNumber parsed = parseOrNull(bad.worker().idNumber());
            if (parsed != null) assertThat(membersWithId(parsed)).as("member for bad row %s", bad).isZero();
        }

        assertImportBooked(importId, 5);
        assertThat(trialBalanceCredit("4001").subtract(incomeBefore)).isEqualByComparingTo(total).isEqualByComparingTo("2165.00");

        Answer errors = get("demo-admin", "/api/v1/roster-imports/" + importId + "/errors");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.json().size()).isEqualTo(result.get("errorCount").asInt()).isGreaterThanOrEqualTo(14);
    }

    /**
     * Payment truth for the roster (issue 16): a row whose 缴费日期 lies more than 7 days back is enrolled awaiting
     * payment — no back-dated cover for someone who may already be ill — and named to the operator; its declaration
     * waits for finance, the uploader cannot confirm it, and once a second person confirms each day's money the rows
     * come into force from the day after the payment that completed the bill. A fresh row of the same file is covered at once.
     */
    @Test
    void rowsPaidMoreThanAWeekBackWaitForFinanceAndComeIntoForceWhenASecondPersonConfirms() {
        LocalDate today = today();
        Worker fresh = Workers.man(today.minusDays(2).toString(), "BASIC", "1");
        Worker thirtyDaysBack = Workers.woman(today.minusDays(30).toString(), "BASIC", "1");
        Worker twentyDaysBack = Workers.man(today.minusDays(20).toString(), "BASIC", "2");
        long unitId = createUnit(3);
        BigDecimal incomeBefore = trialBalanceCredit("4001");

        JsonNode result = runImport(unitId, "补报.csv", csv(CHINESE_HEADERS, List.of(fresh, thirtyDaysBack, twentyDaysBack), StandardCharsets.UTF_8));

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).isEqualTo(3);
        assertThat(result.get("rejected").asInt()).isZero();
        assertThat(result.get("awaitingFinance").asInt()).isEqualTo(2);
        JsonNode notes = result.get("awaitingFinanceRows");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(notes.get(0).get("name").asString()).isEqualTo(thirtyDaysBack.name());
        assertThat(notes.get(0).get("message").asString()).contains(today.minusDays(30).toString()).contains("财务");
        assertThat(notes.get(1).get("name").asString()).isEqualTo(twentyDaysBack.name());
        assertThat(result.get("errorCount").asInt()).isZero();

        Map<String, Object> covered = enrolmentsOf(onlyMemberOf(fresh.idNumber())).getFirst();
        assertThat(covered.get("status")).isEqualTo("IN_FORCE");
        assertThat(covered.get("coverage_from").toString()).isEqualTo(today.minusDays(1).toString());
        Map<Worker, Long> billOf = new LinkedHashMap<>();
        for (Worker waiting : List.of(thirtyDaysBack, twentyDaysBack)) {
            Map<String, Object> e = enrolmentsOf(onlyMemberOf(waiting.idNumber())).getFirst();
            assertThat(e.get("status")).as(waiting.name()).isEqualTo("AWAITING_PAYMENT");
            assertThat(e.get("coverage_from")).as(waiting.name()).isNull();
            billOf.put(waiting, ((Number) e.get("bill_id")).longValue());
        }
        assertThat(Set.copyOf(billOf.values())).as("a bill per declared day, apart from the fresh rows' bill").hasSize(2)
                .doesNotContain(((Number) covered.get("bill_id")).longValue());
        Map<Worker, String> premium = Map.of(thirtyDaysBack, "215.00", twentyDaysBack, "380.00");
        Map<Worker, LocalDate> declaredDay = Map.of(thirtyDaysBack, today.minusDays(30), twentyDaysBack, today.minusDays(20));
        List<Long> declarations = new ArrayList<>();
        for (var bill : billOf.entrySet()) {
            JsonNode pending = get("demo-finance", "/api/v1/payment-declarations?billId=" + bill.getValue()).json();
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).get("paidOn").asString()).isEqualTo(declaredDay.get(bill.getKey()).toString());
            assertThat(new BigDecimal(pending.get(0).get("amount").asString()))
                    .isEqualByComparingTo(unitsOwnPart(bill.getKey(), premium.get(bill.getKey())));
            assertThat(pending.get(0).get("declaredBy").asString()).isEqualTo("demo-admin");
            declarations.add(pending.get(0).get("id").asLong());
        }

        Answer byUploader = post("demo-admin", "/api/v1/payment-declarations/" + declarations.getFirst() + "/confirmation", "");
        assertThat(byUploader.status()).as(byUploader.body()).isEqualTo(409);
        for (long declaration : declarations.reversed()) {   // in any order: each day's money completes its own bill
            Answer confirmed = post("demo-finance", "/api/v1/payment-declarations/" + declaration + "/confirmation", "");
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        }

        for (Worker waiting : List.of(thirtyDaysBack, twentyDaysBack)) {
            Map<String, Object> e = enrolmentsOf(onlyMemberOf(waiting.idNumber())).getFirst();
            assertThat(e.get("status")).as(waiting.name()).isEqualTo("IN_FORCE");
            assertThat(e.get("coverage_from").toString()).as(waiting.name()).isEqualTo(declaredDay.get(waiting).plusDays(1).toString());
        }
        assertTrialBalanced();
        assertThat(trialBalanceCredit("4001").subtract(incomeBefore)).isEqualByComparingTo("785.00");
    }

    /** What the unit pays of a worker's premium (its part and the worker's; the union's subsidy apart), the premium checked by hand. */
    private BigDecimal unitsOwnPart(Worker worker, String premium) {
        Map<String, Object> e = enrolmentsOf(onlyMemberOf(worker.idNumber())).getFirst();
        BigDecimal unit = (BigDecimal) e.get("unit_pays");
        BigDecimal member = (BigDecimal) e.get("member_pays");
        assertThat(unit.add(member).add((BigDecimal) e.get("union_pays"))).isEqualByComparingTo(premium);
        assertThat(unit.add(member)).isPositive();
        return unit.add(member);
    }

    @Test
    void enrolsADuplicatedWorkerOnceAndNamesTheFirstRowOnTheSecond() {
        String paid = today().minusDays(3).toString();
        Worker twice = Workers.woman(paid, "BASIC", "1");
        List<Worker> file = List.of(twice, Workers.man(paid, "BASIC", "1"), twice.withName("重复者"), Workers.man(paid, "BASIC", "2"));
        long unitId = createUnit(3);

        JsonNode result = runImport(unitId, "dup.csv", csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8));

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).isEqualTo(3);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        JsonNode errors = result.get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("身份证号码");
        assertThat(errors.get(0).get("message").asString()).contains("第2行");

        long memberId = onlyMemberOf(twice.idNumber());
        assertThat(jdbc.sql("select name from membership.member where id = ?").param(memberId).query(String.class).single())
                .isEqualTo(twice.name());
        List<Map<String, Object>> enrolments = enrolmentsOf(memberId);
        assertThat(enrolments).hasSize(1);
        assertThat(((Number) enrolments.getFirst().get("roster_row")).intValue()).isEqualTo(2);
        assertThat((BigDecimal) enrolments.getFirst().get("premium")).isEqualByComparingTo("215.00");
        assertImportBooked(result.get("id").asLong(), 3);
    }

    @Test
    void uploadingTheSameFileAgainEnrolsNobodyTwiceAndBooksNothing() {
        String paid = today().minusDays(5).toString();
        List<Worker> file = List.of(Workers.man(paid, "BASIC", "1"), Workers.woman(paid, "BASIC", "1"), Workers.man(paid, "BASIC", "2"));
        byte[] content = csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8);
        long unitId = createUnit(3);
        JsonNode first = runImport(unitId, "roster.csv", content);
        assertThat(first.get("status").asString()).isEqualTo("DONE");
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        BigDecimal incomeBefore = trialBalanceCredit("4001");

        JsonNode again = runImport(unitId, "roster.csv", content);

        assertThat(again.get("status").asString()).isEqualTo("DONE");
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("rejected").asInt()).isZero();
        assertThat(again.get("alreadyEnrolled").asInt()).isEqualTo(3);
        assertThat(again.get("alreadyEnrolledRows")).allSatisfy(e -> assertThat(e.get("message").asString()).isEqualTo("已参保，未重复办理"));
        for (Worker w : file) assertThat(enrolmentsOf(onlyMemberOf(w.idNumber()))).hasSize(1);
        assertThat(jdbc.sql("""
                select count(*) from membership.enrolment e join membership.member m on m.id = e.member_id
                 where m.unit_id = ? group by e.member_id having count(*) > 1""").param(unitId).query(Long.class).list()).isEmpty();
        assertThat(membersOfUnit(unitId)).isEqualTo(3);
        assertTrialBalanced();
        assertThat(trialBalanceCredit("4001")).isEqualByComparingTo(incomeBefore);
        assertImportBooked(again.get("id").asLong(), 0);
    }

    @Test
    void twoConcurrentUploadsOfOneFileEnrolEachWorkerExactlyOnce() throws Exception {
        String paid = today().minusDays(7).toString();
        List<Worker> file = IntStream.range(0, 120).mapToObj(i -> i % 2 == 0 ? Workers.man(paid, "BASIC", "1")
                : Workers.woman(paid, "BASIC", "1")).toList();
        byte[] content = csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8);
        long unitId = createUnit(120);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Long> ids = new ArrayList<>();
        try {
            List<Future<Answer>> uploads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                uploads.add(threads.submit(() -> {
                    start.await();
                    return upload("demo-admin", "/api/v1/units/" + unitId + "/roster-imports", "file", "same.csv", content);
                }));
            }
            start.countDown();
            for (Future<Answer> f : uploads) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                assertThat(a.status()).as(a.body()).isEqualTo(202);
                ids.add(a.json().get("id").asLong());
            }
        } finally {
            threads.shutdownNow();
        }
        JsonNode one = awaitFinished(ids.get(0));
        JsonNode two = awaitFinished(ids.get(1));

        assertThat(List.of(one.get("status").asString(), two.get("status").asString())).containsOnly("DONE");
        assertThat(one.get("accepted").asInt() + two.get("accepted").asInt()).isEqualTo(120);
        assertThat(one.get("rejected").asInt() + two.get("rejected").asInt()
                + one.get("alreadyEnrolled").asInt() + two.get("alreadyEnrolled").asInt()).isEqualTo(120);
        for (Worker w : file) assertThat(enrolmentsOf(onlyMemberOf(w.idNumber()))).as(w.name()).hasSize(1);
        assertThat(membersOfUnit(unitId)).isEqualTo(120);
        assertImportBooked(ids.get(0), one.get("accepted").asInt());
        assertImportBooked(ids.get(1), two.get("accepted").asInt());
    }

    /**
     * A worker who changed jobs may be listed by two units importing at the same moment. Each
     * such worker is enrolled once, and the other rows of both files, which clash with nothing,
     * are all enrolled: a clash never holds back a good row (contract §5, "each row stands
     * alone"). To line the two imports up reliably the test holds, from its own connection,
     * the per-unit advisory locks the chunk writer takes first, until both imports wait on
     * them, then releases both at once; should the writer lock differently, the test is a
     * plain race and still only passes if nothing is lost.
     */
    @Test
    void twoUnitsImportingTheSameWorkersAtOnceEnrolEveryWorkerOnce() throws Exception {
        String paid = today().minusDays(7).toString();
        List<Worker> shared = IntStream.range(0, 60).mapToObj(i -> Workers.man(paid, "BASIC", "1")).toList();
        List<List<Worker>> files = new ArrayList<>();
        List<Worker> own = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            List<Worker> rows = new ArrayList<>();
            for (int i = 0, s = 0; i < 100; i++) {
                if (i % 5 < 3) {
                    rows.add(shared.get(s++));
                } else {
                    Worker w = Workers.woman(paid, "BASIC", "1");
                    own.add(w);
                    rows.add(w);
                }
            }
            files.add(rows);
        }
        List<Long> units = List.of(createUnit(100), createUnit(100));
        List<Long> ids = new ArrayList<>();
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(true);
            for (long unitId : units) {
                try (PreparedStatement lock = hold.prepareStatement("select pg_advisory_lock(7411, ?)")) {
                    lock.setInt(1, (int) unitId);
                    lock.executeQuery().close();
                }
            }
            for (int f = 0; f < 2; f++) ids.add(startImport(units.get(f), "moved.csv", csv(CHINESE_HEADERS, files.get(f), StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                    .query(Long.class).single() < 2) {
                Thread.sleep(20);
            }
            try (PreparedStatement unlock = hold.prepareStatement("select pg_advisory_unlock_all()")) {
                unlock.executeQuery().close();
            }
        }
        JsonNode one = awaitFinished(ids.get(0));
        JsonNode two = awaitFinished(ids.get(1));

        assertThat(List.of(one.get("status").asString(), two.get("status").asString()))
                .as("%s / %s", one.get("message"), two.get("message")).containsOnly("DONE");
        assertThat(one.get("accepted").asInt() + two.get("accepted").asInt()).isEqualTo(shared.size() + own.size());
        for (Worker w : shared) assertThat(enrolmentsOf(onlyMemberOf(w.idNumber()))).as(w.name()).hasSize(1);
        for (Worker w : own) assertThat(enrolmentsOf(onlyMemberOf(w.idNumber()))).as(w.name()).hasSize(1);
        assertImportBooked(ids.get(0), one.get("accepted").asInt());
        assertImportBooked(ids.get(1), two.get("accepted").asInt());
    }

    @Test
    void readsAGbkEncodedCsvWithChineseNames() {
        String paid = today().minusDays(2).toString();
        List<Worker> file = List.of(Workers.man(paid, "BASIC", "1").withName("欧阳锋"),
                Workers.woman(paid, "BASIC", "1").withName("黄蓉").withForm("新就业形态"),
                Workers.man(paid, "BASIC", "1").withName("郭靖"));
        byte[] content = csv(CHINESE_HEADERS, file, Charset.forName("GBK"));
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("欧阳锋"); // really not UTF-8
        long unitId = createUnit(3);

        JsonNode result = runImport(unitId, "gbk.csv", content);

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).isEqualTo(3);
        for (Worker w : file) {
            Answer member = get("demo-admin", "/api/v1/members/" + onlyMemberOf(w.idNumber()));
            assertThat(member.status()).isEqualTo(200);
            assertThat(member.field("name")).isEqualTo(w.name());
        }
        assertThat(get("demo-admin", "/api/v1/members/" + onlyMemberOf(file.get(1).idNumber())).field("employmentForm"))
                .isEqualTo("NEW_FORM");
    }

    @Test
    void acceptsEnglishHeadersInAnyOrderAndEveryPlanSpelling() {
        LocalDate paidOn = today().minusDays(4);
        String paid = paidOn.toString();
        Worker basic = Workers.man(paid, "BASIC", "1");
        Worker upgraded = Workers.woman(paid, "HOSPITAL+FEMALE_SPECIAL:UPG", "2");
        Worker shortTerm = Workers.man(paid, "SHORT_ACCIDENT:M3", "3");
        List<String> order = List.of("paidOn", "plan", "name", "shares", "IdNumber", "EMPLOYMENTFORM", "phone");
        long unitId = createUnit(3);

        JsonNode result = runImport(unitId, "english.csv", csv(order, List.of(basic, upgraded, shortTerm), StandardCharsets.UTF_8));

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).isEqualTo(3);
        LocalDate from = paidOn.plusDays(1);
        Map<String, Object> b = enrolmentsOf(onlyMemberOf(basic.idNumber())).getFirst();
        assertThat((BigDecimal) b.get("premium")).isEqualByComparingTo("190.00");
        assertThat(items(b)).isEqualTo(Map.of("HOSPITAL", "STD/1", "CRITICAL_ILLNESS", "A/1", "ACCIDENT", "STD/1"));

        Map<String, Object> u = enrolmentsOf(onlyMemberOf(upgraded.idNumber())).getFirst();
        assertThat((BigDecimal) u.get("premium")).isEqualByComparingTo("280.00"); // (100.00 + 40.00) × 2
        assertThat(items(u)).isEqualTo(Map.of("HOSPITAL", "STD/2", "FEMALE_SPECIAL", "UPG/2"));
        assertThat(u.get("coverage_to").toString()).isEqualTo(from.plusYears(1).minusDays(1).toString());

        Map<String, Object> s = enrolmentsOf(onlyMemberOf(shortTerm.idNumber())).getFirst();
        assertThat((BigDecimal) s.get("premium")).isEqualByComparingTo("36.00"); // 12.00 × 3
        assertThat(items(s)).isEqualTo(Map.of("SHORT_ACCIDENT", "M3/3"));
        assertThat(s.get("coverage_from").toString()).isEqualTo(from.toString());
        assertThat(s.get("coverage_to").toString()).isEqualTo(from.plusMonths(3).minusDays(1).toString());
        assertImportBooked(result.get("id").asLong(), 3);
    }

    @Test
    void importsAnXlsxWorkbookWithNumberAndDateCells() throws IOException {
        LocalDate paidOn = today().minusDays(6);
        List<Worker> workers = List.of(Workers.man(paidOn.toString(), "BASIC", "2"), Workers.woman(paidOn.toString(), "BASIC", "1"),
                Workers.man(paidOn.format(DateTimeFormatter.ofPattern("yyyy/M/d")), "HOSPITAL", "3"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "huzhu-test", "1.0");
        Worksheet ws = wb.newWorksheet("花名册");
        for (int c = 0; c < CHINESE_HEADERS.size(); c++) ws.value(0, c, CHINESE_HEADERS.get(c));
        for (int r = 1; r <= workers.size(); r++) {
            Worker w = workers.get(r - 1);
            ws.value(r, 0, w.name());
            ws.value(r, 1, w.idNumber());
            ws.value(r, 2, w.phone());
            ws.value(r, 3, w.form());
            ws.value(r, 4, w.plan());
            ws.value(r, 5, Integer.parseInt(w.shares()));
            if (r < workers.size()) {
                ws.value(r, 6, paidOn);
                ws.style(r, 6).format("yyyy-mm-dd").set();
            } else {
                ws.value(r, 6, w.paidOn()); // typed as text
            }
        }
        wb.finish();
        long unitId = createUnit(3);

        JsonNode result = runImport(unitId, "花名册.xlsx", out.toByteArray());

        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).as(result.toString()).isEqualTo(3);
        List<String> premiums = List.of("380.00", "215.00", "300.00");
        for (int i = 0; i < workers.size(); i++) {
            Map<String, Object> e = enrolmentsOf(onlyMemberOf(workers.get(i).idNumber())).getFirst();
            assertThat((BigDecimal) e.get("premium")).isEqualByComparingTo(premiums.get(i));
            assertThat(e.get("coverage_from").toString()).isEqualTo(paidOn.plusDays(1).toString());
        }
        assertImportBooked(result.get("id").asLong(), 3);
    }

    @ParameterizedTest(name = "headcount {0}, {1} valid rows: {2}")
    @MethodSource("participation")
    void holdsTheUnitToItsMinimumParticipation(int headcount, int validRows, String status, String shortfall) {
        String paid = today().minusDays(8).toString();
        List<Worker> file = IntStream.range(0, validRows).mapToObj(i -> Workers.man(paid, "BASIC", "1")).toList();
        long unitId = createUnit(headcount);

        JsonNode result = runImport(unitId, "participation.csv", csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8));

        assertThat(result.get("status").asString()).isEqualTo(status);
        long importId = result.get("id").asLong();
        if (status.equals("REJECTED")) {
            assertThat(result.get("message").asString()).contains("还需至少" + shortfall + "名");
            assertThat(result.get("accepted").asInt()).isZero();
            assertThat(membersOfUnit(unitId)).isZero();
            assertThat(enrolmentCount(importId)).isZero();
            for (Worker w : file) assertThat(membersWithId(IdNumber.parse(w.idNumber(), today()))).isZero();
        } else {
            assertThat(result.get("accepted").asInt()).isEqualTo(validRows);
            assertThat(membersOfUnit(unitId)).isEqualTo(validRows);
            assertImportBooked(importId, validRows);
        }
    }

    @Test
    void aFailedRosterImportLeavesNoFileOnDisk() {
        String paid = today().minusDays(8).toString();
        byte[] good = csv(CHINESE_HEADERS, List.of(Workers.man(paid, "BASIC", "1")), StandardCharsets.UTF_8);
        byte[] broken = (new String(good, StandardCharsets.UTF_8) + "x".repeat(40_000) + ",1\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode result = runImport(createUnit(1), "坏文件.csv", broken);

        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("FAILED");
        assertNoFileLeft(result.get("id").asLong());
    }

    @Test
    void aDoneOrRejectedRosterImportLeavesNoFileOnDisk() {
        String paid = today().minusDays(8).toString();
        JsonNode done = runImport(createUnit(1), "r.csv", csv(CHINESE_HEADERS, List.of(Workers.man(paid, "BASIC", "1")), StandardCharsets.UTF_8));
        JsonNode rejected = runImport(createUnit(100), "r.csv", csv(CHINESE_HEADERS, List.of(Workers.man(paid, "BASIC", "1")),
                StandardCharsets.UTF_8));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(rejected.get("status").asString()).as(rejected.toString()).isEqualTo("REJECTED");
        assertNoFileLeft(done.get("id").asLong());
        assertNoFileLeft(rejected.get("id").asLong());
    }

    @Autowired
    RosterImports rosterImports;

    @Test
    void filesLeftBehindByFinishedImportsAreDeletedAtStartup() throws IOException {
        JsonNode done = runImport(createUnit(1), "r.csv", csv(CHINESE_HEADERS, List.of(Workers.man(today().minusDays(8).toString(),
                "BASIC", "1")), StandardCharsets.UTF_8));
        Path leftover = Path.of(jdbc.sql("select file_path from membership.roster_import where id = ?").param(done.get("id").asLong())
                .query(String.class).single());
        Files.writeString(leftover, "姓名,身份证号码\n");

        rosterImports.deleteLeftoverFiles();

        assertThat(leftover).doesNotExist();
    }

    /**
     * The import's file is gone within {@link #FILE_GONE}: the job records the import's end first and deletes its file
     * after (a file left by a crash in between goes at the next start), so the status can say FAILED or DONE a moment
     * before the file is deleted — long enough to see under a busy CPU.
     */
    private void assertNoFileLeft(long importId) {
        Path file = Path.of(jdbc.sql("select file_path from membership.roster_import where id = ?").param(importId).query(String.class).single());
        long until = System.nanoTime() + FILE_GONE.toNanos();
        while (Files.exists(file) && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(file).as("roster file of import " + importId + " after " + FILE_GONE).doesNotExist();
    }

    private static final Duration FILE_GONE = Duration.ofSeconds(10);

    static Stream<Arguments> participation() {
        return Stream.of(
                Arguments.of(100, 40, "REJECTED", "10"),
                Arguments.of(20, 19, "REJECTED", "1"),
                Arguments.of(100, 50, "DONE", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void refusesAFileThatIsNotARosterWith422(String label, String fileName, byte[] content, String detail) {
        long unitId = createUnit(10);

        Answer answer = upload("demo-admin", "/api/v1/units/" + unitId + "/roster-imports", "file", fileName, content);

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.field("detail")).containsPattern("\\p{IsHan}").contains(detail);
        assertThat(importsOfUnit(unitId)).isZero();
    }

    static Stream<Arguments> unreadableFiles() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[4096];
        new Random(20261122L).nextBytes(random);
        byte[] noIdColumn = "姓名,手机号码,就业形态,保障方案,份数,缴费日期\n张三,13800000000,REGULAR,BASIC,1,2026-01-09\n"
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("empty file", "empty.csv", new byte[0], "空"),
                Arguments.of("PNG image", "photo.png", png, ""),
                Arguments.of("PDF document", "roster.pdf", pdf, ""),
                Arguments.of("random bytes", "noise.bin", random, ""),
                Arguments.of("CSV without 身份证号码", "no-id.csv", noIdColumn, "身份证号码"));
    }

    @Test
    void refusesAnUploadWithoutAFilePartWith400() {
        long unitId = createUnit(10);

        Answer answer = upload("demo-admin", "/api/v1/units/" + unitId + "/roster-imports", "document", "roster.csv",
                csv(CHINESE_HEADERS, List.of(Workers.man(today().toString(), "BASIC", "1")), StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(importsOfUnit(unitId)).isZero();
    }

    @Test
    void refusesAFileOverTheUploadLimitWith413() {
        long unitId = createUnit(10);
        byte[] header = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[9 * 1000 * 1000];
        Arrays.fill(content, (byte) 'a');
        System.arraycopy(header, 0, content, 0, header.length);

        Answer answer = upload("demo-admin", "/api/v1/units/" + unitId + "/roster-imports", "file", "huge.csv", content);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.field("detail")).containsPattern("\\p{IsHan}");
        assertThat(importsOfUnit(unitId)).isZero();
    }

    @Test
    void hidesAUnitOutsideTheCallersSubtreeAndRefusesMembers() {
        long wuhanUnit = createUnit(3);
        byte[] content = csv(CHINESE_HEADERS, List.of(Workers.man(today().toString(), "BASIC", "1")), StandardCharsets.UTF_8);

        Answer jingmen = upload("demo-jingmen", "/api/v1/units/" + wuhanUnit + "/roster-imports", "file", "r.csv", content);
        Answer member = upload("demo-member", "/api/v1/units/" + wuhanUnit + "/roster-imports", "file", "r.csv", content);

        assertThat(jingmen.status()).as(jingmen.body()).isEqualTo(404);
        assertThat(jingmen.contentType()).startsWith("application/problem+json");
        assertThat(member.status()).as(member.body()).isEqualTo(403);
        assertThat(importsOfUnit(wuhanUnit)).isZero();

        JsonNode done = runImport(wuhanUnit, "r.csv", csv(CHINESE_HEADERS, List.of(Workers.man(today().minusDays(1).toString(), "BASIC", "1"),
                Workers.man(today().minusDays(1).toString(), "BASIC", "1"), Workers.man(today().minusDays(1).toString(), "BASIC", "1")),
                StandardCharsets.UTF_8));
        long importId = done.get("id").asLong();
        assertThat(get("demo-jingmen", "/api/v1/roster-imports/" + importId).status()).isEqualTo(404);
        assertThat(get("demo-wuhan", "/api/v1/roster-imports/" + importId).status()).isEqualTo(200);
    }

    @Test
    void reportsPhaseAndProgressUntilEveryRowIsProcessed() {
        String paid = today().minusDays(9).toString();
        List<Worker> file = new ArrayList<>(IntStream.range(0, 111).mapToObj(i -> Workers.woman(paid, "BASIC", "1")).toList());
        file.add(Workers.woman(paid, "BASIC", "9"));
        long unitId = createUnit(111);

        long id = startImport(unitId, "progress.csv", csv(CHINESE_HEADERS, file, StandardCharsets.UTF_8));
        JsonNode first = get("demo-admin", "/api/v1/roster-imports/" + id).json();
        assertThat(first.has("phase")).isTrue();
        assertThat(first.has("processed")).isTrue();
        assertThat(first.get("phase").asString()).isIn("QUEUED", "VALIDATING", "ENROLLING", "FINISHED");
        JsonNode result = awaitFinished(id);

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("phase").asString()).isEqualTo("FINISHED");
        assertThat(result.get("rows").asInt()).isEqualTo(112);
        assertThat(result.get("processed").asInt()).isEqualTo(result.get("rows").asInt());
        assertThat(result.get("accepted").asInt()).isEqualTo(111);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(113);
        assertImportBooked(id, 111);
    }

    @Test
    void offersAnXlsxTemplateWithTheChineseHeaders() throws Exception {
        HttpResponse<byte[]> response = RAW_HTTP.send(HttpRequest.newBuilder(uri("/api/v1/roster-imports/template.xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-unit:demo-unit".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.body();
        assertThat(body).startsWith((byte) 'P', (byte) 'K');
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).isNotEmpty();
            Row header = rows.getFirst();
            List<String> cells = IntStream.range(0, header.getCellCount()).mapToObj(i -> header.getCellText(i)).filter(t -> !t.isBlank()).toList();
            assertThat(cells).containsExactlyElementsOf(CHINESE_HEADERS);
        }
    }

    // ------------------------------------------------------------------ fixtures and checks

    /** One roster row as typed into the file. */
    record Worker(String name, String idNumber, String phone, String form, String plan, String shares, String paidOn) {

        Worker withId(String value) {
            return new Worker(name, value, phone, form, plan, shares, paidOn);
        }

        Worker withName(String value) {
            return new Worker(value, idNumber, phone, form, plan, shares, paidOn);
        }

        Worker withPhone(String value) {
            return new Worker(name, idNumber, value, form, plan, shares, paidOn);
        }

        Worker withForm(String value) {
            return new Worker(name, idNumber, phone, value, plan, shares, paidOn);
        }

        String cell(String column) {
            return switch (column.toLowerCase()) {
                case "姓名", "name" -> name;
                case "身份证号码", "idnumber" -> idNumber;
                case "手机号码", "phone" -> phone;
                case "就业形态", "employmentform" -> form;
                case "保障方案", "plan" -> plan;
                case "份数", "shares" -> shares;
                case "缴费日期", "paidon" -> paidOn;
                default -> throw new IllegalArgumentException(column);
            };
        }
    }

    /**
     * Workers with ID numbers unique in the test run: a random area code of the 湖北 province
     * code 42 chosen once per run, birth dates spread over 1970–1994, and a per-birth-date
     * sequence whose parity gives the sex.
     */
    static final class Workers {

        static final String AREA = "42" + (9000 + ThreadLocalRandom.current().nextInt(1000));
        private static final AtomicInteger COUNTER = new AtomicInteger();
        private static final Map<LocalDate, AtomicInteger> SEQUENCES = new ConcurrentHashMap<>();
        private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
        private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅";

        private Workers() {
        }

        static Worker man(String paidOn, String plan, String shares) {
            return worker(true, paidOn, plan, shares);
        }

        static Worker woman(String paidOn, String plan, String shares) {
            return worker(false, paidOn, plan, shares);
        }

        static Worker worker(boolean male, String paidOn, String plan, String shares) {
            int n = COUNTER.getAndIncrement();
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 9000);
            String name = "" + SURNAMES.charAt(n % SURNAMES.length()) + GIVEN.charAt((n / 7) % GIVEN.length())
                    + GIVEN.charAt((n / 3) % GIVEN.length());
            return new Worker(name, idNumber(birth, male), String.format("139%08d", n), "REGULAR", plan, shares, paidOn);
        }

        static String idNumber(LocalDate birth, boolean male) {
            int k = SEQUENCES.computeIfAbsent(birth, b -> new AtomicInteger()).getAndIncrement();
            if (k >= 500) throw new IllegalStateException("too many workers born on " + birth);
            return withCheck(AREA + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", 2 * k + (male ? 1 : 0)));
        }

        static String withCheck(String first17) {
            return first17 + IdNumber.checkCharacter(first17);
        }
    }

    static byte[] csv(List<String> header, List<Worker> rows, Charset charset) {
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Worker w : rows) {
            List<String> cells = header.stream().map(w::cell).map(v -> v == null ? "" : v).toList();
            text.append(String.join(",", cells)).append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    /** A new private unit under 江岸区总工会 (武汉), created as demo-admin. */
    long createUnit(int headcount) {
        long county = countyId("江岸区总工会");
        String first17 = "91420102" + Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
        String body = JSON.writeValueAsString(Map.of("name", "花名册导入测试单位" + first17.substring(8), "creditCode",
                first17 + CreditCode.checkCharacter(first17), "ownership", "PRIVATE", "headcount", headcount, "organisationId", county));
        Answer answer = post("demo-admin", "/api/v1/units", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private final Map<String, Long> counties = new HashMap<>();

    long countyId(String name) {
        return counties.computeIfAbsent(name, n -> {
            for (JsonNode node : get("demo-admin", "/api/v1/organisations").json()) {
                if (node.get("name").asString().equals(n)) return node.get("id").asLong();
            }
            throw new IllegalStateException("no organisation " + n);
        });
    }

    long startImport(long unitId, String fileName, byte[] content) {
        Answer answer = upload("demo-admin", "/api/v1/units/" + unitId + "/roster-imports", "file", fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("id").asLong();
    }

    JsonNode runImport(long unitId, String fileName, byte[] content) {
        return awaitFinished(startImport(unitId, fileName, content));
    }

    /** Polls the import until it leaves RUNNING; fails after {@link #IMPORT_TIMEOUT}. */
    JsonNode awaitFinished(long importId) {
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Answer answer = get("demo-admin", "/api/v1/roster-imports/" + importId);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            last = answer.json();
            if (!last.get("status").asString().equals("RUNNING")) return last;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("roster import %d still RUNNING after %s: %s", importId, IMPORT_TIMEOUT, last);
    }

    long onlyMemberOf(String idNumber) {
        List<Long> ids = jdbc.sql("select id from membership.member where id_hash = ?")
                .param(MemberFacts.idHash(cipher, IdNumber.parse(idNumber, today()))).query(Long.class).list();
        assertThat(ids).as("members with ID %s", IdNumber.mask(idNumber)).hasSize(1);
        return ids.getFirst();
    }

    long membersWithId(IdNumber id) {
        return jdbc.sql("select count(*) from membership.member where id_hash = ?").param(MemberFacts.idHash(cipher, id))
                .query(Long.class).single();
    }

    private IdNumber parseOrNull(String raw) {
        try {
            return IdNumber.parse(raw, today());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    List<Map<String, Object>> enrolmentsOf(long memberId) {
        return jdbc.sql("select * from membership.enrolment where member_id = ? order by id").param(memberId).query().listOfRows();
    }

    long membersOfUnit(long unitId) {
        return jdbc.sql("select count(*) from membership.member where unit_id = ?").param(unitId).query(Long.class).single();
    }

    long importsOfUnit(long unitId) {
        return jdbc.sql("select count(*) from membership.roster_import where unit_id = ?").param(unitId).query(Long.class).single();
    }

    long enrolmentCount(long importId) {
        return jdbc.sql("select count(*) from membership.enrolment where roster_import_id = ?").param(importId).query(Long.class).single();
    }

    /** item → "PLAN/shares" of an enrolment's coverages. */
    private static Map<String, String> items(Map<String, Object> enrolment) {
        Map<String, String> items = new TreeMap<>();
        for (JsonNode c : JSON.readTree(enrolment.get("coverages").toString())) {
            items.put(c.get("item").asString(), c.get("plan").asString() + "/" + c.get("shares").asInt());
        }
        return items;
    }

    /**
     * Every accepted row is fully there: member, enrolment and a journal that exists; the
     * premiums of the import's enrolments equal what its journals credited to 4001; the trial
     * balance balances.
     */
    void assertImportBooked(long importId, int accepted) {
        assertThat(enrolmentCount(importId)).isEqualTo(accepted);
        assertThat(jdbc.sql("""
                select count(*) from membership.enrolment e
                 where e.roster_import_id = ?
                   and (not exists (select 1 from ledger.journal j where j.id = e.journal_id)
                        or not exists (select 1 from membership.member m where m.id = e.member_id))""")
                .param(importId).query(Long.class).single()).isZero();
        BigDecimal premiums = jdbc.sql("select coalesce(sum(premium), 0) from membership.enrolment where roster_import_id = ?")
                .param(importId).query(BigDecimal.class).single();
        BigDecimal income = jdbc.sql("""
                select coalesce(sum(p.credit - p.debit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where j.source_type = 'ROSTER_IMPORT' and j.source_id like ? and p.account_code = '4001'""")
                .param(importId + "#%").query(BigDecimal.class).single();
        assertThat(income).as("4001 credited by import %d", importId).isEqualByComparingTo(premiums);
        assertTrialBalanced();
    }

    void assertTrialBalanced() {
        Answer answer = get("demo-finance", "/api/v1/ledger/trial-balance");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode tb = answer.json();
        assertThat(tb.get("balanced").asBoolean()).isTrue();
        assertThat(new BigDecimal(tb.get("debits").asString())).isEqualByComparingTo(new BigDecimal(tb.get("credits").asString()));
    }

    BigDecimal trialBalanceCredit(String account) {
        Answer answer = get("demo-finance", "/api/v1/ledger/trial-balance");
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode a : answer.json().get("accounts")) {
            if (a.get("code").asString().equals(account)) return new BigDecimal(a.get("credit").asString());
        }
        return BigDecimal.ZERO;
    }
}
