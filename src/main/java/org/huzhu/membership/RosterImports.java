package org.huzhu.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.huzhu.membership.RosterImportRepository.State;
import org.huzhu.membership.RosterImportRepository.Status;
import org.huzhu.membership.roster.RosterFileException;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The roster import front door. An upload is stored, its header checked at once (a file that
 * is not a roster is refused with 422 before anything starts), then imported in the
 * background by {@link RosterImportJob}; progress is read with {@link #visibleImport}.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final RosterImportRepository imports;
    private final RosterImportJob job;
    private final Organisations organisations;
    private final ImportProperties properties;
    private final ThreadPoolTaskExecutor executor;

    RosterImports(RosterImportRepository imports, RosterImportJob job, Organisations organisations,
                  ImportProperties properties) {
        this.imports = imports;
        this.job = job;
        this.organisations = organisations;
        this.properties = properties;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("roster-import-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(100);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    public record ImportView(long id, long unitId, String fileName, String status, String phase, int rows, int processed,
                             int accepted, int rejected, String message, int errorCount,
                             List<RosterImportRepository.ErrorRow> errors, java.time.OffsetDateTime createdAt,
                             java.time.OffsetDateTime finishedAt) {
    }

    /** Stores the upload and starts importing it; returns the import's id. */
    public long start(long unitId, String fileName, InputStream content, CurrentUser user) {
        if (!user.is(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR)) throw new AccessDeniedException("cannot import");
        Unit unit = organisations.visibleUnit(unitId, user);
        Path file = store(content);
        try {
            if (Files.size(file) == 0) throw new UnreadableUploadException("文件为空");
            try (RosterReader reader = RosterReader.open(file)) {
                reader.hasNext();
            }
        } catch (RosterFileException e) {
            deleteQuietly(file);
            throw new UnreadableUploadException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof UnreadableUploadException u) throw u;
            throw new UnreadableUploadException("无法读取上传的文件：请上传 CSV 或 XLSX 花名册");
        }
        long id = imports.create(unit.id(), unit.path(), fileName, file.toString(), sha256(file), user.username(), user.scopePath());
        submit(id);
        return id;
    }

    /** Runs an import to its end on the calling thread (benchmarks and tests of the job itself). */
    public long importNow(long unitId, Path source, CurrentUser user) throws IOException {
        Unit unit = organisations.visibleUnit(unitId, user);
        Path file = properties.workDir().resolve(UUID.randomUUID() + ".upload");
        Files.createDirectories(file.getParent());
        Files.copy(source, file);
        long id = imports.create(unit.id(), unit.path(), source.getFileName().toString(), file.toString(), sha256(file), user.username(), user.scopePath());
        job.run(id);
        return id;
    }

    public ImportView visibleImport(long id, CurrentUser user, int errorLimit) {
        State s = imports.find(id).filter(i -> user.sees(i.orgPath()) && user.role() != Role.MEMBER)
                .orElseThrow(() -> new NotFoundException("导入任务不存在"));
        return new ImportView(s.id(), s.unitId(), s.fileName(), s.status().name(), s.phase().name(), s.rows(), s.processed(),
                s.accepted(), s.rejected(), s.message(), imports.errorCount(id), imports.errors(id, errorLimit, 0),
                s.createdAt(), s.finishedAt());
    }

    public List<RosterImportRepository.ErrorRow> errors(long id, CurrentUser user, int limit, int offset) {
        visibleImport(id, user, 0);
        return imports.errors(id, limit, offset);
    }

    public List<ImportView> ofUnit(long unitId, CurrentUser user) {
        organisations.visibleUnit(unitId, user);
        return imports.ofUnit(unitId, 20).stream().map(s -> visibleImport(s.id(), user, 0)).toList();
    }

    /** Imports interrupted by a stop or crash resume after their last committed chunk. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (long id : imports.running()) {
            State s = imports.find(id).orElseThrow();
            if (s.filePath() != null && Files.exists(Path.of(s.filePath()))) {
                log.info("Resuming roster import {} after row {}", id, s.processed());
                submit(id);
            } else {
                imports.finish(id, Status.FAILED, "导入因系统重启而中断且文件已不存在：已提交的行保持有效，请重新上传（不会重复参保）");
            }
        }
    }

    private void submit(long id) {
        try {
            ((TaskExecutor) executor).execute(() -> job.run(id));
        } catch (RejectedExecutionException e) {
            imports.finish(id, Status.FAILED, "系统繁忙，导入任务排队已满，请稍后重新上传");
            throw new ConflictException("系统繁忙，导入任务排队已满，请稍后重试");
        }
    }

    private Path store(InputStream content) {
        try {
            Files.createDirectories(properties.workDir());
            Path file = properties.workDir().resolve(UUID.randomUUID() + ".upload");
            try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UnreadableUploadException("上传的文件无法保存：" + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; nothing depends on it
        }
    }
}
