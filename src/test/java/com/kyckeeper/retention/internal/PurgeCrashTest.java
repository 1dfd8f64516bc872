package com.kyckeeper.retention.internal;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A purge that dies halfway (an Error thrown inside a batch's purge transaction, after its keys are
 * shredded and its rows deleted, like a killed thread) and is then run again. Batches of three
 * customers, two in parallel: the batch dying is whole again, batches the other worker commits (before
 * or after the crash) stay purged.
 */
@Import(PurgeCrashTest.Crash.class)
class PurgeCrashTest extends ApiTestBase {

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash in the middle of a purge");
        }
    }

    static final class CrashingHook implements PurgeHook {
        volatile int crashAt = -1;
        final AtomicInteger seen = new AtomicInteger();
        final CountDownLatch crashed = new CountDownLatch(1);

        @Override
        public void beforeCommit(String runId, CustomerId customer) {
            if (crashAt > 0 && seen.incrementAndGet() == crashAt) {
                crashed.countDown();
                throw new SimulatedCrash();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Crash {
        @Bean
        CrashingHook crashingHook() {
            return new CrashingHook();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("kyc.retention.purge.batch-size", () -> "3");
        registry.add("kyc.retention.purge.workers", () -> "2");
    }

    @Autowired
    CrashingHook hook;
    @Autowired
    Scheduler scheduler;

    @Test
    void aPurgeKilledHalfwayLeavesEveryCustomerWholeOrGoneAndTheNextRunFinishes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // four whole batches: the other worker may go on after the crash
            Api.Response r = api.as("teller1").post("/api/v1/customers", individual(residentId(i % 2 == 0), i % 2 == 0));
            String id = r.json().get("id").asString();
            assertThat(api.as("compliance1").post("/api/v1/customers/" + id + "/closure",
                    Map.of("endedOn", "2020-06-15")).status()).isEqualTo(200);
            ids.add(id);
        }
        hook.crashAt = 5;

        String crashedRun = api.as("compliance1").post("/api/v1/retention/purge-runs", Map.of("dryRun", false))
                .json().get("id").asString();
        assertThat(hook.crashed.await(60, TimeUnit.SECONDS)).isTrue();
        awaitIdleScheduler();

        int whole = 0;
        int gone = 0;
        for (String id : ids) {
            if (present(id)) {
                whole++;
            } else {
                assertPurged(id);
                gone++;
            }
        }
        assertThat(gone).as("purged around the crash, whole batches of three").isBetween(3, 9);
        assertThat(gone % 3).as("a batch is all or nothing").isZero();
        assertThat(whole).as("the batch being purged at the crash is whole again").isGreaterThanOrEqualTo(3);
        assertThat(status(crashedRun)).isEqualTo("RUNNING"); // as a dead node leaves it

        hook.crashAt = -1;
        JsonNode second = api.as("compliance1").post("/api/v1/retention/purge-runs", Map.of("dryRun", false)).json();
        JsonNode done = awaitCompleted(second.get("id").asString());

        assertThat(done.get("purged").asLong()).isEqualTo(whole);
        assertThat(done.get("errors").asLong()).isZero();
        ids.forEach(this::assertPurged);
        assertThat(status(crashedRun)).isEqualTo("ABANDONED");
        assertThat(jdbc.sql("select count(*) from customer_tombstones").query(Long.class).single()).isEqualTo(12);
    }

    boolean present(String id) {
        long customer = count("select count(*) from customers where id = ?", id);
        long versions = count("select count(*) from customer_versions where customer_id = ?", id);
        long key = count("select count(*) from data_keys where owner_id = ?", id);
        long tombstone = count("select count(*) from customer_tombstones where customer_id = ?", id);
        if (customer == 1) {
            assertThat(versions).as("versions of a present customer").isGreaterThanOrEqualTo(2);
            assertThat(key).as("data key of a present customer").isEqualTo(1);
            assertThat(tombstone).isZero();
            assertThat(api.as("compliance1").get("/api/v1/customers/" + id).status()).isEqualTo(200);
            return true;
        }
        return false;
    }

    void assertPurged(String id) {
        assertThat(count("select count(*) from customers where id = ?", id)).isZero();
        assertThat(count("select count(*) from customer_versions where customer_id = ?", id)).isZero();
        assertThat(count("select count(*) from customer_parties where customer_id = ?", id)).isZero();
        assertThat(count("select count(*) from data_keys where owner_id = ?", id)).isZero();
        assertThat(count("select count(*) from customer_tombstones where customer_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from access_events where customer_id = ? and action = 'CUSTOMER_PURGE'", id))
                .isEqualTo(1);
        assertThat(api.as("compliance1").get("/api/v1/customers/" + id).status()).isEqualTo(410);
    }

    long count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    String status(String run) {
        return jdbc.sql("select status from purge_runs where id = ?").param(run).query(String.class).single();
    }

    void awaitIdleScheduler() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(scheduler.getCurrentlyExecutingJobs()).isEmpty();
    }

    JsonNode awaitCompleted(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = api.as("auditor1").get("/api/v1/retention/purge-runs/" + id).json();
            if ("COMPLETED".equals(run.get("status").asString())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not complete");
    }
}
