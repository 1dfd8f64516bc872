package com.kyckeeper.benchmarks;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.support.Databases;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the per-request account check (security.ActiveAccountFilter: a disabled user's session ends on its next
 * request) costs. Two service instances in one JVM, each on its own H2 database: one with the shipped cache
 * ({@code kyc.login.session-check.max-age=5s}), one asking the database on every request ({@code 0s}). Signed-in
 * browser sessions (cookie, form login) GET a static asset (the cheapest authenticated request, so the check's
 * share is largest) and a small page; rounds alternate between the instances. Reports requests/s and process CPU
 * microseconds per request for each, and first the check alone in-process (microseconds per check, cached/uncached). Arguments: {@code [threads] [seconds per round] [rounds]}.
 * Command: see docs/history.md.
 */
public final class SessionCheckBenchmark {

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ConfigurableApplicationContext cached = start("5s", "bench-cached");
             ConfigurableApplicationContext uncached = start("0s", "bench-uncached")) {
            for (int round = 0; round < 3; round++) {
                System.out.printf("CHECK round=%d cached %.2f us/check, uncached %.2f us/check%n", round,
                        checkMicros(cached, 200_000), checkMicros(uncached, 20_000));
            }
            Map<String, Integer> ports = new java.util.LinkedHashMap<>();
            ports.put("max-age=5s", port(cached));
            ports.put("max-age=0s", port(uncached));
            for (String path : List.of("/css/app.css", "/customers/search")) {
                Map<String, List<double[]>> results = new HashMap<>();
                for (int round = -1; round < rounds; round++) { // round -1: warm-up, not reported
                    for (var e : ports.entrySet()) {
                        double[] r = run(e.getValue(), path, threads, round < 0 ? 2 : seconds);
                        if (round >= 0) {
                            results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(r);
                            System.out.printf("ROUND %s %s round=%d %,.0f req/s, %.1f us CPU/req%n", path, e.getKey(),
                                    round, r[0], r[1]);
                        }
                    }
                }
                double cachedRate = best(results.get("max-age=5s"), 0);
                double uncachedRate = best(results.get("max-age=0s"), 0);
                System.out.printf("RESULT %s best req/s cached=%,.0f uncached=%,.0f ratio uncached/cached=%.3f;"
                                + " median CPU us/req cached=%.1f uncached=%.1f%n", path, cachedRate, uncachedRate,
                        uncachedRate / cachedRate, median(results.get("max-age=5s")), median(results.get("max-age=0s")));
            }
        }
    }

    static ConfigurableApplicationContext start(String maxAge, String name) throws Exception {
        Path dir = Files.createTempDirectory("kyc-bench");
        Map<String, Object> props = new HashMap<>();
        props.put("kyc.data-dir", dir.toString());
        props.put("KYC_DEMO_PASSWORD", Databases.PASSWORD);
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("logging.level.root", "WARN");
        props.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/kyc"));
        props.put("spring.quartz.scheduler-name", name);
        props.put("spring.jmx.enabled", "false");
        props.put("spring.application.name", name);
        props.put("kyc.login.session-check.max-age", maxAge);
        return new SpringApplicationBuilder(KycKeeperApplication.class).profiles("demo")
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** The check alone, in-process: AccountStates.of(user) (package-private, called reflectively), microseconds each. */
    static double checkMicros(ConfigurableApplicationContext ctx, int calls) throws Exception {
        Object states = ctx.getBean("accountStates");
        java.lang.reflect.Method of = states.getClass().getDeclaredMethod("of", String.class);
        of.setAccessible(true);
        for (int i = 0; i < calls / 10; i++) {
            of.invoke(states, i % 2 == 0 ? "teller1" : "teller2");
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (of.invoke(states, i % 2 == 0 ? "teller1" : "teller2") == null) {
                throw new IllegalStateException();
            }
        }
        return (System.nanoTime() - t0) / 1e3 / calls;
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    /** [requests per second, process CPU microseconds per request] over one round. */
    static double[] run(int port, String path, int threads, int seconds) throws Exception {
        List<HttpClient> sessions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(signedIn(port, t % 2 == 0 ? "teller1" : "teller2"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (HttpClient session : sessions) {
            done.add(pool.submit(() -> {
                long n = 0;
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/html").GET().build();
                while (System.nanoTime() < end) {
                    HttpResponse<Void> r = session.send(get, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + r.statusCode());
                    }
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : done) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = OS.getProcessCpuTime() - cpu0;
        pool.shutdown();
        return new double[] {total / elapsed, cpu / 1e3 / total};
    }

    static HttpClient signedIn(int port, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + user + "&password=" + Databases.PASSWORD + "&_csrf="
                + java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + user);
        }
        return http;
    }

    static double best(List<double[]> rounds, int index) {
        return rounds.stream().mapToDouble(r -> r[index]).max().orElse(0);
    }

    static double median(List<double[]> rounds) {
        double[] cpu = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        return cpu[cpu.length / 2];
    }
}
