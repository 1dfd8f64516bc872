package com.kyckeeper.benchmarks;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AuditIntegrity;
import com.kyckeeper.audit.IntegrityReport;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online verification ({@code AuditIntegrity.verify}: seal, then chain, MACs, checkpoints and the
 * copy check over the database) of a prefilled log, idle and while two threads append, in events
 * per second. Arguments: {@code h2|postgres [events] [rounds]}; command in docs/benchmarks.md.
 */
public final class IntegrityVerifyBenchmark {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("kyc-bench");
        Map<String, Object> props = new HashMap<>();
        props.put("kyc.data-dir", dir.toString());
        props.put("KYC_DEMO_PASSWORD", Databases.PASSWORD);
        props.put("server.port", "0");
        props.put("logging.level.root", "WARN");
        if (db.equals("postgres")) {
            props.put("spring.datasource.url", PostgresServer.get().createDatabase(
                    "kyc_v" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/kyc") + ";AUTO_SERVER=TRUE");
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KycKeeperApplication.class).profiles("demo")
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            AccessLog log = ctx.getBean(AccessLog.class);
            AuditIntegrity integrity = ctx.getBean(AuditIntegrity.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "auditor1", null, List.of(new SimpleGrantedAuthority("ROLE_AUDITOR"))));
            for (int done = 0; done < events; done += 10_000) {
                tx.executeWithoutResult(s -> log.appendAll(batch(10_000)));
            }
            seal(integrity);
            for (boolean loaded : new boolean[] {false, true}) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong appended = new AtomicLong();
                List<Thread> load = new ArrayList<>();
                for (int t = 0; loaded && t < 2; t++) {
                    load.add(Thread.ofPlatform().start(() -> {
                        while (!stop.get()) {
                            tx.executeWithoutResult(s -> log.appendAll(batch(50)));
                            appended.addAndGet(50);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }));
                }
                double best = 0;
                long longest = 0;
                long sealMillis = 0;
                for (int r = 0; r < rounds + 1; r++) { // the first round warms up
                    long s0 = System.nanoTime();
                    seal(integrity); // what verify's own sealing pass costs on an (almost) sealed log
                    sealMillis = Math.max(sealMillis, (System.nanoTime() - s0) / 1_000_000);
                    long t0 = System.nanoTime();
                    IntegrityReport report = integrity.verify();
                    long nanos = System.nanoTime() - t0;
                    if (!report.intact()) {
                        throw new IllegalStateException("log broken: " + report);
                    }
                    if (r > 0) {
                        best = Math.max(best, report.entries() / (nanos / 1e9));
                        longest = Math.max(longest, nanos / 1_000_000);
                    }
                }
                stop.set(true);
                for (Thread t : load) {
                    t.join();
                }
                System.out.printf("RESULT online verification db=%s load=%s events>=%d best=%,.0f events/s slowest=%d ms"
                        + " appended-meanwhile=%d sealing-pass-alone<=%d ms%n", db, loaded, events, best, longest, appended.get(),
                        sealMillis);
            }
        }
        System.exit(0);
    }

    private static void seal(AuditIntegrity integrity) {
        for (int attempt = 0; ; attempt++) {
            try {
                integrity.sealNow();
                return;
            } catch (org.springframework.dao.DataAccessException busy) {
                if (attempt > 100) {
                    throw busy;
                }
            }
        }
    }

    private static List<AccessEvent> batch(int n) {
        List<AccessEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new AccessEvent("BENCH", null, null, Outcome.SUCCESS, "bench " + i));
        }
        return events;
    }
}
