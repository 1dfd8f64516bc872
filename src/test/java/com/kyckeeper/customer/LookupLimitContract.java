package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Exact lookups answer masked views, so trying numbers one by one would enumerate birth dates behind
 * masked IDs: each user has a lookup budget per minute and per day, and a run of lookups without a
 * reveal raises an alert auditors can query. Each test uses its own user (the counters live in the context).
 */
@TestPropertySource(properties = {"kyc.lookup.per-minute=3", "kyc.lookup.per-day=6",
        "kyc.lookup.alert-after-lookups-without-reveal=4"})
abstract class LookupLimitContract extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";

    String register(String number, boolean male) {
        Api.Response r = api.as("teller1").post(CUSTOMERS, individual(number, male));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    Api.Response lookup(String user, String number) {
        return api.as(user).get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + number);
    }

    /** Tomorrow 10:00 in Shanghai: minutes can pass without crossing a day, whatever the hour of the run. */
    void morning() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        clock.set(java.time.LocalDate.now(shanghai).plusDays(1).atTime(10, 0).atZone(shanghai).toInstant());
    }

    long events(String action, String actor, String outcome) {
        return jdbc.sql("select count(*) from access_events where action = ? and actor = ? and outcome = ?")
                .param(action).param(actor).param(outcome).query(Long.class).single();
    }

    @Test
    void aUsersLookupsBeyondTheMinuteAndTheDayBudgetAre429WithRetryAfterAndLogged() {
        morning();
        String number = residentId(true);
        register(number, true);
        for (int i = 0; i < 3; i++) {
            assertThat(lookup("teller1", number).status()).isEqualTo(200);
        }
        Api.Response refused = lookup("teller1", number);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body()).doesNotContain(number);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(events("CUSTOMER_SEARCH", "teller1", "REFUSED")).isEqualTo(1);
        // the budget is the user's own; credit-code lookups draw on it too
        assertThat(lookup("supervisor1", number).status()).isEqualTo(200);
        assertThat(api.as("teller1").get(CUSTOMERS + "?creditCode=" + com.kyckeeper.support.Identities.creditCode())
                .status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3; i++) {
            assertThat(lookup("teller1", number).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(61));
        Api.Response day = lookup("teller1", number);
        assertThat(day.status()).isEqualTo(429);
        assertThat(Integer.parseInt(day.header("Retry-After"))).isGreaterThan(60).isLessThanOrEqualTo(86_400);
        assertThat(day.json().get("type").asString()).isEqualTo("urn:kyc-keeper:problem:rate-limited");
        clock.advance(Duration.ofDays(1));
        assertThat(lookup("teller1", number).status()).isEqualTo(200);
    }

    @Test
    void lookupsWithoutARevealRaiseAnAlertAuditorsCanQueryAndARevealResetsTheRun() {
        morning();
        String number = residentId(false);
        String id = register(number, false);
        // compliance2: a reveal after three lookups, so three more do not reach four in a row
        for (int i = 0; i < 3; i++) {
            assertThat(lookup("compliance2", number).status()).isEqualTo(200);
        }
        assertThat(api.as("compliance2").header("X-Access-Purpose", "account review")
                .get(CUSTOMERS + "/" + id + "?reveal=true").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3; i++) {
            assertThat(lookup("compliance2", number).status()).isEqualTo(200);
        }
        assertThat(events(LookupLimiter.ALERT, "compliance2", "SUCCESS")).isZero();

        // teller2: four lookups in a row, no reveal → one alert, visible to auditors, without any value
        for (int i = 0; i < 3; i++) {
            assertThat(lookup("teller2", number).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(lookup("teller2", number).status()).isEqualTo(200);
        assertThat(events(LookupLimiter.ALERT, "teller2", "SUCCESS")).isEqualTo(1);
        Api.Response audit = api.as("auditor1").get("/api/v1/audit/access-events?action=" + LookupLimiter.ALERT
                + "&actor=teller2");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains(LookupLimiter.ALERT).contains("teller2").doesNotContain(number);
    }
}
