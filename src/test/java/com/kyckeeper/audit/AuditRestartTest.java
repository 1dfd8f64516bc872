package com.kyckeeper.audit;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A clean log stays INTACT when the service stops and starts again on the same database and keys. */
class AuditRestartTest {

    @Test
    void aCleanLogStaysIntactAcrossARestartOnH2() throws Exception {
        Path dir = Files.createTempDirectory("kyc-restart");
        runTwice(dir, Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/kyc") + ";AUTO_SERVER=TRUE"));
    }

    @Test
    void aCleanLogStaysIntactAcrossARestartOnPostgres() throws Exception {
        Path dir = Files.createTempDirectory("kyc-restart");
        String url = PostgresServer.get().createDatabase("kyc_r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        runTwice(dir, Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", ""));
    }

    private void runTwice(Path dir, Map<String, Object> database) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("kyc.data-dir", dir.toString());
        props.put("KYC_DEMO_PASSWORD", Databases.PASSWORD);
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        long first;
        try (ConfigurableApplicationContext ctx = start(props)) {
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(database.get("spring.datasource.url"));
            assertThat(ctx.getEnvironment().getProperty("kyc.data-dir")).isEqualTo(dir.toString());
            Api api = new Api(port(ctx));
            String id = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true)).json()
                    .get("id").asString();
            api.as("teller2").get("/api/v1/customers/" + id);
            JsonNode report = api.as("auditor1").get("/api/v1/audit/integrity").json();
            assertThat(report.get("status").asString()).isEqualTo("INTACT");
            first = report.get("verifiedThrough").asLong();
        }
        try (ConfigurableApplicationContext ctx = start(props)) {
            Api api = new Api(port(ctx));
            api.as("auditor1").get("/api/v1/audit/access-events");
            JsonNode report = api.as("auditor1").get("/api/v1/audit/integrity").json();
            assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("INTACT");
            assertThat(report.get("verifiedThrough").asLong()).isGreaterThan(first);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> props) {
        return new SpringApplicationBuilder(KycKeeperApplication.class).profiles("demo")
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }
}
