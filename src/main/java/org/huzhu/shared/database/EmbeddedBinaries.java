package org.huzhu.shared.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs shipped inside the embedded server's jar (initdb, postgres, pg_ctl),
 * unpacked where zonky keeps them ({@code <workDir>/PG-<md5 of the archive>}). Huzhu needs them
 * before zonky starts a server: to create a cluster with password authentication from the outset
 * (zonky's own initdb trusts every local connection) and to set a password in single-user mode.
 */
final class EmbeddedBinaries {

    private EmbeddedBinaries() {
    }

    /** The folder holding {@code bin/} and {@code lib/}, unpacked now unless it already is. */
    static Path unpack(Path workDir) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
                ArchUtils.normalize(System.getProperty("os.arch")))) {
            if (in == null) throw new IOException("No embedded PostgreSQL for this machine (" + System.getProperty("os.arch") + ")");
            archive = in.readAllBytes();
        }
        Path dir = workDir.resolve("PG-" + md5(archive));
        Path ready = dir.resolve(".exists");
        if (Files.exists(ready)) return dir;
        Path staging = Files.createTempDirectory(workDir, "unpacking-");
        extract(archive, staging);
        if (Files.exists(dir)) deleteRecursively(dir);   // an unpacking cut short
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        Files.createFile(ready);   // written last: zonky takes the folder as ready when this is the newest file
        return dir;
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) throw new IOException("Archive entry outside its folder: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.copy(target.resolve(entry.getLinkName()).normalize(), file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    if (entry.getName().startsWith("bin/") || entry.getName().startsWith("./bin/")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
