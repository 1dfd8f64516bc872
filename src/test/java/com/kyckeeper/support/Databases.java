package com.kyckeeper.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh H2 file database or a fresh embedded PostgreSQL database. */
public final class Databases {

    public static final String PASSWORD = "test-password";

    private Databases() {
    }

    /** A fresh data folder: H2 file database and development keystore inside it. */
    public static Path h2(DynamicPropertyRegistry registry) {
        Path dir = dataDir(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db/kyc") + ";AUTO_SERVER=TRUE");
        return dir;
    }

    /**
     * H2 in Oracle compatibility mode running the Oracle migrations (db/oracle): how the Oracle
     * schema is exercised without an Oracle server. Use with the {@code oracle} profile.
     */
    public static Path h2OracleMode(DynamicPropertyRegistry registry) {
        Path dir = dataDir(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db/kyc")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.datasource.username", () -> "kyc");
        registry.add("spring.datasource.password", () -> "kyc");
        // H2 cannot run the PL/SQL triggers of db/oracle-triggers
        // plus a test-only callback that adapts Quartz's VARCHAR2(1) booleans to H2 (see its comment)
        registry.add("spring.flyway.locations", () -> "classpath:db/oracle,classpath:db/h2-oracle-mode");
        return dir;
    }

    public static Path postgres(DynamicPropertyRegistry registry) {
        Path dir = dataDir(registry);
        String db = "kyc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = PostgresServer.get().createDatabase(db);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        return dir;
    }

    private static Path dataDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("kyc-test");
            registry.add("kyc.data-dir", dir::toString);
            registry.add("KYC_DEMO_PASSWORD", () -> PASSWORD);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
