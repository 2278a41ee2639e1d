package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.membership.RosterImportApiTest.Worker;
import org.huzhu.membership.RosterImportApiTest.Workers;
import org.huzhu.membership.RosterImportRepository.Phase;
import org.huzhu.membership.RosterImportRepository.State;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crash safety of the roster import: an import interrupted part-way resumes after its last
 * committed chunk and ends with every worker enrolled exactly once.
 *
 * <p>How the crash is simulated, as simply and honestly as we could: a process that dies
 * leaves behind exactly what committed before it died. The import job commits one transaction
 * per chunk ({@link RosterChunkWriter#write}: members, enrolments, the chunk's journal, its
 * errors and the import's progress together), so the state after "the first two chunks
 * committed, then the JVM died" is: the roster file still in the import work dir, the
 * {@code membership.roster_import} row in status RUNNING / phase ENROLLING with
 * {@code processed} = 100, and rows 2..101 enrolled by that import. We build exactly that with
 * the production pieces — the stored file, {@link RosterImportRepository#create}, and the real
 * {@link RosterChunkWriter} writing chunks 1 and 2 of the import's own id, just as
 * {@code RosterImportJob} would have — and never run the rest. Then we call
 * {@link RosterImports#resumeInterrupted()}, which the application runs at start-up, and
 * check the outcome through the public API and the database. Only the JVM dying is simulated;
 * every write is the real one.
 *
 * <p>These tests share the application context (and so the database) with every other
 * {@link ApiTest}; {@code resumeInterrupted} resumes every RUNNING import, so each test first
 * waits until no import of anyone else is running.
 */
class RosterImportResumeTest extends ApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    RosterImports rosterImports;

    @Autowired
    RosterImportRepository repository;

    @Autowired
    RosterChunkWriter writer;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ImportProperties properties;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    Clock clock;

    @Test
    void resumesAnImportInterruptedAfterTwoChunksAndEnrolsEveryWorkerOnce() throws IOException {
        LocalDate today = LocalDate.now(clock);
        String paid = today.minusDays(12).toString();
        List<Worker> workers = IntStream.range(0, 230)
                .mapToObj(i -> i % 3 == 0 ? Workers.woman(paid, "BASIC", "1") : Workers.man(paid, "BASIC", "1")).toList();
        List<Worker> rows = new ArrayList<>(workers);
        rows.add(workers.get(8).withName("重复行")); // row 232 repeats row 10, committed before the crash
        rows.add(Workers.man(paid, "BASIC", "1").withPhone("110"));  // row 233: a bad phone after the crash
        long unitId = createUnit(230);
        Unit unit = organisations.unit(unitId).orElseThrow();
        Path file = storeInWorkDir(RosterImportApiTest.csv(RosterImportApiTest.CHINESE_HEADERS, rows, StandardCharsets.UTF_8));
        long importId = repository.create(unit.id(), unit.path(), "resume.csv", file.toString(), "not-checked", "demo-admin");
        repository.phase(importId, Phase.ENROLLING, rows.size());
        commitFirstChunks(importId, unit, file, today, 2, 50);

        State crashed = repository.find(importId).orElseThrow();
        assertThat(crashed.status()).isEqualTo(RosterImportRepository.Status.RUNNING);
        assertThat(crashed.processed()).isEqualTo(100);
        assertThat(crashed.accepted()).isEqualTo(100);
        assertThat(enrolmentCount(importId)).isEqualTo(100);
        waitUntilNoOtherImportRuns(importId);

        rosterImports.resumeInterrupted();
        State done = awaitFinished(importId);

        assertThat(done.status()).as(done.message()).isEqualTo(RosterImportRepository.Status.DONE);
        assertThat(done.rows()).isEqualTo(232);
        assertThat(done.processed()).isEqualTo(232);
        assertThat(done.accepted()).isEqualTo(230);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(repository.errors(importId, 10, 0)).extracting(RosterImportRepository.ErrorRow::row,
                RosterImportRepository.ErrorRow::field).containsExactly(
                tuple(232L, "身份证号码"), tuple(233L, "手机号码"));
        assertThat(repository.errors(importId, 10, 0).getFirst().message()).contains("第10行");
        for (int i = 0; i < workers.size(); i++) {
            long memberId = onlyMemberOf(workers.get(i).idNumber(), today);
            List<Map<String, Object>> enrolments = jdbc.sql("select roster_import_id, roster_row from membership.enrolment where member_id = ?")
                    .param(memberId).query().listOfRows();
            assertThat(enrolments).as("enrolments of row %d", i + 2).hasSize(1);
            assertThat(((Number) enrolments.getFirst().get("roster_import_id")).longValue()).isEqualTo(importId);
            assertThat(((Number) enrolments.getFirst().get("roster_row")).intValue()).isEqualTo(i + 2);
        }
        assertThat(jdbc.sql("select count(*) from membership.member where unit_id = ?").param(unitId).query(Long.class).single())
                .isEqualTo(230);
        assertImportBooked(importId, 230);
        assertThat(jdbc.sql("select sum(premium) from membership.enrolment where roster_import_id = ?").param(importId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("45625.00"); // 77 women × 215.00 + 153 men × 190.00
        assertThat(Files.exists(file)).as("stored roster removed once done").isFalse();

        Answer view = get("demo-admin", "/api/v1/roster-imports/" + importId);
        assertThat(view.field("status")).isEqualTo("DONE");
        assertThat(view.json().get("accepted").asInt()).isEqualTo(230);
    }

    /**
     * The chunk size is configuration; an operator may change it between the crash and the
     * restart. Here the import ran with chunks of 30 (three committed: processed = 90) and
     * resumes with the test configuration's 50. The resumed chunks must still each book their
     * own journal, so that the ledger carries every premium.
     */
    @Test
    void resumesCorrectlyWhenTheChunkSizeChangedBeforeTheRestart() throws IOException {
        LocalDate today = LocalDate.now(clock);
        String paid = today.minusDays(13).toString();
        List<Worker> workers = IntStream.range(0, 200).mapToObj(i -> Workers.man(paid, "BASIC", "1")).toList();
        long unitId = createUnit(200);
        Unit unit = organisations.unit(unitId).orElseThrow();
        Path file = storeInWorkDir(RosterImportApiTest.csv(RosterImportApiTest.CHINESE_HEADERS, workers, StandardCharsets.UTF_8));
        long importId = repository.create(unit.id(), unit.path(), "resize.csv", file.toString(), "not-checked", "demo-admin");
        repository.phase(importId, Phase.ENROLLING, workers.size());
        assertThat(properties.chunkSize()).isNotEqualTo(30);
        commitFirstChunks(importId, unit, file, today, 3, 30);
        waitUntilNoOtherImportRuns(importId);

        rosterImports.resumeInterrupted();
        State done = awaitFinished(importId);

        assertThat(done.status()).as(done.message()).isEqualTo(RosterImportRepository.Status.DONE);
        assertThat(done.accepted()).isEqualTo(200);
        for (Worker w : workers) {
            assertThat(jdbc.sql("select count(*) from membership.enrolment where member_id = ?")
                    .param(onlyMemberOf(w.idNumber(), today)).query(Long.class).single()).isEqualTo(1);
        }
        assertImportBooked(importId, 200);
    }

    @Test
    void failsInChineseAnImportWhoseFileIsGoneAtRestart() {
        long unitId = createUnit(5);
        Unit unit = organisations.unit(unitId).orElseThrow();
        Path missing = properties.workDir().resolve(UUID.randomUUID() + ".upload");
        long importId = repository.create(unit.id(), unit.path(), "gone.csv", missing.toString(), "not-checked", "demo-admin");
        repository.phase(importId, Phase.ENROLLING, 120);
        repository.progress(importId, 50, 50, 0);
        waitUntilNoOtherImportRuns(importId);

        rosterImports.resumeInterrupted();
        State failed = awaitFinished(importId);

        assertThat(failed.status()).isEqualTo(RosterImportRepository.Status.FAILED);
        assertThat(failed.message()).containsPattern("\\p{IsHan}").contains("重新上传");
        assertThat(failed.finishedAt()).isNotNull();
        Answer view = get("demo-admin", "/api/v1/roster-imports/" + importId);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.field("status")).isEqualTo("FAILED");
        assertThat(view.field("message")).isEqualTo(failed.message());
    }

    // ------------------------------------------------------------------ the simulated crash

    /** Commits the first {@code chunks} chunks of {@code size} rows, as the job would, and no more. */
    private void commitFirstChunks(long importId, Unit unit, Path file, LocalDate today, int chunks, int size) {
        RosterRowParser parser = new RosterRowParser(catalogue, today);
        RosterChunkWriter.Totals totals = new RosterChunkWriter.Totals();
        try (RosterReader reader = RosterReader.open(file)) {
            for (int chunk = 1; chunk <= chunks; chunk++) {
                List<RosterLine> lines = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    RosterRowParser.Outcome outcome = parser.parse(reader.next());
                    assertThat(outcome.ok()).as("%s", outcome.errors()).isTrue();
                    lines.add(outcome.line());
                }
                writer.write(importId, unit, new RosterChunkWriter.Chunk(chunk, size, lines, List.of()), totals, parser, today);
            }
        }
    }

    private Path storeInWorkDir(byte[] content) throws IOException {
        Files.createDirectories(properties.workDir());
        Path file = properties.workDir().resolve(UUID.randomUUID() + ".upload");
        Files.write(file, content);
        return file;
    }

    /** {@code resumeInterrupted} resumes every RUNNING import: let other tests' imports end first. */
    private void waitUntilNoOtherImportRuns(long ours) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (repository.running().stream().anyMatch(id -> id != ours)) {
            assertThat(System.nanoTime()).as("other imports still running: %s", repository.running()).isLessThan(deadline);
            sleep();
        }
    }

    private State awaitFinished(long importId) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            State state = repository.find(importId).orElseThrow();
            if (state.status() != RosterImportRepository.Status.RUNNING) return state;
            assertThat(System.nanoTime()).as("import %d still RUNNING after %s (processed %d)", importId, TIMEOUT, state.processed())
                    .isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ checks

    private long createUnit(int headcount) {
        String first17 = "91420102" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        long county = 0;
        for (var node : get("demo-admin", "/api/v1/organisations").json()) {
            if (node.get("name").asString().equals("江岸区总工会")) county = node.get("id").asLong();
        }
        String body = JSON.writeValueAsString(Map.of("name", "断点续传测试单位" + first17.substring(8), "creditCode",
                first17 + CreditCode.checkCharacter(first17), "ownership", "STATE_OWNED", "headcount", headcount,
                "organisationId", county));
        Answer answer = post("demo-admin", "/api/v1/units", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private long onlyMemberOf(String idNumber, LocalDate today) {
        List<Long> ids = jdbc.sql("select id from membership.member where id_hash = ?")
                .param(MemberFacts.idHash(cipher, IdNumber.parse(idNumber, today))).query(Long.class).list();
        assertThat(ids).as("members with ID %s", IdNumber.mask(idNumber)).hasSize(1);
        return ids.getFirst();
    }

    private long enrolmentCount(long importId) {
        return jdbc.sql("select count(*) from membership.enrolment where roster_import_id = ?").param(importId).query(Long.class).single();
    }

    /** Enrolments complete and pointing at real journals; the import's 4001 income equals its premiums; books balanced. */
    private void assertImportBooked(long importId, int accepted) {
        assertThat(enrolmentCount(importId)).isEqualTo(accepted);
        assertThat(jdbc.sql("""
                select count(*) from membership.enrolment e
                 where e.roster_import_id = ? and not exists (select 1 from ledger.journal j where j.id = e.journal_id)""")
                .param(importId).query(Long.class).single()).isZero();
        BigDecimal premiums = jdbc.sql("select coalesce(sum(premium), 0) from membership.enrolment where roster_import_id = ?")
                .param(importId).query(BigDecimal.class).single();
        BigDecimal income = jdbc.sql("""
                select coalesce(sum(p.credit - p.debit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where j.source_type = 'ROSTER_IMPORT' and j.source_id like ? and p.account_code = '4001'""")
                .param(importId + "#%").query(BigDecimal.class).single();
        assertThat(income).as("4001 credited by import %d", importId).isEqualByComparingTo(premiums);
        Answer tb = get("demo-finance", "/api/v1/ledger/trial-balance");
        assertThat(tb.json().get("balanced").asBoolean()).isTrue();
    }
}
