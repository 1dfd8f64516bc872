package com.kyckeeper.benchmarks;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Load driver, not a unit test: purge N due customers on embedded PostgreSQL while reader threads
 * keep reading (masked view, real decryption) other customers over HTTP, and compare read latency
 * with a baseline taken in the same run just before. Run (docs/benchmarks-retention.md):
 * <pre>mvn -q test -Dtest=RetentionPurgeBenchmark -Dkyc.bench.customers=100000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "kyc.bench.customers", matches = "\\d+")
class RetentionPurgeBenchmark extends ApiTestBase {

    static final int N = Integer.getInteger("kyc.bench.customers", 0);
    static final int READERS = Integer.getInteger("kyc.bench.readers", 2);
    static final int BASELINE_SECONDS = 15;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
        registry.add("kyc.retention.purge.batch-size", () -> System.getProperty("kyc.bench.batch", "1000"));
        registry.add("kyc.retention.purge.workers", () -> System.getProperty("kyc.bench.workers", "4"));
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "16");
        if (Boolean.getBoolean("kyc.bench.rewriteBatchedInserts")) { // pgjdbc: JDBC batches of inserts as multi-row inserts
            registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
        }
    }

    @Test
    void purgeManyDueCustomersWhileReadsContinue() throws Exception {
        List<String> readable = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            readable.add(api.as("teller1").post("/api/v1/customers", individual(residentId(true), true))
                    .json().get("id").asString());
        }
        Instant seedStart = Instant.now();
        seed(N);
        Duration seeding = Duration.between(seedStart, Instant.now());

        List<Long> baseline = read(readable, () -> false, Duration.ofSeconds(BASELINE_SECONDS));

        AtomicBoolean purging = new AtomicBoolean(true);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Thread t = new Thread(() -> during.addAll(read(readable, () -> !purging.get(), Duration.ofHours(2))));
            t.start();
            readers.add(t);
        }
        CpuTime cpuStart = CpuTime.now();
        Instant wallStart = Instant.now();
        String runId = api.as("compliance1").post("/api/v1/retention/purge-runs", Map.of("dryRun", false))
                .json().get("id").asString();
        JsonNode run;
        do {
            Thread.sleep(100);
            run = api.as("auditor1").get("/api/v1/retention/purge-runs/" + runId).json();
        } while (!"COMPLETED".equals(run.get("status").asString()));
        Duration wall = Duration.between(wallStart, Instant.now());
        CpuTime cpuEnd = CpuTime.now();
        purging.set(false);
        for (Thread t : readers) {
            t.join();
        }
        // The service runs on the tests' frozen MutableClock, so its own timestamps cannot time the run.
        Duration purge = wall;
        long purged = run.get("purged").asLong();
        assertThat(purged).isEqualTo(N);
        assertThat(jdbc.sql("select count(*) from customers where created_by = 'bench'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from data_keys where kek_id = 'bench'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer_tombstones where purge_run_id = ?").param(runId)
                .query(Long.class).single()).isEqualTo(N);

        // The evidence at this size: the streamed certificate lists every id and verifies; the access log
        // (one CUSTOMER_PURGE event per customer) is sealed and verifies INTACT.
        Instant certStart = Instant.now();
        Api.Response cert = api.as("auditor1").get("/api/v1/retention/purge-runs/" + runId + "/certificate");
        assertThat(cert.status()).isEqualTo(200);
        JsonNode certificate = cert.json();
        assertThat(certificate.get("verified").asBoolean()).isTrue();
        assertThat(certificate.get("purgedCustomerIds").size()).isEqualTo(N);
        Duration certTime = Duration.between(certStart, Instant.now());
        Instant integrityStart = Instant.now();
        JsonNode integrity = api.as("auditor1").get("/api/v1/audit/integrity").json();
        assertThat(integrity.get("status").asString()).as(integrity.toString()).isEqualTo("INTACT");
        Duration integrityTime = Duration.between(integrityStart, Instant.now());

        String report = String.format("""
                RETENTION PURGE BENCHMARK
                customers purged: %d (errors %d), workers %s, batch %s, readers %d
                seeding (SQL): %.1f s
                purge run (POST..COMPLETED seen, 100 ms polling): %.1f s -> %.0f customers/s
                reads baseline (%d s, no purge): n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms
                reads during purge:              n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms
                CPU during the purge: service JVM %.1f s (incl. %d reader threads), PostgreSQL %.1f s
                CPU per 1,000 customers: service %.3f s, PostgreSQL %.3f s (load average at end %.1f)
                certificate (streamed, %d ids, verified): %.1f s; access log sealed and verified INTACT: %.1f s
                """, purged, run.get("errors").asLong(), System.getProperty("kyc.bench.workers", "4"),
                System.getProperty("kyc.bench.batch", "1000"), READERS, seeding.toMillis() / 1000.0,
                purge.toMillis() / 1000.0, purged / (purge.toMillis() / 1000.0),
                BASELINE_SECONDS, baseline.size(), pct(baseline, 50), pct(baseline, 99), pct(baseline, 100),
                during.size(), pct(during, 50), pct(during, 99), pct(during, 100),
                cpuEnd.jvm() - cpuStart.jvm(), READERS, cpuEnd.postgres() - cpuStart.postgres(),
                (cpuEnd.jvm() - cpuStart.jvm()) * 1000 / purged, (cpuEnd.postgres() - cpuStart.postgres()) * 1000 / purged,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                certificate.get("purgedCustomerIds").size(), certTime.toMillis() / 1000.0,
                integrityTime.toMillis() / 1000.0);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-retention.txt"), report);
    }

    /** Due customers straight in SQL (closed 2019-01-01, one version, one data key each), no personal data. */
    private void seed(int n) {
        int chunk = 50_000;
        for (int done = 0; done < n; done += chunk) {
            int size = Math.min(chunk, n - done);
            jdbc.sql("""
                    insert into customers (id, customer_type, status, version, name_ct, created_at, created_by,
                                           updated_at, updated_by, closed_on, closed_at, closed_by)
                    select gen_random_uuid()::text, 'INDIVIDUAL', 'CLOSED', 2, 'x', now(), 'bench', now(), 'bench',
                           date '2019-01-01', now(), 'bench'
                    from generate_series(1, :n)""").param("n", size).update();
        }
        jdbc.sql("""
                insert into customer_versions (customer_id, version, status, change_kind, changed_at, changed_by, snapshot_ct)
                select id, 1, 'PENDING_VERIFICATION', 'REGISTERED', now(), 'bench', 'x' from customers where created_by = 'bench'""")
                .update();
        jdbc.sql("""
                insert into data_keys (owner_id, key_version, suite, kek_id, wrapped_key, created_at)
                select id, 1, 'AES_256_GCM_HMAC_SHA256', 'bench', 'x', now() from customers where created_by = 'bench'""")
                .update();
        jdbc.sql("analyze").update();
    }

    /**
     * CPU seconds used so far by this JVM (the service, the driver and its readers) and by the embedded
     * PostgreSQL (postmaster, its live backends, and exited children it reaped), from /proc.
     */
    record CpuTime(double jvm, double postgres) {
        static CpuTime now() {
            double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new CpuTime(jvm, com.kyckeeper.support.PostgresServer.get().cpuNanos() / 1e9);
        }
    }

    private List<Long> read(List<String> ids, java.util.function.BooleanSupplier stop, Duration max) {
        Api client = new Api(port);
        List<Long> nanos = new ArrayList<>();
        Instant end = Instant.now().plus(max);
        int i = 0;
        while (!stop.getAsBoolean() && Instant.now().isBefore(end)) {
            long t0 = System.nanoTime();
            Api.Response r = client.as("teller1").get("/api/v1/customers/" + ids.get(i++ % ids.size()));
            nanos.add(System.nanoTime() - t0);
            if (r.status() != 200) {
                throw new AssertionError("read failed: " + r.status());
            }
        }
        return nanos;
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1))) / 1e6;
    }
}
