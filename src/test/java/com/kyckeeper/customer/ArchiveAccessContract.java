package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Archive lending (借阅, api.md Archive access), against H2 and PostgreSQL by its subclasses. */
abstract class ArchiveAccessContract extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    static final String CUSTOMERS = "/api/v1/customers";
    static final String REQUESTS = "/api/v1/archive-access-requests";

    String archivedCustomer() {
        Api.Response r = api.as("teller1").post(CUSTOMERS, individual(residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String today = businessToday().toString();
        assertThat(api.as("teller2").post(CUSTOMERS + "/" + id + "/closure", Map.of("endedOn", today)).status())
                .isEqualTo(200);
        return id;
    }

    String requestAccess(String user, String customerId) {
        Api.Response r = api.as(user).post(REQUESTS, Map.of("customerId", customerId, "purpose", "loan dispute review"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(r.header("Location")).isEqualTo(REQUESTS + "/" + r.json().get("id").asString());
        return r.json().get("id").asString();
    }

    @Test
    void anApprovedRequestLetsThatTellerAloneReadTheArchiveForTheWindow() {
        String customer = archivedCustomer();
        String path = CUSTOMERS + "/" + customer;
        assertThat(api.as("teller1").get(path).status()).isEqualTo(403);

        String request = requestAccess("teller1", customer);
        assertThat(api.as("teller1").get(path).status()).isEqualTo(403);
        assertThat(api.as("teller1").post(REQUESTS + "/" + request + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        assertThat(api.as("supervisor1").post(REQUESTS + "/" + request + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);

        Api.Response approved = api.as("compliance1").post(REQUESTS + "/" + request + "/decision",
                Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode grant = approved.json();
        assertThat(grant.get("status").asString()).isEqualTo("APPROVED");
        assertThat(grant.get("decidedBy").asString()).isEqualTo("compliance1");
        assertThat(Duration.between(OffsetDateTime.parse(grant.get("decidedAt").asString()),
                OffsetDateTime.parse(grant.get("validUntil").asString()))).isEqualTo(Duration.ofHours(24));

        assertThat(api.as("teller1").get(path).status()).isEqualTo(200);
        assertThat(api.as("teller1").header("X-Access-Purpose", "loan dispute review").get(path + "?reveal=true")
                .status()).isEqualTo(200);
        assertThat(api.as("teller2").get(path).status()).isEqualTo(403);
        assertThat(api.as("supervisor1").get(path).status()).isEqualTo(403);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(api.as("teller1").get(path).status()).isEqualTo(403);
        assertThat(api.as("teller1").get(REQUESTS + "/" + request).json().get("status").asString()).isEqualTo("EXPIRED");

        assertThat(jdbc.sql("select count(*) from access_events where customer_id = ? and action in"
                + " ('ARCHIVE_ACCESS_REQUEST', 'ARCHIVE_ACCESS_APPROVE')").param(customer).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select purpose from access_events where customer_id = ? and action = 'ARCHIVE_ACCESS_REQUEST'")
                .param(customer).query(String.class).single()).isEqualTo("loan dispute review");
    }

    @Test
    void aPersonHoldingBothRolesOnALegacyAccountCannotApproveTheirOwnLoan() {
        // Accounts from before policies/roles.yml may still combine TELLER and COMPLIANCE: four eyes holds anyway.
        jdbc.sql("insert into app_users (username, password, enabled) values ('legacy-dual', ?, ?)")
                .params(encoder.encode(com.kyckeeper.support.Databases.PASSWORD), true).update();
        jdbc.sql("insert into app_user_roles (username, authority) values ('legacy-dual', 'ROLE_TELLER')").update();
        jdbc.sql("insert into app_user_roles (username, authority) values ('legacy-dual', 'ROLE_COMPLIANCE')").update();
        String customer = archivedCustomer();
        String request = requestAccess("legacy-dual", customer);
        Api.Response own = api.as("legacy-dual").post(REQUESTS + "/" + request + "/decision", Map.of("decision", "APPROVE"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(api.as("compliance1").get(REQUESTS + "/" + request).json().get("status").asString())
                .isEqualTo("PENDING");
        assertThat(api.as("compliance1").post(REQUESTS + "/" + request + "/decision", Map.of("decision", "APPROVE"))
                .status()).as("another officer may").isEqualTo(200);
    }

    @Test
    void aRejectedRequestGrantsNothingAndIsDecidedOnlyOnce() {
        String customer = archivedCustomer();
        String request = requestAccess("teller2", customer);
        Api.Response pending = api.as("compliance2").get(REQUESTS + "?status=PENDING");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body()).contains(request);

        Api.Response rejected = api.as("compliance2").post(REQUESTS + "/" + request + "/decision",
                Map.of("decision", "REJECT"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("validUntil").isNull()).isTrue();
        assertThat(api.as("teller2").get(CUSTOMERS + "/" + customer).status()).isEqualTo(403);
        assertThat(api.as("compliance1").post(REQUESTS + "/" + request + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(409);
        assertThat(api.as("teller1").get(REQUESTS + "/" + request).status()).isEqualTo(403);
        assertThat(api.as("teller2").get(REQUESTS + "/" + request).status()).isEqualTo(200);
    }

    @Test
    void refusesRequestsThatCannotBeGranted() {
        Api.Response active = api.as("teller1").post(CUSTOMERS, individual(residentId(true), true));
        String activeId = active.json().get("id").asString();
        Api.Response notArchived = api.as("teller1").post(REQUESTS, Map.of("customerId", activeId, "purpose", "x"));
        assertThat(notArchived.status()).isEqualTo(409);

        String customer = archivedCustomer();
        Api.Response noPurpose = api.as("teller1").post(REQUESTS, Map.of("customerId", customer, "purpose", " "));
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
        assertThat(api.as("teller1").post(REQUESTS, Map.of("customerId", "nope", "purpose", "x")).status()).isEqualTo(400);
        assertThat(api.as("teller1").post(REQUESTS, Map.of("customerId", UUID.randomUUID().toString(), "purpose", "x"))
                .status()).isEqualTo(404);
        assertThat(api.as("auditor1").post(REQUESTS, Map.of("customerId", customer, "purpose", "x")).status())
                .isEqualTo(403);
        assertThat(api.as("compliance1").post(REQUESTS + "/" + UUID.randomUUID() + "/decision",
                Map.of("decision", "APPROVE")).status()).isEqualTo(404);
        String request = requestAccess("teller1", customer);
        assertThat(api.as("compliance1").post(REQUESTS + "/" + request + "/decision", Map.of()).status()).isEqualTo(400);
    }
}
