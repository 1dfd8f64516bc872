package com.kyckeeper.transaction;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: a backdated cash transaction for a customer that a purge removes between the intake's reading of the
 * standing and its write must not create a new data key for the forgotten customer. The race is made
 * deterministic: the registry's standing answer is given, then the purge runs to completion, then the intake
 * writes. Run on H2 and PostgreSQL by the subclasses.
 */
@Import(LateFeedPurgeRaceContract.PurgeAfterStandingRead.class)
abstract class LateFeedPurgeRaceContract extends ApiTestBase {

    /** The customer whose standing read is followed by the action (once). */
    static final AtomicReference<Map.Entry<CustomerId, Runnable>> ARMED = new AtomicReference<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class PurgeAfterStandingRead {
        @Bean
        static BeanPostProcessor purgeAfterStandingRead() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof CustomerRegistry)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(CustomerRegistry.class.getClassLoader(),
                            ClassUtils.getAllInterfacesForClass(bean.getClass()), (proxy, method, args) -> {
                                Object answer;
                                try {
                                    answer = method.invoke(bean, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                                if (method.getName().startsWith("standing")) {
                                    var armed = ARMED.get();
                                    if (armed != null && concerns(args[0], armed.getKey()) && ARMED.compareAndSet(armed, null)) {
                                        armed.getValue().run();
                                    }
                                }
                                return answer;
                            });
                }
            };
        }

        private static boolean concerns(Object arg, CustomerId id) {
            return arg.equals(id) || arg instanceof Collection<?> c && c.contains(id);
        }
    }

    private Map<String, Object> deposit(String customer, String occurredAt) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("reference", "LATE-" + UUID.randomUUID());
        tx.put("customerId", customer);
        tx.put("direction", "DEPOSIT");
        tx.put("amount", "60000.00");
        tx.put("currency", "CNY");
        tx.put("occurredAt", occurredAt);
        tx.put("branch", "BJ-001");
        tx.put("sourceOfFunds", "工资收入");
        return tx;
    }

    private String closedCustomerDueForPurge() {
        String id = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true)).json()
                .get("id").asString();
        Api.Response closed = api.as("compliance1").post("/api/v1/customers/" + id + "/closure",
                Map.of("endedOn", "2018-06-15"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        return id;
    }

    private void purgeToCompletion() {
        Api.Response r = api.as("compliance1").post("/api/v1/retention/purge-runs", Map.of("dryRun", false));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String run = r.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = api.as("compliance1").get("/api/v1/retention/purge-runs/" + run).json();
            if ("COMPLETED".equals(status.get("status").asString())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("purge run did not complete");
    }

    private long dataKeys(String customer) {
        return jdbc.sql("select count(*) from data_keys where owner_id = ?").param(customer).query(Long.class).single();
    }

    @Test
    void aBackdatedTransactionForACustomerPurgedMeanwhileCreatesNoDataKeyAndNoRows() {
        String customer = closedCustomerDueForPurge();
        ARMED.set(Map.entry(new CustomerId(UUID.fromString(customer)), this::purgeToCompletion));
        Api.Response late = api.as("teller1").post("/api/v1/cash-transactions", deposit(customer, "2018-03-01T10:00:00+08:00"));
        assertThat(ARMED.get()).as("the purge ran between the standing read and the write").isNull();
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
        assertThat(late.body()).doesNotContain("工资收入");
        assertThat(dataKeys(customer)).as("no new data key for the forgotten customer").isZero();
        assertThat(jdbc.sql("select count(*) from cash_transactions where customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
        assertThat(api.as("compliance1").get("/api/v1/customers/" + customer).status()).isEqualTo(410);
    }

    @Test
    void aBackdatedTransactionInABatchForACustomerPurgedMeanwhileIsRefusedAloneAndCreatesNoDataKey() {
        String purged = closedCustomerDueForPurge();
        String active = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true)).json()
                .get("id").asString();
        ARMED.set(Map.entry(new CustomerId(UUID.fromString(purged)), this::purgeToCompletion));
        Api.Response batch = api.as("teller1").post("/api/v1/cash-transactions/batch", Map.of("transactions",
                java.util.List.of(deposit(purged, "2018-03-01T10:00:00+08:00"),
                        deposit(active, clock.instant().atOffset(java.time.ZoneOffset.ofHours(8)).toString()))));
        assertThat(ARMED.get()).isNull();
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.body()).contains("customerId");
        assertThat(dataKeys(purged)).isZero();
        assertThat(jdbc.sql("select count(*) from cash_transactions where customer_id = ?").param(active)
                .query(Long.class).single()).as("the other item is recorded").isEqualTo(1);
    }

    @Test
    void aBackdatedTransactionForAnAlreadyPurgedCustomerCreatesNoDataKey() {
        String customer = closedCustomerDueForPurge();
        purgeToCompletion();
        Api.Response late = api.as("teller1").post("/api/v1/cash-transactions", deposit(customer, "2018-03-01T10:00:00+08:00"));
        assertThat(late.status()).isIn(409, 410);
        assertThat(dataKeys(customer)).isZero();
    }
}
