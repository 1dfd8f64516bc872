package com.kyckeeper.benchmarks;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.IntegrityReport;
import com.kyckeeper.audit.internal.AuditSuite;
import com.kyckeeper.audit.internal.ChainFixture;
import com.kyckeeper.audit.internal.ChainVerifier;
import com.kyckeeper.audit.internal.EventFields;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.PostgresServer;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 4's speed targets, in one JVM run (see docs/benchmarks-audit.md for the command):
 * <ol>
 *   <li>chain verification: {@link ChainVerifier} over an in-memory sealed log (hash chain, every
 *       event's MAC, checkpoint signatures), events per second, target ≥ 1,000,000;</li>
 *   <li>read throughput of the masked read {@code CustomerRegistry.find} (what
 *       {@code GET /api/v1/customers/{id}} runs after authentication: transaction, permission check,
 *       load, decrypt, mask, access event) with auditing on and off in the same service instance,
 *       rounds interleaved, target overhead ≤ 15 %. Measured below HTTP because HTTP Basic with
 *       Argon2 password hashing costs far more than everything else and would hide the audit cost. "Off" swaps the access log for a no-op through a benchmark-only bean post-processor;
 *       the service itself has no switch to turn auditing off.</li>
 * </ol>
 * Arguments: {@code h2|postgres|verify-only|reads-only|reads-only-postgres [threads] [seconds per round] [rounds]
 * [--http=1] [--on-only=1] [--spring.property=value …]}. Every round also reports process CPU time per read
 * (includes the sealer and the database's background work) and the request threads' CPU time per read.
 */
public final class AuditBenchmark {

    static final AtomicBoolean AUDITING = new AtomicBoolean(true);
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU of the last round: whole process (includes sealer, database background work) and request threads only. */
    static volatile double lastProcessCpuMicrosPerRead;
    static volatile double lastRequestCpuMicrosPerRead;
    static final Map<String, Object> EXTRA = new HashMap<>();
    /** Set when the service runs on the embedded PostgreSQL: its CPU counts as the service's. */
    static volatile boolean postgres;
    static volatile double lastDbCpuMicrosPerRead;
    /**
     * Run at the end of every measured round, inside its time and CPU: the sealer's regular pass, so a
     * round with auditing on pays for sealing its own events instead of leaving them to the next round.
     */
    static Runnable sealPending = () -> { };

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            EXTRA.put(kv[0], kv[1]);
        }
        boolean readsOnly = db.startsWith("reads-only");
        if (!readsOnly) {
            verification();
        }
        if (!db.equals("verify-only")) {
            reads(readsOnly ? (db.equals("reads-only-postgres") ? "postgres" : "h2") : db, threads, seconds, rounds);
        }
        System.exit(0);
    }

    static void verification() {
        for (AuditSuite suite : AuditSuite.values()) {
            int n = 200_000;
            ChainFixture f = new ChainFixture(suite, n, 10_000);
            for (boolean withMac : new boolean[] {false, true}) {
                double best = 0;
                for (int round = 0; round < 6; round++) {
                    long start = System.nanoTime();
                    ChainVerifier v = f.verifier(withMac);
                    List<EventFields> events = f.events;
                    for (int i = 0; i < n; i++) {
                        v.accept(i + 1, events.get(i).seq(), events.get(i), f.hashes.get(i));
                    }
                    IntegrityReport r = v.finish();
                    long nanos = System.nanoTime() - start;
                    if (!r.intact()) {
                        throw new IllegalStateException("fixture chain broken: " + r);
                    }
                    best = Math.max(best, n / (nanos / 1e9));
                }
                System.out.printf("RESULT verification suite=%s macs=%s events=%d best=%,.0f events/s%n", suite,
                        withMac, n, best);
            }
        }
    }

    static void reads(String db, int threads, int seconds, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("kyc-bench");
        Map<String, Object> props = new HashMap<>();
        props.put("kyc.data-dir", dir.toString());
        props.put("KYC_DEMO_PASSWORD", Databases.PASSWORD);
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("logging.level.root", "WARN");
        postgres = db.equals("postgres");
        if (postgres) {
            props.put("spring.datasource.url", PostgresServer.get().createDatabase(
                    "kyc_b" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/kyc") + ";AUTO_SERVER=TRUE");
        }
        props.putAll(EXTRA);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KycKeeperApplication.class,
                SwitchableAuditing.class).profiles("demo")
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            Api api = new Api(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
            CustomerRegistry registry = ctx.getBean(CustomerRegistry.class);
            if (!EXTRA.containsKey("no-drain")) { // experiments only: measure the request path without sealing
                sealPending = () -> com.kyckeeper.audit.internal.SealerAccess.sealPending(ctx);
            }
            if (EXTRA.containsKey("bench-sql")) { // experiments only: e.g. --bench-sql="drop index x"
                for (String stmt : EXTRA.get("bench-sql").toString().split(";")) {
                    ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(stmt).update();
                }
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Api.Response created = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true));
                if (created.status() != 201) {
                    throw new IllegalStateException("registration answered " + created.status() + ": " + created.body());
                }
                ids.add(created.json().get("id").asString());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            boolean onOnly = EXTRA.containsKey("on-only"); // for a profiler: every round audited
            for (int w = 0; w < 3; w++) { // warm-up, both paths
                AUDITING.set(onOnly || w % 2 == 0);
                run(registry, ids, pool, threads, seconds);
            }
            double on = 0;
            double off = 0;
            double[] cpuOn = new double[2];
            double[] cpuOff = new double[2];
            double dbOn = 0;
            double dbOff = 0;
            List<Double> overheads = new ArrayList<>();
            List<Double> cpuOverheads = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                AUDITING.set(true);
                double a = run(registry, ids, pool, threads, seconds);
                double aCpu = lastProcessCpuMicrosPerRead;
                double aReq = lastRequestCpuMicrosPerRead;
                double aDb = lastDbCpuMicrosPerRead;
                AUDITING.set(onOnly);
                double b = run(registry, ids, pool, threads, seconds);
                double bCpu = lastProcessCpuMicrosPerRead;
                double bReq = lastRequestCpuMicrosPerRead;
                double bDb = lastDbCpuMicrosPerRead;
                System.out.printf("round %d: auditing on %,.0f reads/s (%.0f µs CPU/read, request threads %.0f),"
                                + " off %,.0f reads/s (%.0f µs, %.0f), overhead %.1f%% (CPU/read %+.1f%%) load %.1f%n",
                        r + 1, a, aCpu, aReq, b, bCpu, bReq, 100 * (1 - a / b), 100 * (aCpu / bCpu - 1),
                        OS.getSystemLoadAverage());
                on += a;
                off += b;
                cpuOn[0] += aCpu;
                cpuOn[1] += aReq;
                cpuOff[0] += bCpu;
                cpuOff[1] += bReq;
                dbOn += aDb;
                dbOff += bDb;
                overheads.add(100 * (1 - a / b));
                cpuOverheads.add(100 * (aCpu / bCpu - 1));
            }
            overheads.sort(null);
            cpuOverheads.sort(null);
            if (EXTRA.containsKey("http")) {
                http(api, ids, pool, threads, seconds, rounds,
                        ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class));
            }
            AUDITING.set(true);
            pool.shutdown();
            System.out.printf("RESULT masked reads (CustomerRegistry.find) db=%s threads=%d mean on=%,.0f/s off=%,.0f/s"
                            + " overhead of means=%.1f%% median round overhead=%.1f%%%n", db, threads, on / rounds,
                    off / rounds, 100 * (1 - on / off), overheads.get(overheads.size() / 2));
            System.out.printf("RESULT CPU per masked read db=%s: process on=%.1f µs off=%.1f µs (+%.1f%%, median round"
                            + " %+.1f%%); request threads on=%.1f µs off=%.1f µs (+%.1f%%)%n", db, cpuOn[0] / rounds,
                    cpuOff[0] / rounds, 100 * (cpuOn[0] / cpuOff[0] - 1), cpuOverheads.get(cpuOverheads.size() / 2),
                    cpuOn[1] / rounds, cpuOff[1] / rounds, 100 * (cpuOn[1] / cpuOff[1] - 1));
            if (postgres) {
                System.out.printf("RESULT PostgreSQL CPU per masked read: on=%.1f µs off=%.1f µs; service + PostgreSQL"
                                + " on=%.1f µs off=%.1f µs (+%.1f%%)%n", dbOn / rounds, dbOff / rounds,
                        (cpuOn[0] + dbOn) / rounds, (cpuOff[0] + dbOff) / rounds,
                        100 * ((cpuOn[0] + dbOn) / (cpuOff[0] + dbOff) - 1));
            }
            long events = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select count(*) from access_events").query(Long.class).single();
            System.out.printf("access events written: %,d%n", events);
        }
    }

    private static double run(CustomerRegistry registry, List<String> ids, ExecutorService pool, int threads,
                              int seconds) throws Exception {
        long cpu0 = OS.getProcessCpuTime();
        long db0 = dbCpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<Integer>> futures = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong requestCpu = new java.util.concurrent.atomic.AtomicLong();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                long threadCpu0 = THREADS.getCurrentThreadCpuTime();
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        offset % 2 == 0 ? "teller1" : "teller2", null,
                        List.of(new SimpleGrantedAuthority("ROLE_TELLER"))));
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        registry.find(CustomerId.parse(ids.get((n + offset) % ids.size())));
                        n++;
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                    requestCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - threadCpu0);
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        sealPending.run();
        double elapsed = (System.nanoTime() - start) / 1e9;
        lastProcessCpuMicrosPerRead = (OS.getProcessCpuTime() - cpu0) / 1e3 / total;
        lastRequestCpuMicrosPerRead = requestCpu.get() / 1e3 / total;
        lastDbCpuMicrosPerRead = (dbCpuNanos() - db0) / 1e3 / total;
        return total / elapsed;
    }

    /** The same comparison end to end over HTTP (Basic authentication with Argon2 on every request). */
    private static void http(Api api, List<String> ids, ExecutorService pool, int threads, int seconds, int rounds,
                             org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        double on = 0;
        double off = 0;
        double cpuOn = 0;
        double cpuOff = 0;
        double serverOn = 0;
        double serverOff = 0;
        for (int r = -2; r < rounds; r++) { // rounds -2 and -1 (two of each mode) warm the HTTP path up, unmeasured
            for (boolean auditing : new boolean[] {true, false}) {
                AUDITING.set(auditing);
                long cpu0 = OS.getProcessCpuTime();
                long client0 = clientCpuNanos();
                long db0 = dbCpuNanos();
                long events0 = jdbc.sql("select count(*) from access_events").query(Long.class).single();
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        int n = 0;
                        while (System.nanoTime() < end) {
                            if (api.as("teller1").get("/api/v1/customers/" + ids.get((n + offset) % ids.size()))
                                    .status() != 200) {
                                throw new IllegalStateException("read refused");
                            }
                            n++;
                        }
                        return n;
                    }));
                }
                long total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get();
                }
                sealPending.run();
                double rate = total / ((System.nanoTime() - start) / 1e9);
                long processNanos = OS.getProcessCpuTime() - cpu0;
                double cpu = processNanos / 1e3 / total;
                double server = (processNanos - (clientCpuNanos() - client0) + (dbCpuNanos() - db0)) / 1e3 / total;
                double eventsPerRead = (jdbc.sql("select count(*) from access_events").query(Long.class).single()
                        - events0) / (double) total;
                if (r < 0) {
                    continue;
                }
                System.out.printf("http round %d: auditing %s %,.1f reads/s, %.0f µs process CPU/read (client included),"
                        + " %.0f µs server CPU/read, %.2f access events/read, load %.1f%n", r + 1, auditing ? "on" : "off",
                        rate, cpu, server, eventsPerRead, OS.getSystemLoadAverage());
                if (auditing) {
                    on += rate;
                    cpuOn += cpu;
                    serverOn += server;
                } else {
                    off += rate;
                    cpuOff += cpu;
                    serverOff += server;
                }
            }
        }
        AUDITING.set(true);
        System.out.printf("RESULT http reads threads=%d on=%,.1f/s off=%,.1f/s overhead=%.1f%%; process CPU/read"
                        + " on=%.0f µs off=%.0f µs (+%.1f%%)%n", threads, on / rounds, off / rounds, 100 * (1 - on / off),
                cpuOn / rounds, cpuOff / rounds, 100 * (cpuOn / cpuOff - 1));
        // The load driver shares the two cores; without its CPU, a read costs the service this much.
        // Throughput on a machine of its own would fall by 1 - off/on of these.
        System.out.printf("RESULT http server CPU per read (load driver's threads excluded, PostgreSQL's included) on=%.0f µs off=%.0f µs"
                        + " (+%.1f%%, throughput overhead if CPU-bound %.1f%%)%n", serverOn / rounds, serverOff / rounds,
                100 * (serverOn / serverOff - 1), 100 * (1 - serverOff / serverOn));
    }

    private static long dbCpuNanos() {
        return postgres ? PostgresServer.get().cpuNanos() : 0;
    }

    /** CPU time of the load driver's threads: the pool's and the HTTP client's selector. */
    private static long clientCpuNanos() {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("pool-") || info.getThreadName().startsWith("HttpClient"))) {
                long t = THREADS.getThreadCpuTime(info.getThreadId());
                sum += Math.max(t, 0);
            }
        }
        return sum;
    }

    /** Benchmark only: wraps the access log so its appends can be skipped to measure what they cost. */
    @Configuration(proxyBeanMethods = false)
    static class SwitchableAuditing {
        @Bean
        static BeanPostProcessor switchableAccessLog() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof AccessLog log)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(AccessLog.class.getClassLoader(), new Class<?>[] {AccessLog.class},
                            (proxy, method, margs) -> {
                                if (!AUDITING.get() && method.getName().startsWith("append")) {
                                    return null;
                                }
                                try {
                                    return method.invoke(log, margs);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }
}
