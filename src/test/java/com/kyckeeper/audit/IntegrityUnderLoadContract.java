package com.kyckeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/audit/integrity while a load driver appends (directly and through audited reads):
 * it answers INTACT within a generous bound, verified through a head fixed when it started; a
 * copied event is still found, also when its original's seal is changed to hide it.
 */
abstract class IntegrityUnderLoadContract extends ApiTestBase {

    private static final int PREFILL = 100_000;
    private static final long BOUND_MILLIS = 60_000;

    @Autowired
    AccessLog accessLog;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    PlatformTransactionManager tm;

    /** Changes the database behind the service's back, as someone with database access would. */
    protected void tamper(String sql, Object... args) {
        jdbc.sql(sql).params(args).update();
    }

    @Test
    void verificationEndsIntactThroughItsStartingHeadWhileTheLogGrowsAndStillFindsACopyOrAChangedSeal() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(tm);
        for (int done = 0; done < PREFILL; done += 10_000) {
            tx.executeWithoutResult(s -> accessLog.appendAll(batch(10_000)));
        }
        sealAll();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> drivers = new ArrayList<>();
        drivers.add(load.submit(() -> {
            while (!stop.get()) {
                tx.executeWithoutResult(s -> accessLog.appendAll(batch(50)));
                appended.addAndGet(50);
                pause(20);
            }
            return null;
        }));
        for (String user : List.of("teller1", "auditor1")) {
            drivers.add(load.submit(() -> {
                while (!stop.get()) {
                    String path = user.equals("teller1") ? "/api/v1/customers/reverification-due?within=30"
                            : "/api/v1/audit/access-events?size=5";
                    assertThat(api.as(user).get(path).status()).isEqualTo(200);
                    appended.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            pause(1_000);
            long headBefore = maxSeq();
            long t0 = System.nanoTime();
            Api.Response r = api.as("auditor1").get(AuditContract.INTEGRITY);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long headAfter = maxSeq();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("status").asString()).as(r.body()).isEqualTo("INTACT");
            assertThat(millis).isLessThan(BOUND_MILLIS);
            assertThat(report.get("verifiedThrough").asLong()).isBetween(headBefore, headAfter);
            assertThat(report.get("entries").asLong()).isGreaterThan(PREFILL);
            pause(500);
            assertThat(appended.get()).as("the load driver kept appending").isGreaterThan(100);
        } finally {
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> driver : drivers) {
            driver.get(); // a failed read or append fails the test
        }

        long original = jdbc.sql("select min(seq) from access_events where action = 'LOAD_TEST'").query(Long.class).single();
        tamper("insert into access_events (at, actor, actor_role, action, customer_id, purpose, outcome,"
                + " client_address, request_id, detail, event_id, mac) select at, actor, actor_role, action, customer_id,"
                + " purpose, outcome, client_address, request_id, detail, event_id, mac from access_events where seq = ?",
                original);
        long copy = maxSeq();
        JsonNode broken = api.as("auditor1").get(AuditContract.INTEGRITY).json();
        assertThat(broken.get("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(copy);
        assertThat(broken.get("reason").asString()).contains("copied");

        // Hiding the copy by changing the original's seal instead breaks the chain at the original.
        tamperSeal("update access_event_seals set event_id = 'x' where seq = ?", original);
        JsonNode hidden = api.as("auditor1").get(AuditContract.INTEGRITY).json();
        assertThat(hidden.get("status").asString()).isEqualTo("BROKEN");
        assertThat(hidden.get("firstBrokenSeq").asLong()).isEqualTo(original);
        assertThat(hidden.get("reason").asString()).contains("seal's event id");
    }

    /** Changes a seal row (PostgreSQL switches its append-only trigger off around it). */
    protected void tamperSeal(String sql, Object... args) {
        tamper(sql, args);
    }

    /** Seals the prefill, waiting out the scheduled sealer (which holds the sealing lock meanwhile). */
    private void sealAll() {
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

    private long maxSeq() {
        return jdbc.sql("select max(seq) from access_events").query(Long.class).single();
    }

    private static List<AccessEvent> batch(int n) {
        List<AccessEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new AccessEvent("LOAD_TEST", null, null, Outcome.SUCCESS, "load " + i));
        }
        return events;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
