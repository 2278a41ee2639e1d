package org.huzhu.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.membership.RosterImportRepository.Phase;
import org.huzhu.membership.RosterImportRepository.State;
import org.huzhu.membership.RosterImportRepository.Status;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.membership.roster.RosterRow;
import org.huzhu.contributions.Contributions;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one roster import in two streaming passes over the stored file.
 * <ol>
 *   <li><b>Validate</b>: check every row, remember the first valid row of each ID number, and
 *       check the unit's minimum participation over the whole file; a file that breaks it is
 *       REJECTED and enrols nobody.</li>
 *   <li><b>Enrol</b>: chunk by chunk, each in its own transaction ({@link RosterChunkWriter}).
 *       After a crash the import resumes after its last committed chunk.</li>
 * </ol>
 * The job stops between chunks, leaving the import RUNNING, once its instance no longer holds the
 * import's lease (it is stopping, or another instance took the import over).
 */
@Component
class RosterImportJob {

    private static final Logger log = LoggerFactory.getLogger(RosterImportJob.class);

    private final RosterImportRepository imports;
    private final RosterChunkWriter writer;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final PersonalDataCipher cipher;
    private final ImportProperties properties;
    private final Clock clock;
    private final Contributions contributions;

    RosterImportJob(RosterImportRepository imports, RosterChunkWriter writer, Organisations organisations,
                    Catalogue catalogue, PersonalDataCipher cipher, ImportProperties properties, Clock clock,
                    Contributions contributions) {
        this.contributions = contributions;
        this.imports = imports;
        this.writer = writer;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    void run(long importId) {
        run(importId, () -> true);
    }

    void run(long importId, BooleanSupplier leaseHeld) {
        State state = imports.find(importId).orElseThrow();
        Path file = Path.of(state.filePath());
        try {
            Unit unit = organisations.unit(state.unitId()).orElseThrow();
            LocalDate today = LocalDate.now(clock);
            RosterRowParser parser = new RosterRowParser(catalogue, today);
            imports.phase(importId, Phase.VALIDATING, state.rows());
            Validation validation = validate(file, parser);
            String shortfall = participationShortfall(unit, validation, today);
            if (shortfall != null) {
                imports.phase(importId, Phase.FINISHED, validation.rows);
                imports.finish(importId, Status.REJECTED, shortfall);
                deleteQuietly(file);
                return;
            }
            imports.phase(importId, Phase.ENROLLING, validation.rows);
            enrol(importId, unit, file, parser, validation.firstRows, state, today, leaseHeld);
            contributions.issued(Contributions.BatchKind.ROSTER_IMPORT, importId);
            imports.finish(importId, Status.DONE, null);
            deleteQuietly(file);
        } catch (LeaseLost e) {
            log.info("Roster import {} stopped here: this instance no longer holds its lease", importId);
        } catch (RuntimeException e) {
            if (!leaseHeld.getAsBoolean()) {
                log.info("Roster import {} stopped here ({}): this instance no longer holds its lease", importId, e.toString());
                return;
            }
            log.error("Roster import {} failed", importId, e);
            imports.finish(importId, Status.FAILED, "导入过程中出现系统错误，已提交的行保持有效；重新上传同一文件不会重复参保");
            deleteQuietly(file);
        }
    }

    private record Validation(int rows, LongIntMap firstRows) {
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private Validation validate(Path file, RosterRowParser parser) {
        LongIntMap firstRows = new LongIntMap(1 << 12);
        int rows = 0;
        try (RosterReader reader = RosterReader.open(file)) {
            while (reader.hasNext()) {
                RosterRow row = reader.next();
                rows++;
                RosterRowParser.Outcome outcome = parser.parse(row);
                if (outcome.ok()) firstRows.putIfAbsent(outcome.line().idKey(), (int) row.rowNumber());
            }
        }
        return new Validation(rows, firstRows);
    }

    /** Null when the unit will have enough workers covered after this file; else what is missing, in Chinese. */
    private String participationShortfall(Unit unit, Validation validation, LocalDate today) {
        var participation = catalogue.activeOn(today).unitParticipation();
        int required = participation.required(unit.headcount());
        int covered = validation.firstRows.size();
        if (covered >= required) return null;
        for (byte[] cipherText : imports.coveredMemberIdCiphers(unit.id(), today)) {
            String id = cipher.decrypt(cipherText);
            if (!validation.firstRows.contains(Long.parseLong(id, 0, 17, 10))) covered++;
        }
        if (covered >= required) return null;
        String rule = unit.headcount() <= participation.enrolEveryoneAtOrBelow()
                ? "职工人数在" + participation.enrolEveryoneAtOrBelow() + "人及以下的单位须全员参保"
                : "单位集体参保人数须达到职工总数的" + participation.minimumShare().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return "参保人数不足，整批未导入：" + rule + "。本单位职工" + unit.headcount() + "人，至少需" + required
                + "人参保，按本文件有效行计算为" + covered + "人，还需至少" + (required - covered) + "名职工。";
    }

    private void enrol(long importId, Unit unit, Path file, RosterRowParser parser, LongIntMap firstRows, State state,
                       LocalDate today, BooleanSupplier leaseHeld) {
        RosterChunkWriter.Totals totals = new RosterChunkWriter.Totals();
        totals.processed = state.processed();
        totals.accepted = state.accepted();
        totals.rejected = state.rejected();
        totals.alreadyEnrolled = state.alreadyEnrolled();
        int chunkSize = properties.chunkSize();
        int chunkNumber = state.processed() / chunkSize;
        int skip = state.processed();
        List<RosterLine> lines = new ArrayList<>(chunkSize);
        List<RosterRowParser.RowError> errors = new ArrayList<>();
        int read = 0;
        try (RosterReader reader = RosterReader.open(file)) {
            while (reader.hasNext()) {
                RosterRow row = reader.next();
                if (skip > 0) {
                    skip--;
                    continue;
                }
                read++;
                RosterRowParser.Outcome outcome = parser.parse(row);
                if (!outcome.ok()) {
                    errors.addAll(outcome.errors());
                } else {
                    int first = firstRows.get(outcome.line().idKey());
                    if (first != (int) row.rowNumber()) {
                        errors.add(new RosterRowParser.RowError(row.rowNumber(), outcome.line().name(), RosterRowParser.ID_NUMBER,
                                "身份证号码与第" + first + "行重复，同一职工只导入一次（" + IdNumber.mask(outcome.line().idNumber().value()) + "）"));
                    } else {
                        lines.add(outcome.line());
                    }
                }
                if (read == chunkSize) {
                    if (!leaseHeld.getAsBoolean()) throw new LeaseLost();
                    write(importId, unit, new RosterChunkWriter.Chunk(++chunkNumber, read, lines, errors), totals, parser, today);
                    lines = new ArrayList<>(chunkSize);
                    errors = new ArrayList<>();
                    read = 0;
                }
            }
        }
        if (read > 0 && !leaseHeld.getAsBoolean()) throw new LeaseLost();
        if (read > 0) write(importId, unit, new RosterChunkWriter.Chunk(++chunkNumber, read, lines, errors), totals, parser, today);
    }

    /**
     * Writes one chunk. Chunks of different units run side by side; when another unit's import
     * has just enrolled one of this chunk's workers, the insert of the member fails on its
     * unique ID hash once that import commits, and the chunk is written again, now seeing the
     * worker as an existing member (a clash with the cover just bought is then a row error).
     */
    private void write(long importId, Unit unit, RosterChunkWriter.Chunk chunk, RosterChunkWriter.Totals totals,
                       RosterRowParser parser, LocalDate today) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.write(importId, unit, chunk, totals, parser, today);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3 || !isUniqueViolation(e)) throw e;
                log.info("Roster import {} chunk {}: a worker was enrolled at the same time by another import; writing the chunk again",
                        importId, chunk.number());
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception e) {
            log.warn("Could not delete imported file {}", file);
        }
    }
}
