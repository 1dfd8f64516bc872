package com.kyckeeper.transaction;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Transactions run their own retention clock from the booking day and are purged with their customer. */
class TransactionRetentionTest extends ApiTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    String customerWithLargeDeposit(String occurredAt, String endedOn) {
        String id = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true)).json()
                .get("id").asString();
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("reference", "RET-" + UUID.randomUUID());
        tx.put("customerId", id);
        tx.put("direction", "DEPOSIT");
        tx.put("amount", "60000.00");
        tx.put("currency", "CNY");
        tx.put("occurredAt", occurredAt);
        tx.put("branch", "BJ-001");
        Api.Response recorded = api.as("teller1").post("/api/v1/cash-transactions", tx);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("caseId").isNull()).isFalse();
        Api.Response closed = api.as("compliance1").post("/api/v1/customers/" + id + "/closure",
                Map.of("endedOn", endedOn));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        return id;
    }

    JsonNode purge() {
        Api.Response r = api.as("compliance1").post("/api/v1/retention/purge-runs", Map.of("dryRun", false));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String run = r.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = api.as("compliance1").get("/api/v1/retention/purge-runs/" + run).json();
            if (status.get("status").asString().equals("COMPLETED")) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("purge run did not complete");
    }

    long rows(String table, String customerId) {
        return jdbc.sql("select count(*) from " + table + " where customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    @Test
    void keepsACustomerWhileItsLatestTransactionIsWithinTheirPeriodThenPurgesBothTogether() {
        // identity clock from 2020-06-15 (due 2026-01-01), but a deposit booked 2021-03-01 (due 2027-01-01)
        String held = customerWithLargeDeposit("2021-03-01T10:00:00+08:00", "2020-06-15");
        // both clocks from 2020 (due 2026-01-01)
        String due = customerWithLargeDeposit("2020-03-01T10:00:00+08:00", "2020-06-15");

        JsonNode run = purge();
        assertThat(run.get("errors").asLong()).isZero();
        assertThat(rows("cash_transactions", due)).isZero();
        assertThat(rows("dd_cases", due)).isZero();
        assertThat(rows("cash_day_totals", due)).isZero();
        assertThat(api.as("compliance1").get("/api/v1/customers/" + due).status()).isEqualTo(410);
        assertThat(rows("cash_transactions", held)).isEqualTo(1);
        assertThat(api.as("compliance1").get("/api/v1/customers/" + held).status()).isEqualTo(200);

        clock.set(Instant.parse("2026-12-31T16:00:00Z")); // 2027-01-01 00:00 in Asia/Shanghai
        purge();
        assertThat(rows("cash_transactions", held)).isZero();
        assertThat(rows("dd_cases", held)).isZero();
        assertThat(api.as("compliance1").get("/api/v1/customers/" + held).status()).isEqualTo(410);
    }
}
