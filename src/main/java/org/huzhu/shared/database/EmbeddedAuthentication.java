package org.huzhu.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication of the embedded server outside demo mode: every connection, over the
 * local socket or TCP, proves the {@code postgres} password with SCRAM-SHA-256. The password is
 * {@code HUZHU_DB_EMBEDDED_PASSWORD} when set, else one generated once and kept beside the data
 * directory, readable by its owner only. A new cluster is created with it (initdb
 * {@code --auth=scram-sha-256}); a cluster that trusted local connections (demo mode) gets it in
 * single-user mode, before any server listens.
 */
final class EmbeddedAuthentication {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthentication.class);

    static final String HBA = """
            # Huzhu: every connection authenticates with a password (SCRAM-SHA-256)
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private EmbeddedAuthentication() {
    }

    /** The password to connect with, if one was set or generated; none while the cluster trusts local connections. */
    static String password(DatabaseProperties.Embedded settings) throws IOException {
        if (settings.password() != null) return settings.password();
        Path file = settings.passwordFile();
        return Files.exists(file) ? Files.readString(file).strip() : null;
    }

    /** Makes sure the cluster in {@code dataDir} exists and asks for the password, and answers it. */
    static String require(DatabaseProperties.Embedded settings, Path dataDir, Path workDir) throws IOException {
        String password = password(settings);
        if (password == null) password = generate(settings.passwordFile());
        boolean exists = Files.exists(dataDir.resolve("postgresql.conf"));
        if (exists && !trustsConnections(dataDir)) return password;
        Path bin = EmbeddedBinaries.unpack(workDir).resolve("bin");
        if (exists) {
            log.warn("The embedded PostgreSQL in {} trusted every local connection; it now asks for a password", dataDir);
            setPassword(bin, dataDir, password);
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA);
        } else {
            createCluster(bin, dataDir, workDir, password);
        }
        return password;
    }

    private static String generate(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        log.info("Generated the embedded PostgreSQL's password into {}", file);
        return password;
    }

    private static boolean trustsConnections(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!Files.exists(hba)) return true;
        return Files.readAllLines(hba).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    private static void createCluster(Path bin, Path dataDir, Path workDir, String password) throws IOException {
        Path passwordFile = Files.createTempFile(workDir, "initdb-", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, password + "\n");
            run(List.of(bin.resolve("initdb").toString(), "--auth=scram-sha-256", "--username=postgres",
                    "--pwfile=" + passwordFile, "--pgdata=" + dataDir, "--encoding=UTF8", "--locale=C"), null);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static void setPassword(Path bin, Path dataDir, String password) throws IOException {
        String statement = "ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "';\n";
        run(List.of(bin.resolve("postgres").toString(), "--single", "-D", dataDir.toString(),
                "-c", "password_encryption=scram-sha-256", "postgres"), statement);
    }

    private static void run(List<String> command, String input) throws IOException {
        List<String> shown = command.stream().map(a -> a.startsWith("--pwfile") ? "--pwfile=…" : a).toList();
        List<String> line = new ArrayList<>(command);
        // PostgreSQL refuses to run as root; like zonky, run it in a user namespace of its own there
        if ("root".equals(System.getProperty("user.name"))) line.addAll(0, List.of("unshare", "-U"));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        if (input != null) {
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(shown + " failed:\n" + output.replace(input == null ? "\0" : input, "…"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(shown + " was interrupted", e);
        }
    }
}
