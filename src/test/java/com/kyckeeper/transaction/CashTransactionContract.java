package com.kyckeeper.transaction;

import static com.kyckeeper.support.CashRequests.ref;
import static com.kyckeeper.support.CashRequests.tx;
import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The cash-transaction contract (api.md, Cash transactions and due diligence), on H2 and PostgreSQL. */
abstract class CashTransactionContract extends ApiTestBase {

    static final String TX = "/api/v1/cash-transactions";

    String verifiedCustomer() {
        String id = registered();
        Api.Response v = api.as("supervisor1").post("/api/v1/customers/" + id + "/verification",
                Map.of("decision", "APPROVE", "note", "documents seen"));
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        return id;
    }

    String registered() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static Map<String, Object> without(Map<String, Object> m, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.remove(field);
        return copy;
    }

    static Map<String, Object> with(Map<String, Object> m, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.put(field, value);
        return copy;
    }

    JsonNode post(Map<String, Object> body, int expected) {
        Api.Response r = api.as("teller1").post(TX, body);
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r.json();
    }

    JsonNode get(String id) {
        Api.Response r = api.as("teller1").get(TX + "/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    // ---------------------------------------------------------------- thresholds

    @Test
    void rmbJustBelowTheThresholdIsNotLargeValue() {
        JsonNode r = post(tx(verifiedCustomer(), "DEPOSIT", "49999.99", "CNY", "2026-11-20T10:15:00+08:00"), 201);
        assertThat(r.get("largeValue").asBoolean()).isFalse();
        assertThat(r.get("dueDiligence").asString()).isEqualTo("NOT_REQUIRED");
        assertThat(r.get("reportDueBy").isNull()).isTrue();
        assertThat(r.get("caseId").isNull()).isTrue();
    }

    @Test
    void rmbAtExactlyTheThresholdIsLargeValueAndDueFiveWorkingDaysLater() {
        JsonNode r = post(tx(verifiedCustomer(), "DEPOSIT", "50000.00", "CNY", "2026-11-20T10:15:00+08:00"), 201);
        assertThat(r.get("largeValue").asBoolean()).isTrue();
        assertThat(r.get("dueDiligence").asString()).isEqualTo("SATISFIED");
        assertThat(r.get("caseId").isNull()).isTrue();
        assertThat(r.get("reportDueBy").asString()).isEqualTo("2026-11-27");
    }

    @Test
    void reportDeadlineSkipsTheNationalDayHolidayAndCountsTheMakeUpSaturday() {
        JsonNode r = post(tx(verifiedCustomer(), "WITHDRAWAL", "80000.00", "CNY", "2026-09-30T16:00:00+08:00"), 201);
        // Oct 1–7 off; Oct 8 Thu, 9 Fri, 10 Sat (make-up working day), 12 Mon, 13 Tue.
        assertThat(r.get("reportDueBy").asString()).isEqualTo("2026-10-13");
    }

    @Test
    void usdAtExactlyTenThousandIsLargeValueAndJustBelowIsNot() {
        String c = verifiedCustomer();
        assertThat(post(tx(c, "DEPOSIT", "9999.99", "USD", "2026-11-18T10:00:00+08:00"), 201).get("largeValue").asBoolean()).isFalse();
        String other = verifiedCustomer();
        JsonNode r = post(tx(other, "DEPOSIT", "10000.00", "USD", "2026-11-18T10:00:00+08:00"), 201);
        assertThat(r.get("largeValue").asBoolean()).isTrue();
        assertThat(r.get("currencyClass").asString()).isEqualTo("FOREIGN");
    }

    @Test
    void rmbAndForeignCurrencyAreMeasuredSeparately() {
        String c = verifiedCustomer();
        post(tx(c, "DEPOSIT", "40000.00", "CNY", "2026-11-17T10:00:00+08:00"), 201);
        JsonNode usd = post(tx(c, "DEPOSIT", "9000.00", "USD", "2026-11-17T11:00:00+08:00"), 201);
        assertThat(usd.get("largeValue").asBoolean()).isFalse();
    }

    // ---------------------------------------------------------------- aggregation and time zones

    @Test
    void theCrossingDepositMakesTheWholeDayReportableIncludingEarlierOnes() {
        String c = verifiedCustomer();
        JsonNode first = post(without(tx(c, "DEPOSIT", "30000.00", "CNY", "2026-11-16T09:00:00+08:00"), "sourceOfFunds"), 201);
        assertThat(first.get("largeValue").asBoolean()).isFalse();
        JsonNode second = post(tx(c, "DEPOSIT", "20000.00", "CNY", "2026-11-16T15:00:00+08:00"), 201);
        assertThat(second.get("largeValue").asBoolean()).isTrue();
        assertThat(second.get("dueDiligence").asString()).isEqualTo("SATISFIED");

        JsonNode earlier = get(first.get("id").asString());
        assertThat(earlier.get("largeValue").asBoolean()).isTrue();
        assertThat(earlier.get("reportDueBy").asString()).isEqualTo("2026-11-23");
        assertThat(earlier.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        assertThat(earlier.get("caseId").isNull()).isFalse();
    }

    @Test
    void depositsAndWithdrawalsAreNotNetted() {
        String c = verifiedCustomer();
        post(tx(c, "DEPOSIT", "30000.00", "CNY", "2026-11-13T09:00:00+08:00"), 201);
        JsonNode w = post(tx(c, "WITHDRAWAL", "30000.00", "CNY", "2026-11-13T10:00:00+08:00"), 201);
        assertThat(w.get("largeValue").asBoolean()).isFalse();
    }

    @Test
    void aTransactionAt2330UtcBelongsToTheNextShanghaiDay() {
        String c = verifiedCustomer();
        JsonNode late = post(tx(c, "DEPOSIT", "25000.00", "CNY", "2026-11-11T23:30:00Z"), 201);
        assertThat(late.get("businessDay").asString()).isEqualTo("2026-11-12");
        JsonNode nextDay = post(tx(c, "DEPOSIT", "25000.00", "CNY", "2026-11-12T09:00:00+08:00"), 201);
        assertThat(nextDay.get("largeValue").asBoolean()).isTrue();
        JsonNode dayBefore = post(tx(c, "DEPOSIT", "45000.00", "CNY", "2026-11-11T15:59:59Z"), 201);
        assertThat(dayBefore.get("businessDay").asString()).isEqualTo("2026-11-11");
        assertThat(dayBefore.get("largeValue").asBoolean()).isFalse();
    }

    @Test
    void twoConcurrentDepositsThatTogetherCrossAreNeverBothMissed() throws Exception {
        int pairs = 6;
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            customers.add(verifiedCustomer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (String c : customers) {
                for (int k = 0; k < 2; k++) {
                    Map<String, Object> body = tx(c, "DEPOSIT", "25000.00", "CNY", "2026-11-10T10:0" + k + ":00+08:00");
                    calls.add(pool.submit(() -> {
                        start.await();
                        return api.as("teller2").post(TX, body);
                    }));
                }
            }
            start.countDown();
            for (Future<Api.Response> f : calls) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        for (String c : customers) {
            assertThat(jdbc.sql("select count(*) from cash_transactions where customer_id = ? and large_value = ?")
                    .param(c).param(true).query(Long.class).single()).as("customer " + c).isEqualTo(2);
            assertThat(jdbc.sql("select total from cash_day_totals where customer_id = ?").param(c)
                    .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("50000");
        }
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void postingTheSameReferenceAgainReturnsTheStoredResult() {
        Map<String, Object> body = tx(verifiedCustomer(), "DEPOSIT", "60000.00", "CNY", "2026-11-20T10:15:00+08:00");
        JsonNode first = post(body, 201);
        JsonNode again = post(with(body, "sourceOfFunds", "营业收入"), 200);
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(again.get("largeValue").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from cash_transactions where reference = ?").param(body.get("reference"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReferencePostedAgainWithAnotherPayloadIsAConflictThatShowsNothingOfTheStoredTransaction() {
        String owner = verifiedCustomer();
        String prober = verifiedCustomer();
        Map<String, Object> body = tx(owner, "DEPOSIT", "61234.00", "CNY", "2026-11-20T10:15:00+08:00");
        JsonNode stored = post(body, 201);
        List<Map<String, Object>> probes = List.of(with(body, "customerId", prober), with(body, "amount", "1.00"),
                with(body, "direction", "WITHDRAWAL"), with(body, "currency", "USD"),
                with(body, "occurredAt", "2026-11-21T10:15:00+08:00"));
        for (Map<String, Object> probe : probes) {
            Api.Response r = api.as("teller2").post(TX, probe);
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(fields(r.json())).containsExactly("reference");
            assertThat(r.body()).doesNotContain(stored.get("id").asString(), owner, "61234", "caseId", "largeValue");
        }
        // in a batch: the item alone is refused, also against an earlier item of the same batch
        Map<String, Object> fresh = tx(prober, "DEPOSIT", "100.00", "CNY", "2026-11-20T11:00:00+08:00");
        Api.Response batch = api.as("teller2").post(TX + "/batch", Map.of("transactions",
                List.of(with(body, "customerId", prober), body, fresh, with(fresh, "amount", "200.00"))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results.get(0).get("httpStatus").asInt()).isEqualTo(409);
        assertThat(fields(results.get(0))).containsExactly("reference");
        assertThat(results.get(0).toString()).doesNotContain(stored.get("id").asString(), owner);
        assertThat(results.get(1).get("httpStatus").asInt()).isEqualTo(200);
        assertThat(results.get(2).get("httpStatus").asInt()).isEqualTo(201);
        assertThat(results.get(3).get("httpStatus").asInt()).isEqualTo(409);
        assertThat(fields(results.get(3))).containsExactly("reference");
        assertThat(jdbc.sql("select count(*) from cash_transactions where reference = ?").param(body.get("reference"))
                .query(Long.class).single()).isEqualTo(1);
        // every attempt is in the access log under the stored customer, refused
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CASH_TX_REFERENCE_CONFLICT'"
                + " and customer_id = ? and outcome = 'REFUSED'").param(owner).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CASH_TX_REFERENCE_CONFLICT'"
                + " and customer_id = ?").param(prober).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void concurrentRetriesOfOneReferenceStoreOneTransaction() throws Exception {
        Map<String, Object> body = tx(verifiedCustomer(), "DEPOSIT", "70000.00", "CNY", "2026-11-19T10:15:00+08:00");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.as("teller1").post(TX, body);
                }));
            }
            start.countDown();
            int created = 0;
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Future<Api.Response> f : calls) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 201);
                created += r.status() == 201 ? 1 : 0;
                ids.add(r.json().get("id").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void refusesBadFieldsNamingEachField() {
        String c = verifiedCustomer();
        Map<String, Object> good = tx(c, "DEPOSIT", "100.00", "CNY", "2026-11-20T10:15:00+08:00");
        assertThat(fields(post(with(good, "amount", "0.00"), 400))).containsExactly("amount");
        assertThat(fields(post(with(good, "amount", "-5.00"), 400))).containsExactly("amount");
        assertThat(fields(post(with(good, "amount", "10.001"), 400))).containsExactly("amount");
        assertThat(fields(post(with(with(good, "currency", "JPY"), "amount", "100.5"), 400))).containsExactly("amount");
        assertThat(fields(post(with(good, "currency", "XYZ"), 400))).containsExactly("currency");
        assertThat(fields(post(with(good, "direction", "TRANSFER"), 400))).containsExactly("direction");
        assertThat(fields(post(with(good, "amount", 100), 400))).containsExactly("amount");
        assertThat(fields(post(with(good, "occurredAt", "2026-11-20T10:15:00"), 400))).containsExactly("occurredAt");
        assertThat(fields(post(without(without(good, "reference"), "customerId"), 400))).contains("reference", "customerId");
        assertThat(fields(post(with(good, "customerId", UUID.randomUUID().toString()), 400))).containsExactly("customerId");
        Api.Response r = api.as("teller1").post(TX, with(good, "amount", "-123456.78"));
        assertThat(r.body()).doesNotContain("123456");
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode jpy = post(with(with(good, "currency", "JPY"), "amount", "100"), 201);
        assertThat(jpy.get("amount").asString()).isEqualTo("100");
    }

    @Test
    void refusesAFarFutureDateButAcceptsOldOnes() {
        String c = verifiedCustomer();
        String future = Instant.now().plus(Duration.ofDays(2)).toString();
        assertThat(fields(post(tx(c, "DEPOSIT", "100.00", "CNY", future), 400))).containsExactly("occurredAt");
        post(tx(c, "DEPOSIT", "100.00", "CNY", "2019-03-04T10:00:00+08:00"), 201);
    }

    @Test
    void refusesCashBusinessForASuspendedCustomer() {
        LocalDate today = businessToday();
        Api.Response reg = api.as("teller1").post("/api/v1/customers",
                individual(residentId(false), false, today.plusDays(1).toString()));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        String c = reg.json().get("id").asString();
        clock.advance(Duration.ofDays(40));
        Api.Response r = api.as("teller1").post(TX, tx(c, "DEPOSIT", "100.00", "CNY", clock.instant().toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(fields(r.json())).containsExactly("customerId");
    }

    @Test
    void onlyCounterStaffRecordTransactions() {
        Map<String, Object> body = tx(verifiedCustomer(), "DEPOSIT", "100.00", "CNY", "2026-11-20T10:15:00+08:00");
        assertThat(api.as("auditor1").post(TX, body).status()).isEqualTo(403);
        assertThat(api.as("admin1").post(TX, body).status()).isEqualTo(403);
        assertThat(api.anonymous().post(TX, body).status()).isEqualTo(401);
        assertThat(api.as("teller1").put("/api/v1/fx-rates/2026-11-20", Map.of("base", "CNY", "rates", Map.of("USD", "7.1")))
                .status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- batch

    @Test
    void aBatchRefusesOnlyItsBadItemsAndAnswersInRequestOrder() {
        String c = verifiedCustomer();
        Map<String, Object> a = tx(c, "DEPOSIT", "100.00", "CNY", "2026-11-09T10:00:00+08:00");
        Map<String, Object> bad = with(tx(c, "DEPOSIT", "100.00", "CNY", "2026-11-09T10:00:00+08:00"), "amount", "-1");
        Map<String, Object> b = tx(c, "WITHDRAWAL", "200.00", "CNY", "2026-11-09T11:00:00+08:00");
        Map<String, Object> typeError = with(tx(c, "DEPOSIT", "100.00", "CNY", "2026-11-09T10:00:00+08:00"), "amount", 12.5);
        Map<String, Object> unknown = tx(UUID.randomUUID().toString(), "DEPOSIT", "100.00", "CNY", "2026-11-09T10:00:00+08:00");
        Map<String, Object> d = tx(c, "DEPOSIT", "60000.00", "CNY", "2026-11-09T12:00:00+08:00");
        Api.Response r = api.as("teller1").post(TX + "/batch",
                Map.of("transactions", List.of(a, bad, b, typeError, unknown, d, a, "oops")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results).hasSize(8);
        int[] expected = {201, 400, 201, 400, 400, 201, 200, 400};
        for (int i = 0; i < expected.length; i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(results.get(i).get("httpStatus").asInt()).as(results.get(i).toString()).isEqualTo(expected[i]);
        }
        assertThat(fields(results.get(1))).containsExactly("amount");
        assertThat(fields(results.get(3))).containsExactly("amount");
        assertThat(fields(results.get(4))).containsExactly("customerId");
        assertThat(results.get(5).get("largeValue").asBoolean()).isTrue();
        assertThat(results.get(6).get("id").asString()).isEqualTo(results.get(0).get("id").asString());
        assertThat(jdbc.sql("select count(*) from cash_transactions where customer_id = ?").param(c).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aBatchLooksUpAllItsCustomersAtOnceAndStillRefusesSuspendedAndUnknownOnesPerItem() {
        LocalDate today = businessToday();
        Api.Response reg = api.as("teller1").post("/api/v1/customers",
                individual(residentId(false), false, today.plusDays(1).toString()));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        String suspended = reg.json().get("id").asString();
        String unverified = registered();
        String verified = verifiedCustomer();
        clock.advance(Duration.ofDays(40));
        java.time.Instant t0 = clock.instant().minusSeconds(600);
        // an earlier transaction of the unverified customer's day, stored by a previous batch
        Map<String, Object> earlier = tx(unverified, "DEPOSIT", "30000.00", "CNY", t0.toString());
        Api.Response first = api.as("teller1").post(TX + "/batch", Map.of("transactions", List.of(earlier)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String earlierId = first.json().get("results").get(0).get("id").asString();
        assertThat(first.json().get("results").get(0).get("largeValue").asBoolean()).isFalse();

        Api.Response r = api.as("teller1").post(TX + "/batch", Map.of("transactions", List.of(
                tx(verified, "DEPOSIT", "100.00", "CNY", t0.plusSeconds(60).toString()),
                tx(suspended, "DEPOSIT", "100.00", "CNY", t0.plusSeconds(60).toString()),
                tx(unverified, "DEPOSIT", "20000.00", "CNY", t0.plusSeconds(120).toString()),
                tx(UUID.randomUUID().toString(), "DEPOSIT", "100.00", "CNY", t0.plusSeconds(60).toString()))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(r.json().get("stored").asInt()).isEqualTo(2);
        assertThat(r.json().get("refused").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("httpStatus").asInt()).isEqualTo(409);
        assertThat(fields(results.get(1))).containsExactly("customerId");
        assertThat(results.get(1).has("id")).isFalse();
        assertThat(results.get(3).get("httpStatus").asInt()).isEqualTo(400);
        assertThat(fields(results.get(3))).containsExactly("customerId");
        // a stored item carries the whole result, nulls included, and no error fields
        JsonNode crossing = results.get(2);
        List<String> names = new ArrayList<>();
        crossing.propertyNames().forEach(names::add);
        assertThat(names).startsWith("index", "outcome", "httpStatus", "id", "reference", "largeValue", "dueDiligence",
                "caseId", "reportDueBy", "status", "flags").doesNotContain("errors", "created");
        assertThat(results.get(0).get("caseId").isNull()).isTrue();
        assertThat(crossing.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(crossing.get("largeValue").asBoolean()).isTrue();
        assertThat(crossing.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        // the earlier transaction of the crossing day was promoted, with a case of its own
        JsonNode promoted = get(earlierId);
        assertThat(promoted.get("largeValue").asBoolean()).isTrue();
        assertThat(promoted.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        assertThat(promoted.get("caseId").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from dd_cases where customer_id = ?").param(unverified).query(Long.class).single())
                .isEqualTo(2);
    }

    // ---------------------------------------------------------------- FX rates

    @Test
    void aForeignTransactionWithoutTheDaysRateIsFlaggedAndReevaluatedWhenTheRateArrives() {
        String c = verifiedCustomer();
        JsonNode eur = post(tx(c, "DEPOSIT", "9300.00", "EUR", "2026-11-05T10:00:00+08:00"), 201);
        assertThat(eur.get("status").asString()).isEqualTo("RATE_MISSING");
        assertThat(eur.get("flags").toString()).contains("RATE_MISSING");
        assertThat(eur.get("largeValue").asBoolean()).isFalse();

        Api.Response put = api.as("compliance1").put("/api/v1/fx-rates/2026-11-05",
                Map.of("base", "CNY", "rates", Map.of("USD", "7.1000", "EUR", "7.7000")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("reevaluated").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode after = get(eur.get("id").asString());
        assertThat(after.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(after.get("largeValue").asBoolean()).isTrue(); // 9300 × 7.7 / 7.1 = 10085.92 USD
        assertThat(after.get("measuredAmount").asString()).isEqualTo("10085.92");
        assertThat(after.get("reportDueBy").asString()).isEqualTo("2026-11-12");
    }

    @Test
    void importsRatesFromCsvAndRefusesBadLinesByLine() {
        String c = verifiedCustomer();
        JsonNode gbp = post(tx(c, "WITHDRAWAL", "8000.00", "GBP", "2026-11-04T10:00:00+08:00"), 201);
        assertThat(gbp.get("status").asString()).isEqualTo("RATE_MISSING");
        Api.Response bad = api.as("compliance1").header("Content-Type", "text/csv")
                .post("/api/v1/fx-rates/import", "date,currency,cnyPerUnit\n2026-11-04,USD,abc\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactly("line[2]");
        Api.Response ok = api.as("compliance1").header("Content-Type", "text/csv")
                .post("/api/v1/fx-rates/import", "date,currency,cnyPerUnit\n2026-11-04,USD,7.1000\n2026-11-04,GBP,9.0000\n");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode after = get(gbp.get("id").asString());
        assertThat(after.get("largeValue").asBoolean()).isTrue(); // 8000 × 9 / 7.1 = 10140.85 USD
    }

    Api.Response putRates(String user, String date, Map<String, String> rates) {
        return api.as(user).put("/api/v1/fx-rates/" + date, Map.of("base", "CNY", "rates", rates));
    }

    @Test
    void aRateChangeForADayWithReportableEventsWaitsForASecondOfficerThenReMeasuresTheWholeDayWithAReason() {
        String day = "2026-10-21";
        String verified = verifiedCustomer();
        String unverified = registered();
        Api.Response first = putRates("compliance1", day, Map.of("USD", "7.1000", "EUR", "7.7000"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("APPLIED");
        // 9300 EUR × 7.7 / 7.1 = 10085.92 USD: large; the unverified customer's opens a case
        JsonNode early = post(tx(verified, "DEPOSIT", "9300.00", "EUR", day + "T10:00:00+08:00"), 201);
        JsonNode cased = post(tx(unverified, "DEPOSIT", "9300.00", "EUR", day + "T10:05:00+08:00"), 201);
        assertThat(early.get("largeValue").asBoolean()).isTrue();
        assertThat(cased.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        String caseId = cased.get("caseId").asString();

        // a change of a rate in force for that day: pending, nothing re-measured yet
        Api.Response change = putRates("compliance1", day, Map.of("EUR", "7.0000"));
        assertThat(change.status()).as(change.body()).isEqualTo(202);
        assertThat(change.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String changeId = change.json().get("id").asString();
        JsonNode late = post(tx(verified, "WITHDRAWAL", "9300.00", "EUR", day + "T15:00:00+08:00"), 201);
        assertThat(late.get("measuredAmount").asString()).isEqualTo("10085.92");
        assertThat(get(early.get("id").asString()).get("measuredAmount").asString()).isEqualTo("10085.92");

        // the history: current rates, every version with who set it and when
        JsonNode history = api.as("compliance2").get("/api/v1/fx-rates/" + day).json();
        assertThat(history.get("rates").get("EUR").asString()).isEqualTo("7.7000");
        JsonNode versions = history.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(versions.get(0).get("rates").get("EUR").asString()).isEqualTo("7.0000");
        assertThat(versions.get(1).get("status").asString()).isEqualTo("APPLIED");
        assertThat(versions.get(1).get("proposedBy").asString()).isEqualTo("compliance1");
        assertThat(versions.get(1).get("proposedAt").isNull()).isFalse();
        assertThat(versions.get(1).get("rates").get("USD").asString()).isEqualTo("7.1000");

        String decision = "/api/v1/fx-rates/" + day + "/changes/" + changeId + "/decision";
        assertThat(api.as("compliance1").post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        assertThat(api.as("teller1").post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        assertThat(fields(api.as("compliance2").post(decision, Map.of("decision", "MAYBE")).json())).containsExactly("decision");
        Api.Response approved = api.as("compliance2").post(decision, Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(api.as("compliance2").post(decision, Map.of("decision", "REJECT")).status()).isEqualTo(409);

        // every transaction of the day, earlier and later, at the new rate: 9300 × 7 / 7.1 = 9169.01 USD
        for (JsonNode t : List.of(early, cased, late)) {
            JsonNode now = get(t.get("id").asString());
            assertThat(now.get("measuredAmount").asString()).isEqualTo("9169.01");
            assertThat(now.get("largeValue").asBoolean()).isFalse();
        }
        // the case closed, the event dropped, each with the approval as the recorded reason
        assertThat(jdbc.sql("select status from dd_cases where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select closed_reason from dd_cases where id = ?").param(caseId).query(String.class).single())
                .contains("v2").contains("approved by compliance2");
        assertThat(jdbc.sql("select detail from access_events where action = 'CASH_TX_REEVALUATED' and customer_id = ?")
                .param(unverified).query(String.class).single()).contains("approved by compliance2")
                .contains(cased.get("id").asString()).contains("case " + caseId + " closed");
        JsonNode after = api.as("compliance1").get("/api/v1/fx-rates/" + day).json();
        assertThat(after.get("rates").get("EUR").asString()).isEqualTo("7.0000");
        assertThat(after.get("versions").get(0).get("decidedBy").asString()).isEqualTo("compliance2");
    }

    @Test
    void aRejectedRateChangeLeavesTheRatesAndTheImportFollowsTheSameRule() {
        String day = "2026-10-22";
        String c = verifiedCustomer();
        assertThat(putRates("compliance1", day, Map.of("USD", "7.1000", "EUR", "7.7000")).status()).isEqualTo(200);
        JsonNode t = post(tx(c, "DEPOSIT", "9300.00", "EUR", day + "T10:00:00+08:00"), 201);
        // a quoted CSV with CRLF, parsed record by record: for a day with a reportable event, pending
        Api.Response imported = api.as("compliance2").header("Content-Type", "text/csv")
                .post("/api/v1/fx-rates/import", "\"date\",\"currency\",\"cnyPerUnit\"\r\n" + day + ",EUR,\"6.5000\"\r\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        String changeId = imported.json().get("changes").get(0).get("id").asString();
        Api.Response rejected = api.as("compliance1").post("/api/v1/fx-rates/" + day + "/changes/" + changeId + "/decision",
                Map.of("decision", "REJECT"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(get(t.get("id").asString()).get("measuredAmount").asString()).isEqualTo("10085.92");
        JsonNode history = api.as("compliance1").get("/api/v1/fx-rates/" + day).json();
        assertThat(history.get("rates").get("EUR").asString()).isEqualTo("7.7000");
        assertThat(history.get("versions").get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(history.get("versions").get(0).get("proposedBy").asString()).isEqualTo("compliance2");
        assertThat(history.get("versions").get(0).get("decidedBy").asString()).isEqualTo("compliance1");
        // bad bytes and bad lines: 400 naming where, never a 500
        Api.Response gbk = api.as("compliance1").header("Content-Type", "text/csv")
                .post("/api/v1/fx-rates/import", day + ",USD,7.1\n" + day + ",EUR,\u00ff\n");
        assertThat(gbk.status()).isEqualTo(400);
        assertThat(api.as("teller1").get("/api/v1/fx-rates/" + day).status()).isEqualTo(403);
        assertThat(api.as("compliance1").get("/api/v1/fx-rates/20261022").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- due diligence

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    static final String CASES = "/api/v1/due-diligence/cases";

    List<String> caseIds(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    @Test
    void theCaseQueueIsPagedInTheDatabaseBeyondTheOldLimitOfAThousandInAStableOrder() {
        String customer = UUID.randomUUID().toString();
        // opened in 2099: after every case the other tests open, so their first pages are unchanged
        List<com.kyckeeper.support.CaseSeeds.Seeded> seeded = com.kyckeeper.support.CaseSeeds.seed(dataSource, customer,
                "OPEN", 1_050, Instant.parse("2099-01-01T00:00:00Z"));
        try {
            List<String> expected = seeded.stream().map(com.kyckeeper.support.CaseSeeds.Seeded::id).toList();
            String mine = CASES + "?status=OPEN&customerId=" + customer;

            // default size is the old limit (1,000): the first page is what clients got before, the rest follows
            Api.Response first = api.as("compliance1").get(mine);
            assertThat(first.header("X-Total-Count")).isEqualTo("1050");
            assertThat(first.header("Link")).contains("page=1&size=1000>; rel=\"next\"")
                    .contains("page=1&size=1000>; rel=\"last\"").doesNotContain("rel=\"prev\"");
            List<String> all = new ArrayList<>(caseIds(first));
            assertThat(all).hasSize(1000);
            Api.Response second = api.as("compliance1").get(mine + "&page=1");
            assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
            all.addAll(caseIds(second));
            assertThat(all).containsExactlyElementsOf(expected);

            // smaller pages: same order, no case twice or missing, right totals; past the end an empty page
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                Api.Response r = api.as("compliance1").get(mine + "&page=" + page + "&size=400");
                assertThat(r.header("X-Total-Count")).isEqualTo("1050");
                paged.addAll(caseIds(r));
            }
            assertThat(paged).containsExactlyElementsOf(expected);
            assertThat(caseIds(api.as("compliance1").get(mine + "&page=3&size=400"))).isEmpty();
            assertThat(caseIds(api.as("compliance1").get(CASES + "?status=RESOLVED&customerId=" + customer))).isEmpty();

            // without the customer filter: the total counts every open case, the second page reaches past 1,000
            long open = jdbc.sql("select count(*) from dd_cases where status = 'OPEN'").query(Long.class).single();
            Api.Response everyone = api.as("compliance1").get(CASES + "?status=OPEN&page=1");
            assertThat(Long.parseLong(everyone.header("X-Total-Count"))).isEqualTo(open).isGreaterThan(1000);
            List<String> beyond = caseIds(everyone);
            assertThat(beyond).hasSize((int) (open - 1000)).isEqualTo(expected.subList(expected.size() - beyond.size(),
                    expected.size()));

            // bad paging is a 400 naming the field, never a 500; and compliance only
            assertThat(fields(api.as("compliance1").get(CASES + "?size=1001").json())).containsExactly("size");
            assertThat(fields(api.as("compliance1").get(CASES + "?size=0").json())).containsExactly("size");
            assertThat(fields(api.as("compliance1").get(CASES + "?page=-1").json())).containsExactly("page");
            assertThat(fields(api.as("compliance1").get(CASES + "?page=x").json())).containsExactly("page");
            assertThat(fields(api.as("compliance1").get(CASES + "?customerId=12345").json())).containsExactly("customerId");
            assertThat(api.as("compliance1").get(CASES + "?size=1001").header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.as("teller1").get(mine).status()).isEqualTo(403);
            assertThat(jdbc.sql("select count(*) from access_events where action = 'DD_CASE_LIST' and detail like ?")
                    .param("%customer " + customer + ", page 1 of size 1000, results: 50 of 1050%").query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            com.kyckeeper.support.CaseSeeds.remove(dataSource, customer);
        }
    }

    @Test
    void aLargeTransactionWithoutSourceOrPurposeOpensACaseThatComplianceResolves() {
        String c = verifiedCustomer();
        JsonNode r = post(without(tx(c, "DEPOSIT", "55000.00", "CNY", "2026-11-03T10:00:00+08:00"), "sourceOfFunds"), 201);
        assertThat(r.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        String caseId = r.get("caseId").asString();

        Api.Response open = api.as("compliance1").get("/api/v1/due-diligence/cases?status=OPEN");
        assertThat(open.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        open.json().forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).contains(caseId);
        assertThat(api.as("teller1").get("/api/v1/due-diligence/cases?status=OPEN").status()).isEqualTo(403);

        Api.Response resolved = api.as("compliance2").post("/api/v1/due-diligence/cases/" + caseId + "/resolution",
                Map.of("decision", "CLEARED", "actions", List.of("FUNDS_SOURCE_OBTAINED"), "sourceOfFunds", "房屋出售款",
                        "note", "sale contract seen"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("decision").asString()).isEqualTo("CLEARED");
        assertThat(get(r.get("id").asString()).get("dueDiligence").asString()).isEqualTo("SATISFIED");
        assertThat(api.as("compliance2").post("/api/v1/due-diligence/cases/" + caseId + "/resolution",
                Map.of("decision", "CLEARED", "note", "again")).status()).isEqualTo(409);
        assertThat(fields(api.as("compliance2").post("/api/v1/due-diligence/cases/" + caseId + "/resolution",
                Map.of("decision", "MAYBE")).json())).containsExactly("decision");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'DD_CASE_RESOLVE' and customer_id = ?")
                .param(c).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnverifiedCustomersLargeTransactionRequiresDueDiligence() {
        JsonNode r = post(tx(registered(), "DEPOSIT", "50000.00", "CNY", "2026-11-02T10:00:00+08:00"), 201);
        assertThat(r.get("largeValue").asBoolean()).isTrue();
        assertThat(r.get("dueDiligence").asString()).isEqualTo("REQUIRED");
        assertThat(r.get("caseId").isNull()).isFalse();
    }

    @Test
    void complianceExemptsATransactionWithAReasonAndItLeavesTheAggregate() {
        String c = verifiedCustomer();
        JsonNode interest = post(tx(c, "DEPOSIT", "20000.00", "CNY", "2026-10-30T09:00:00+08:00"), 201);
        JsonNode cash = post(tx(c, "DEPOSIT", "35000.00", "CNY", "2026-10-30T10:00:00+08:00"), 201);
        assertThat(cash.get("largeValue").asBoolean()).isTrue();
        String path = TX + "/" + interest.get("id").asString() + "/exemption";
        assertThat(api.as("teller1").post(path, Map.of("reason", "interest")).status()).isEqualTo(403);
        assertThat(fields(api.as("compliance1").post(path, Map.of("reason", " ")).json())).containsExactly("reason");
        Api.Response ex = api.as("compliance1").post(path, Map.of("reason", "Art. 7: interest credited in cash"));
        assertThat(ex.status()).as(ex.body()).isEqualTo(200);
        assertThat(ex.json().get("exempt").asBoolean()).isTrue();
        assertThat(get(cash.get("id").asString()).get("largeValue").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CASH_TX_EXEMPT' and customer_id = ?")
                .param(c).query(Long.class).single()).isEqualTo(1);
    }
}
