package com.kyckeeper.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL 14 for tests, from zonky's binaries on Maven Central. Started once per JVM.
 * PostgreSQL refuses to run as root, so when the build runs as root (CI machines do) the server
 * runs as the unprivileged user {@code nobody} through runuser; otherwise as the current user.
 */
public final class PostgresServer {

    private static PostgresServer instance;
    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path data, int port, boolean root) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = root;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
        }
        return instance;
    }

    /**
     * pgjdbc options of every test and benchmark database, as in production (application-postgres.yml):
     * {@code reWriteBatchedInserts=true} sends a JDBC batch of inserts as multi-row inserts. A batch then
     * answers {@code SUCCESS_NO_INFO} (-2) per row; no code reads those counts. Off for a comparison run
     * with {@code -Dkyc.pg.reWriteBatchedInserts=false}.
     */
    public static String jdbcOptions() {
        return Boolean.parseBoolean(System.getProperty("kyc.pg.reWriteBatchedInserts", "true"))
                ? "?reWriteBatchedInserts=true" : "";
    }

    /** Creates a fresh database and returns its JDBC URL with {@link #jdbcOptions()} (user postgres, no password). */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return url(name) + jdbcOptions();
    }

    /**
     * CPU time of this PostgreSQL so far: the postmaster (with its reaped children) and its live
     * backends and helpers, from /proc (Linux; utime + stime in clock ticks of 10 ms). For benchmarks.
     */
    public long cpuNanos() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    long ppid = Long.parseLong(f[1]);
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (ppid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while listing
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "kyc-embedded-pg-14.15");
        Path bin = home.resolve("bin");
        if (!Files.exists(home.resolve(".complete"))) {
            extract(home);
        }
        Path data = Files.createTempDirectory("kyc-pgdata");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        if (root) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName("nobody"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, data, port, root);
        server.run("initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--locale=C");
        server.run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -F -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                        + "-c max_connections=200 -c fsync=off -c synchronous_commit=off", "start");
        // Stopped by Spring Boot's shutdown hook after it has closed every application context (the
        // test context cache's too), not by a JVM hook of its own: JVM hooks run concurrently, and a
        // context closing against a server already gone waits for a connection until Hikari's 30 s
        // timeout (Spring Modulith's event registry reads its incomplete publications on close),
        // which made surefire kill every fork 30 s after System.exit.
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                server.run("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
            } catch (Exception ignored) {
                // the JVM is exiting anyway
            }
        });
        return server;
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"),
                        "kyc-embedded-pg.log").toFile()))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed; see " + System.getProperty("java.io.tmpdir")
                    + "/kyc-embedded-pg.log");
        }
    }

    private static void extract(Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent(), "kyc-pg-extract");
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(staging.resolve(".complete"), "ok");
        try {
            Files.move(staging, home, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.exists(home.resolve(".complete"))) {
                throw raced;
            }
        }
    }
}
