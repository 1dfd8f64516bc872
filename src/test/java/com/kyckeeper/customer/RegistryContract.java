package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.corporate;
import static com.kyckeeper.support.Identities.creditCode;
import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The registry's contract (api.md, Customers), run against H2 and PostgreSQL by its subclasses. */
abstract class RegistryContract extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";

    String register(Map<String, Object> body) {
        Api.Response r = api.as("teller1").post(CUSTOMERS, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    LocalDate today() {
        return businessToday();
    }

    @Test
    void registersAnIndividualAsPendingAndAnswersTheMaskedView() {
        String id = residentId(true);
        Api.Response r = api.as("teller1").post(CUSTOMERS, individual(id, true));

        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(r.header("Location")).isEqualTo(CUSTOMERS + "/" + c.get("id").asString());
        assertThat(c.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(c.get("version").asLong()).isEqualTo(1);
        assertThat(c.get("name").asString()).isEqualTo("张*三");
        assertThat(c.get("phone").asString()).isEqualTo("+86138****8000");
        assertThat(c.get("idDocument").get("number").asString())
                .isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(c.get("createdBy").asString()).isEqualTo("teller1");
        assertThat(r.body()).doesNotContain(id).doesNotContain("建国路");
    }

    @Test
    void registersACorporateWithEveryRelatedPartyAndRevealsThemWithAPurpose() {
        String code = creditCode();
        String id = register(corporate(code));

        Api.Response full = api.as("teller2").header("X-Access-Purpose", "account opening review")
                .get(CUSTOMERS + "/" + id + "?reveal=true");

        assertThat(full.status()).isEqualTo(200);
        JsonNode c = full.json();
        assertThat(c.get("unifiedSocialCreditCode").asString()).isEqualTo(code);
        assertThat(c.get("legalRepresentative").get("name").asString()).isEqualTo("李四");
        assertThat(c.get("controllingShareholder").get("name").asString()).isEqualTo("赵六");
        assertThat(c.get("authorizedAgents").get(0).get("name").asString()).isEqualTo("钱七");
        assertThat(c.get("beneficialOwners").get(0).get("ownershipPercent").asString()).isEqualTo("35.00");
        assertThat(c.get("licence").get("number").asString()).isEqualTo(code);
        assertThat(jdbc.sql("select count(*) from access_events where customer_id = ? and action = 'CUSTOMER_REVEAL'"
                + " and purpose = 'account opening review' and actor = 'teller2'").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesToRevealWithoutAPurpose() {
        String id = register(individual(residentId(false), false));
        Api.Response r = api.as("teller1").get(CUSTOMERS + "/" + id + "?reveal=true");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("X-Access-Purpose");
    }

    @Test
    void refusesTheSameDocumentOrCreditCodeForAnotherCustomer() {
        String number = residentId(true);
        register(individual(number, true));
        Api.Response again = api.as("teller2").post(CUSTOMERS, individual(number.toLowerCase(), true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("idDocument.number");
        assertThat(again.body()).doesNotContain(number);

        String code = creditCode();
        register(corporate(code));
        Api.Response dup = api.as("teller1").post(CUSTOMERS, corporate(code));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("unifiedSocialCreditCode");
    }

    @Test
    void concurrentRegistrationsOfOneDocumentHaveExactlyOneWinner() throws Exception {
        String number = residentId(false);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String user = i % 2 == 0 ? "teller1" : "teller2";
                calls.add(() -> api.as(user).post(CUSTOMERS, individual(number, false)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(racers - 1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void findsACustomerByDocumentNumberOrCreditCodeWithOneIndexProbe() {
        String number = residentId(true).replace('X', 'x');
        String id = register(individual(number, true));
        Api.Response found = api.as("supervisor1")
                .get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + number.toUpperCase());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0).get("id").asString()).isEqualTo(id);

        Api.Response none = api.as("teller1").get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + residentId(true));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().size()).isZero();

        String code = creditCode();
        String corp = register(corporate(code));
        Api.Response byCode = api.as("teller1").get(CUSTOMERS + "?creditCode=" + code);
        assertThat(byCode.json().get(0).get("id").asString()).isEqualTo(corp);
        assertThat(jdbc.sql("select detail from access_events where action = 'CUSTOMER_SEARCH' and customer_id = ?")
                .param(corp).query(String.class).single()).contains("results: 1").doesNotContain(code);
    }

    @Test
    void auditorsAndAdministratorsNeverSeeCustomersAndTheRefusalIsAudited() {
        String id = register(individual(residentId(true), true));
        for (String user : List.of("auditor1", "admin1")) {
            Api.Response r = api.as(user).get(CUSTOMERS + "/" + id);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(api.as(user).get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + residentId(true)).status())
                    .isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from access_events where actor = 'auditor1' and outcome = 'REFUSED'"
                + " and customer_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(api.as("auditor1").post(CUSTOMERS, individual(residentId(true), true)).status()).isEqualTo(403);
    }

    @Test
    void answersUnauthenticatedCallsWith401Problem() {
        Api.Response r = api.anonymous().get(CUSTOMERS + "/" + java.util.UUID.randomUUID());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        String code = com.kyckeeper.support.Identities.creditCode();
        assertThat(api.as("teller1").get(CUSTOMERS + "?creditCode=" + code).status()).isEqualTo(200);
        // a remembered successful check must never let a wrong password through
        assertThat(api.as("teller1").password("wrong").get(CUSTOMERS + "?creditCode=" + code).status()).isEqualTo(401);
        assertThat(api.as("nobody").get(CUSTOMERS + "?creditCode=" + code).status()).isEqualTo(401);
    }

    @Test
    void historyIsPagedNewestFirstWithTheTotalAndRefusesAnOversizedPage() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        assertThat(api.as("teller2").header("If-Match", "\"1\"").patch(path, Map.of("occupation", "教师")).status())
                .isEqualTo(200);
        assertThat(api.as("teller2").header("If-Match", "\"2\"").patch(path, Map.of("phone", "13912345678")).status())
                .isEqualTo(200);

        Api.Response all = api.as("teller1").get(path + "/history");
        assertThat(all.json().size()).as("without paging: every version, as before").isEqualTo(3);
        Api.Response second = api.as("teller1").get(path + "/history?page=1&size=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-Total-Count")).isEqualTo("3");
        assertThat(second.json().size()).isEqualTo(1);
        assertThat(second.json().get(0).get("version").asLong()).isEqualTo(2);
        assertThat(second.json().get(0).get("changedFields").toString()).as("diffed against version 1, off the page")
                .isEqualTo("[\"occupation\"]");
        assertThat(api.as("teller1").get(path + "/history?page=3&size=1").json().size()).isZero();
        for (String bad : List.of("size=1001", "size=0", "page=-1")) {
            Api.Response r = api.as("teller1").get(path + "/history?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void changesDetailsOnlyAtTheCurrentVersionAndKeepsEveryVersion() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        Map<String, Object> patch = Map.of("phone", "13912345678", "occupation", "教师");

        assertThat(api.as("teller2").patch(path, patch).status()).isEqualTo(428);
        Api.Response ok = api.as("teller2").header("If-Match", "\"1\"").patch(path, patch);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("version").asLong()).isEqualTo(2);
        assertThat(ok.json().get("phone").asString()).isEqualTo("139****5678");
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");

        Api.Response stale = api.as("teller1").header("If-Match", "1").patch(path, Map.of("occupation", "医生"));
        assertThat(stale.status()).isEqualTo(412);

        JsonNode history = api.as("teller1").get(path + "/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("version").asLong()).isEqualTo(2);
        assertThat(history.get(1).get("changeKind").asString()).isEqualTo("REGISTERED");
        assertThat(history.get(1).get("snapshot").get("phone").asString()).isEqualTo("+86138****8000");
        // Which fields changed, by name only: never the old or new value.
        assertThat(history.get(0).get("changedFields").toString()).isEqualTo("[\"occupation\",\"phone\"]");
        assertThat(history.get(1).get("changedFields").size()).isZero();
        assertThat(history.toString()).doesNotContain("教师", "13912345678");
        Api.Response revealed = api.as("teller1").header("X-Access-Purpose", "check").get(path + "?reveal=true");
        assertThat(revealed.json().get("occupation").asString()).isEqualTo("教师");
    }

    @Test
    void refusesAPatchThatBreaksTheRecordOrChangesItsType() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        Api.Response bad = api.as("teller1").header("If-Match", "1")
                .patch(path, Map.of("idDocument", Map.of("number", "110105194912310021")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("idDocument.number");
        assertThat(api.as("teller1").header("If-Match", "1").patch(path, Map.of("type", "CORPORATE")).status())
                .isEqualTo(400);
        assertThat(api.as("teller1").header("If-Match", "1").patch(path, Map.of("shoeSize", 42)).status())
                .isEqualTo(400);
    }

    @Test
    void refusesVerificationBySameTellerWhoRegistered() {
        Api.Response own = api.as("supervisor1").post(CUSTOMERS, individual(residentId(true), true));
        assertThat(own.status()).isEqualTo(201);
        String ownId = own.json().get("id").asString();
        Api.Response selfVerify = api.as("supervisor1").post(CUSTOMERS + "/" + ownId + "/verification",
                Map.of("decision", "APPROVE"));
        assertThat(selfVerify.status()).isEqualTo(403);

        String id = register(individual(residentId(false), false));
        assertThat(api.as("teller2").post(CUSTOMERS + "/" + id + "/verification", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        Api.Response approved = api.as("supervisor1").post(CUSTOMERS + "/" + id + "/verification",
                Map.of("decision", "APPROVE", "note", "documents seen"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("VERIFIED");
        assertThat(approved.json().get("verifiedBy").asString()).isEqualTo("supervisor1");
        assertThat(api.as("supervisor1").post(CUSTOMERS + "/" + id + "/verification", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(409);
    }

    @Test
    void refusesVerificationByTheLastEditorAndAsksForItAgainAfterAnIdentityChange() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        api.as("supervisor1").header("If-Match", "1").patch(path, Map.of("name", "张小四"));
        assertThat(api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE")).status())
                .isEqualTo(403);

        String other = register(individual(residentId(true), true));
        api.as("supervisor1").post(CUSTOMERS + "/" + other + "/verification", Map.of("decision", "APPROVE"));
        Api.Response contact = api.as("teller2").header("If-Match", "2").patch(CUSTOMERS + "/" + other,
                Map.of("phone", "13700001111"));
        assertThat(contact.json().get("status").asString()).isEqualTo("VERIFIED");
        Api.Response identity = api.as("teller2").header("If-Match", "3").patch(CUSTOMERS + "/" + other,
                Map.of("name", "张大三"));
        assertThat(identity.json().get("status").asString()).isEqualTo("PENDING_VERIFICATION");
    }

    @Test
    void aSupervisorWhoChangedIdentityDataMayNotApproveAfterATellerMadeTheLastEdit() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        assertThat(api.as("supervisor1").header("If-Match", "1").patch(path, Map.of("name", "张小四")).status())
                .isEqualTo(200);
        assertThat(api.as("teller2").header("If-Match", "2").patch(path, Map.of("phone", "13700001111")).status())
                .isEqualTo(200);
        Api.Response own = api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE"));
        assertThat(own.status()).as("an earlier editor since the last verification").isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(api.as("teller1").get(path).json().get("status").asString()).isEqualTo("PENDING_VERIFICATION");
    }

    @Test
    void editsBeforeTheLastVerificationDoNotBarTheSupervisorLater() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        api.as("teller2").header("If-Match", "1").patch(path, Map.of("name", "张小四"));
        assertThat(api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
        assertThat(api.as("supervisor1").header("If-Match", "3").patch(path, Map.of("phone", "13700001111")).status())
                .isEqualTo(200);
        assertThat(api.as("teller2").header("If-Match", "4").patch(path, Map.of("name", "张大四")).status())
                .isEqualTo(200);
        assertThat(api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE")).status())
                .as("the supervisor changed the phone after the last verification").isEqualTo(403);
    }

    @Test
    void eachHistorySnapshotCarriesItsOwnEditorVerifierAndTimes() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.as("teller2").header("If-Match", "2").patch(path, Map.of("name", "张小四")).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.as("supervisor1").post(path + "/verification", Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);

        JsonNode history = api.as("teller1").get(path + "/history").json();
        assertThat(history.size()).isEqualTo(4);
        JsonNode v4 = history.get(0);
        JsonNode v3 = history.get(1);
        JsonNode v2 = history.get(2);
        JsonNode v1 = history.get(3);
        assertThat(v1.get("snapshot").has("verifiedBy")).as("registered, not yet verified").isFalse();
        assertThat(v1.get("snapshot").get("updatedBy").asString()).isEqualTo("teller1");
        assertThat(v2.get("snapshot").get("verifiedBy").asString()).isEqualTo("supervisor1");
        assertThat(v2.get("snapshot").get("verifiedAt").asString()).isEqualTo(v2.get("changedAt").asString());
        assertThat(v3.get("snapshot").has("verifiedBy")).as("identity change: verification cleared").isFalse();
        assertThat(v3.get("snapshot").get("updatedBy").asString()).isEqualTo("teller2");
        assertThat(v3.get("snapshot").get("updatedAt").asString()).isEqualTo(v3.get("changedAt").asString());
        assertThat(v4.get("snapshot").get("verifiedAt").asString()).isEqualTo(v4.get("changedAt").asString())
                .isNotEqualTo(v2.get("snapshot").get("verifiedAt").asString());
        assertThat(v1.get("snapshot").get("name").asString()).isNotEqualTo(v4.get("snapshot").get("name").asString());
    }

    @Test
    void listsCustomersDueForReverificationAndSuspendsThemAfterTheGracePeriod() {
        String soon = today().plusDays(10).toString();
        String id = register(individual(residentId(true), true, soon));
        String path = CUSTOMERS + "/reverification-due?within=";

        assertThat(ids(api.as("teller1").get(path + "30").json())).contains(id);
        assertThat(ids(api.as("teller1").get(path + "5").json())).doesNotContain(id);

        clock.advance(Duration.ofDays(10 + 31 + 1));
        JsonNode due = api.as("teller1").get(path + "0").json();
        assertThat(ids(due)).contains(id);
        assertThat(api.as("teller1").get(CUSTOMERS + "/" + id).json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(api.as("teller1").get(path + "-1").status()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode due) {
        List<String> ids = new ArrayList<>();
        due.forEach(d -> ids.add(d.get("customer").get("id").asString()));
        return ids;
    }

    @Test
    void closesTodayAtTheCounterButOnlyComplianceMayBackdateAndReadTheArchive() {
        String id = register(individual(residentId(true), true));
        String path = CUSTOMERS + "/" + id;
        assertThat(api.as("teller1").post(path + "/closure", Map.of("endedOn", "2020-06-15")).status()).isEqualTo(403);
        assertThat(api.as("teller1").post(path + "/closure", Map.of("endedOn", today().plusDays(1).toString())).status())
                .isEqualTo(400);
        Api.Response closed = api.as("compliance1").post(path + "/closure", Map.of("endedOn", "2020-06-15"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closedOn").asString()).isEqualTo("2020-06-15");

        assertThat(api.as("teller1").get(path).status()).isEqualTo(403);
        assertThat(api.as("compliance2").get(path).status()).isEqualTo(200);
        assertThat(api.as("compliance1").post(path + "/closure", Map.of("endedOn", "2020-06-15")).status()).isEqualTo(409);

        String other = register(individual(residentId(false), false));
        assertThat(api.as("teller1").post(CUSTOMERS + "/" + other + "/closure", Map.of("endedOn", today().toString()))
                .status()).isEqualTo(200);
    }

    @Test
    void answersUnknownCustomersWith404() {
        assertThat(api.as("teller1").get(CUSTOMERS + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as("teller1").get(CUSTOMERS + "/not-an-id").status()).isEqualTo(404);
    }
}
