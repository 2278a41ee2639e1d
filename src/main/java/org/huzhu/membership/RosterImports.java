package org.huzhu.membership;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huzhu.membership.RosterImportRepository.State;
import org.huzhu.membership.RosterImportRepository.Status;
import org.huzhu.membership.roster.RosterFileException;
import org.huzhu.membership.roster.RosterReader;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The roster import front door. An upload is stored, its header checked at once (a file that
 * is not a roster is refused with 422 before anything starts), then imported in the
 * background by {@link RosterImportJob}; progress is read with {@link #visibleImport}. The
 * instance running an import holds its lease ({@code lease_until}, renewed every third of
 * {@code huzhu.import.lease}); any instance resumes, at start and every {@code huzhu.import.lease-sweep},
 * the RUNNING imports whose lease has run out, and only those.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final RosterImportRepository imports;
    private final RosterImportJob job;
    private final Organisations organisations;
    private final ImportProperties properties;
    private final ThreadPoolTaskExecutor executor;
    private final String node = nodeName();
    private final Set<Long> leased = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    private volatile boolean stopping;

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
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "roster-import-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    public record ImportView(long id, long unitId, String fileName, String status, String phase, int rows, int processed,
                             int accepted, int rejected, String message, int errorCount,
                             List<RosterImportRepository.ErrorRow> errors, java.time.OffsetDateTime createdAt,
                             java.time.OffsetDateTime finishedAt, int alreadyEnrolled,
                             List<RosterImportRepository.ErrorRow> alreadyEnrolledRows, int awaitingFinance,
                             List<RosterImportRepository.ErrorRow> awaitingFinanceRows) {
    }

    /** Stores the upload and starts importing it; returns the import's id. */
    public long start(long unitId, String fileName, InputStream content, CurrentUser user) {
        if (!user.holds(Right.ROSTER_IMPORT)) throw new AccessDeniedException("cannot import");
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
        long id;
        try {
            id = imports.create(unit.id(), unit.path(), fileName, file.toString(), sha256(file), user.username(), user.scopePath());
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        if (imports.takeLease(id, node, properties.lease())) submit(id); // else another instance's sweep took it first
        return id;
    }

    /** Runs an import to its end on the calling thread (benchmarks and tests of the job itself). */
    public long importNow(long unitId, Path source, CurrentUser user) throws IOException {
        Unit unit = organisations.visibleUnit(unitId, user);
        Path file = properties.workDir().resolve(UUID.randomUUID() + ".upload");
        Files.createDirectories(file.getParent());
        Files.copy(source, file);
        long id = imports.create(unit.id(), unit.path(), source.getFileName().toString(), file.toString(), sha256(file), user.username(), user.scopePath());
        if (!imports.takeLease(id, node, properties.lease())) return id;
        leased.add(id);
        try {
            job.run(id, () -> leaseHeld(id));
        } finally {
            leased.remove(id);
        }
        return id;
    }

    public ImportView visibleImport(long id, CurrentUser user, int errorLimit) {
        State s = imports.find(id).filter(i -> user.sees(i.orgPath()) && user.role() != Role.MEMBER)
                .orElseThrow(() -> new NotFoundException("导入任务不存在"));
        return new ImportView(s.id(), s.unitId(), s.fileName(), s.status().name(), s.phase().name(), s.rows(), s.processed(),
                s.accepted(), s.rejected(), s.message(), imports.errorCount(id), imports.errors(id, errorLimit, 0),
                s.createdAt(), s.finishedAt(), s.alreadyEnrolled(), imports.alreadyEnrolled(id, errorLimit, 0),
                s.awaitingFinance(), imports.awaitingFinance(id, errorLimit, 0));
    }

    public List<RosterImportRepository.ErrorRow> errors(long id, CurrentUser user, int limit, int offset) {
        visibleImport(id, user, 0);
        return imports.errors(id, limit, offset);
    }

    public List<ImportView> ofUnit(long unitId, CurrentUser user) {
        organisations.visibleUnit(unitId, user);
        return imports.ofUnit(unitId, 20).stream().map(s -> visibleImport(s.id(), user, 0)).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        deleteLeftoverFiles();
        resumeInterrupted();
    }

    /**
     * Imports interrupted by a stop or crash resume after their last committed chunk: at start and
     * every {@code huzhu.import.lease-sweep}, those whose lease has run out, each on the one instance
     * that takes its lease.
     */
    void resumeInterrupted() {
        if (stopping) return;
        for (long id : imports.unleased()) {
            if (!imports.takeLease(id, node, properties.lease())) continue;
            State s = imports.find(id).orElseThrow();
            if (s.filePath() != null && Files.exists(Path.of(s.filePath()))) {
                log.info("Resuming roster import {} after row {}", id, s.processed());
                submit(id);
            } else {
                imports.finish(id, Status.FAILED, "导入因系统重启而中断且文件已不存在：已提交的行保持有效，请重新上传（不会重复参保）");
            }
        }
    }

    @Scheduled(fixedDelayString = "${huzhu.import.lease-sweep:PT15S}", initialDelayString = "${huzhu.import.lease-sweep:PT15S}")
    void resumeAbandoned() {
        resumeInterrupted();
    }

    /**
     * A roster names workers with their ID numbers and phones: its file lives only while its import
     * runs. Files that outlived their import (a crash between finishing and deleting) are deleted, and
     * so are uploads a day old that no running import reads (a crash before the import was recorded).
     */
    void deleteLeftoverFiles() {
        for (String path : imports.filesOfFinishedImports()) deleteQuietly(Path.of(path));
        Set<Path> running = new HashSet<>();
        for (long id : imports.running()) imports.find(id).map(State::filePath).ifPresent(p -> running.add(Path.of(p).toAbsolutePath()));
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        if (!Files.isDirectory(properties.workDir())) return;
        try (var files = Files.list(properties.workDir())) {
            files.filter(f -> f.getFileName().toString().endsWith(".upload") && !running.contains(f.toAbsolutePath()))
                    .filter(f -> modifiedBefore(f, dayAgo)).forEach(RosterImports::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not list the roster work directory {}", properties.workDir());
        }
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    private void submit(long id) {
        leased.add(id);
        try {
            ((TaskExecutor) executor).execute(() -> {
                try {
                    job.run(id, () -> leaseHeld(id));
                } finally {
                    leased.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            leased.remove(id);
            imports.finish(id, Status.FAILED, "系统繁忙，导入任务排队已满，请稍后重新上传");
            imports.find(id).map(State::filePath).ifPresent(path -> deleteQuietly(Path.of(path)));
            throw new ConflictException("系统繁忙，导入任务排队已满，请稍后重试");
        }
    }

    private boolean leaseHeld(long id) {
        return !stopping && leased.contains(id);
    }

    /** The heartbeat: extends the lease of every import running here; one lost is stopped at its next chunk. */
    private void renewLeases() {
        for (long id : leased) {
            try {
                if (!imports.renewLease(id, node, properties.lease())) {
                    log.warn("Roster import {}: this instance lost its lease; stopping it here", id);
                    leased.remove(id);
                }
            } catch (RuntimeException e) {
                log.warn("Roster import {}: lease not renewed ({})", id, e.toString());
            }
        }
    }

    /** Stops renewing leases and lets running imports stop at their next chunk; another instance resumes them. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        heartbeat.shutdownNow();
        executor.getThreadPoolExecutor().shutdown();
        executor.getThreadPoolExecutor().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Whether this instance has begun to stop: its running imports stop at their next chunk. */
    boolean stopping() {
        return stopping;
    }

    private static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
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
