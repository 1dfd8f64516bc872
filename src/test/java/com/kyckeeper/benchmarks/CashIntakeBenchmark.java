package com.kyckeeper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import com.kyckeeper.support.PostgresServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver for batch intake with full evaluation (classification, FX measurement, same-day
 * aggregation under row locks, due diligence and cases, encrypted source of funds, audit) on the
 * embedded PostgreSQL, over real HTTP. Not a unit test (the name does not match surefire's
 * pattern); run it with the command in docs/benchmarks-tx.md. Prints throughput per segment and
 * the heap used after a full GC at each segment, so that memory growth over the run shows.
 */
class CashIntakeBenchmark {

    static final int TOTAL = Integer.getInteger("bench.transactions", 200_000);
    static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final int BATCH = Integer.getInteger("bench.batch", 10_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 40_000);

    @Test
    void batchIntakeOnPostgres() throws Exception {
        Path dir = Files.createTempDirectory("kyc-bench");
        String url = PostgresServer.get().createDatabase("kyc_bench_" + System.nanoTime() % 100000);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url); // with PostgresServer.jdbcOptions(): reWriteBatchedInserts unless -Dkyc.pg.reWriteBatchedInserts=false
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("spring.datasource.hikari.maximum-pool-size", "8");
        props.put("kyc.data-dir", dir.toString());
        props.put("KYC_DEMO_PASSWORD", Databases.PASSWORD);
        props.put("server.port", "0");
        props.put("logging.level.root", "WARN");
        SpringApplication app = new SpringApplication(KycKeeperApplication.class);
        app.setAdditionalProfiles("demo");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = app.run(args)) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            Api api = new Api(port);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(i % 2 == 0), i % 2 == 0));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                customers.add(r.json().get("id").asString());
            }
            // Rates for the days the run uses, so that foreign currency is measured (EUR needs them).
            LocalDate first = LocalDate.of(2026, 9, 1);
            for (int d = 0; d < 60; d++) {
                api.as("compliance1").put("/api/v1/fx-rates/" + first.plusDays(d),
                        Map.of("base", "CNY", "rates", Map.of("USD", "7.1000", "EUR", "7.7000")));
            }
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            AtomicLong seq = new AtomicLong();
            measurePostgres = true;
            run(api, customers, first, seq, WARMUP, "warm-up", mem);
            StringBuilder report = new StringBuilder();
            long t0 = System.nanoTime();
            long jvm0 = processCpuNanos();
            long client0 = clientCpu.get();
            long pg0 = postgresCpuNanos();
            int segments = Math.max(1, TOTAL / (BATCH * THREADS * 2));
            int perSegment = TOTAL / segments;
            for (int s = 0; s < segments; s++) {
                report.append(run(api, customers, first, seq, perSegment, "segment " + (s + 1) + "/" + segments, mem)).append('\n');
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long stored = jdbc.sql("select count(*) from cash_transactions").query(Long.class).single();
            String summary = String.format("TOTAL %,d transactions in %.1f s = %,.0f tx/s (threads=%d, batch=%d, customers=%d,"
                    + " reWriteBatchedInserts=%s); rows stored %,d%n",
                    segments * perSegment, seconds, segments * perSegment / seconds, THREADS, BATCH, CUSTOMERS,
                    url.contains("reWriteBatchedInserts=true"), stored);
            report.append(summary);
            long measured = (long) segments * perSegment;
            report.append(cpuLine("TOTAL CPU", measured, processCpuNanos() - jvm0, clientCpu.get() - client0,
                    postgresCpuNanos() - pg0)).append('\n');
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-tx.txt"), report.toString());
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
            assertThat(stored).isEqualTo(seq.get());
        }
    }

    private String run(Api api, List<String> customers, LocalDate first, AtomicLong seq, int count, String label,
                       MemoryMXBean mem) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long t0 = System.nanoTime();
        long jvm0 = processCpuNanos();
        long client0 = clientCpu.get();
        long pg0 = postgresCpuNanos();
        long mainCpu0 = THREAD_CPU.getCurrentThreadCpuTime();
        try {
            int batches = Math.max(1, count / BATCH);
            List<Future<Integer>> done = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> items = new ArrayList<>(BATCH);
                SplittableRandom rnd = new SplittableRandom(seq.get());
                for (int i = 0; i < BATCH; i++) {
                    long n = seq.incrementAndGet();
                    items.add(item(n, rnd, customers, first));
                }
                done.add(pool.submit(() -> {
                    long c0 = THREAD_CPU.getCurrentThreadCpuTime();
                    Api.Response r = api.as("teller1").post("/api/v1/cash-transactions/batch", Map.of("transactions", items));
                    int n = r.status() == 200 ? r.json().get("stored").asInt() : -1;
                    clientCpu.addAndGet(THREAD_CPU.getCurrentThreadCpuTime() - c0);
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                    return n;
                }));
            }
            int stored = 0;
            for (Future<Integer> f : done) {
                stored += f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            clientCpu.addAndGet(THREAD_CPU.getCurrentThreadCpuTime() - mainCpu0);
            String cpu = cpuLine("", stored, processCpuNanos() - jvm0, clientCpu.get() - client0, postgresCpuNanos() - pg0);
            System.gc();
            long heap = mem.getHeapMemoryUsage().getUsed() / (1024 * 1024);
            String line = String.format("%-14s %,8d tx in %6.2f s = %,8.0f tx/s; heap after GC %,5d MiB;%s", label, stored, seconds,
                    stored / seconds, heap, cpu);
            System.out.println(line);
            return line;
        } finally {
            pool.shutdown();
        }
    }

    private static final java.lang.management.ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private final AtomicLong clientCpu = new AtomicLong();
    private boolean measurePostgres;

    /** CPU of this JVM: the service plus the load driver (whose threads are counted apart in clientCpu). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the embedded PostgreSQL (the server these tests share), or 0 when it is not the database. */
    private long postgresCpuNanos() {
        return measurePostgres ? PostgresServer.get().cpuNanos() : 0;
    }

    private static String cpuLine(String label, long items, long jvm, long client, long pg) {
        double k = Math.max(1, items) / 1000.0;
        return String.format("%s CPU s per 1,000 tx: service %.3f, PostgreSQL %.3f, load driver %.3f", label,
                (jvm - client) / 1e9 / k, pg / 1e9 / k, client / 1e9 / k);
    }

    private static Map<String, Object> item(long n, SplittableRandom rnd, List<String> customers, LocalDate first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", "B-" + n);
        m.put("customerId", customers.get(rnd.nextInt(customers.size())));
        m.put("direction", rnd.nextInt(3) == 0 ? "WITHDRAWAL" : "DEPOSIT");
        int kind = rnd.nextInt(100);
        String currency = kind < 85 ? "CNY" : kind < 95 ? "USD" : "EUR";
        int amount = currency.equals("CNY") ? 100 + rnd.nextInt(40_000) : 10 + rnd.nextInt(6_000);
        m.put("amount", amount + "." + String.format("%02d", rnd.nextInt(100)));
        m.put("currency", currency);
        LocalDate day = first.plusDays(rnd.nextInt(60));
        m.put("occurredAt", day + "T" + String.format("%02d:%02d:00+08:00", 8 + rnd.nextInt(10), rnd.nextInt(60)));
        m.put("branch", "BJ-" + (100 + rnd.nextInt(50)));
        if (rnd.nextInt(4) > 0) {
            m.put("sourceOfFunds", "经营收入");
        }
        return m;
    }

    static Duration unused() {
        return Duration.ZERO;
    }
}
