package com.kyckeeper.retention;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retention's contract (api.md, Retention and Reports), run on H2 and PostgreSQL by its subclasses. */
abstract class RetentionContract extends ApiTestBase {

    static final String RUNS = "/api/v1/retention/purge-runs";

    /** A customer whose relationship ended on {@code endedOn} (a past date: compliance closes it). */
    protected String closedCustomer(String endedOn) {
        Api.Response r = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        Api.Response c = api.as("compliance1").post("/api/v1/customers/" + id + "/closure", Map.of("endedOn", endedOn));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        return id;
    }

    protected JsonNode runToCompletion(boolean dryRun) {
        Api.Response r = api.as("compliance1").post(RUNS, Map.of("dryRun", dryRun));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Location")).isEqualTo(RUNS + "/" + r.json().get("id").asString());
        return awaitRun(r.json().get("id").asString());
    }

    protected JsonNode awaitRun(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = api.as("auditor1").get(RUNS + "/" + id).json();
            if (run.get("status").asString().equals("COMPLETED")) {
                return run;
            }
            sleep(200);
        }
        throw new AssertionError("purge run " + id + " did not complete");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long rows(String table, String column, String id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id).query(Long.class).single();
    }

    @Test
    void purgesADueCustomerCompletelyAndItsIdAnswersGoneWhileTheAccessLogStillAnswers() {
        String due = closedCustomer("2020-06-15");
        String recent = closedCustomer("2021-11-25");

        JsonNode run = runToCompletion(false);

        String runId = run.get("id").asString();
        assertThat(run.get("purged").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("errors").asLong()).isZero();
        for (String t : new String[] {"customers", "customer_versions", "customer_parties"}) {
            assertThat(rows(t, t.equals("customers") ? "id" : "customer_id", due)).as(t).isZero();
        }
        assertThat(rows("data_keys", "owner_id", due)).as("data key shredded").isZero();
        assertThat(rows("customers", "id", recent)).as("2021-11-25 is kept until 2027-01-01").isEqualTo(1);
        assertThat(rows("data_keys", "owner_id", recent)).isEqualTo(1);

        Api.Response gone = api.as("compliance1").get("/api/v1/customers/" + due);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("purgeRunId").asString()).isEqualTo(runId);
        assertThat(gone.json().get("policy").asString()).isEqualTo("default/PBOC-2022-Art44");
        assertThat(api.as("teller1").get("/api/v1/customers/" + due).status()).isEqualTo(410);

        // the access log keeps its events for the purged id (ids only), including the purge itself
        assertThat(jdbc.sql("select action from access_events where customer_id = ? order by seq").param(due)
                .query(String.class).list()).contains("CUSTOMER_REGISTER", "CUSTOMER_CLOSE", "CUSTOMER_PURGE");

        JsonNode cert = api.as("auditor1").get(RUNS + "/" + runId + "/certificate").json();
        assertThat(cert.get("digestAlgorithm").asString()).isEqualTo("SHA-256");
        assertThat(cert.get("digest").asString()).hasSize(64).isEqualTo(run.get("digest").asString());
        assertThat(cert.get("verified").asBoolean()).isTrue();
        assertThat(cert.get("purgedCustomerIds").toString()).contains(due).doesNotContain(recent);
        assertThat(api.as("compliance1").get(RUNS + "/" + runId + "/certificate").status()).isEqualTo(200);
        assertThat(api.as("teller1").get(RUNS + "/" + runId + "/certificate").status()).isEqualTo(403);

        // the purge's events (one per customer, appended as a batch) keep the access log's chain intact
        JsonNode integrity = api.as("auditor1").get("/api/v1/audit/integrity").json();
        assertThat(integrity.get("status").asString()).as(integrity.toString()).isEqualTo("INTACT");

        // tamper with the evidence: the certificate no longer verifies
        jdbc.sql("delete from purge_run_entries where purge_run_id = ? and customer_id = ?").params(runId, due).update();
        assertThat(api.as("auditor1").get(RUNS + "/" + runId + "/certificate").json().get("verified").asBoolean())
                .isFalse();
    }

    /** A teller's archive lending request (借阅) for a closed customer, decided or not. */
    String archiveRequest(String customerId, String purpose) {
        Api.Response r = api.as("teller1").post("/api/v1/archive-access-requests",
                Map.of("customerId", customerId, "purpose", purpose));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void purgingACustomerKeepsItsArchiveRequestsAsATrailButNotTheirPurposeText() {
        String due = closedCustomer("2020-06-15");
        String recent = closedCustomer("2021-11-25");
        String decided = archiveRequest(due, "dispute of Zhang Wei, ID 110101199003077777");
        assertThat(api.as("compliance1").post("/api/v1/archive-access-requests/" + decided + "/decision",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        String pending = archiveRequest(due, "second look at Zhang Wei");
        String kept = archiveRequest(recent, "loan dispute review");

        JsonNode run = runToCompletion(false);

        assertThat(run.get("errors").asLong()).isZero();
        assertThat(rows("customers", "id", due)).isZero();
        var trail = jdbc.sql("select id, requested_by, purpose, status, requested_at, decided_by, decided_at"
                        + " from archive_access_requests where customer_id = ? order by id").param(due)
                .query((rs, n) -> Map.of("id", rs.getString(1), "requestedBy", rs.getString(2),
                        "purpose", rs.getString(3), "status", rs.getString(4),
                        "requestedAt", rs.getTimestamp(5) != null,
                        "decidedBy", String.valueOf(rs.getString(6)), "decidedAt", rs.getTimestamp(7) != null))
                .list();
        assertThat(trail).as("the requests stay as the access trail").hasSize(2);
        assertThat(trail).allSatisfy(row -> {
            assertThat(row.get("purpose")).isEqualTo("[purged]");
            assertThat(row.get("requestedBy")).isEqualTo("teller1");
            assertThat(row.get("requestedAt")).isEqualTo(true);
        });
        assertThat(trail).filteredOn(row -> row.get("id").equals(decided)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("APPROVED");
            assertThat(row.get("decidedBy")).isEqualTo("compliance1");
            assertThat(row.get("decidedAt")).isEqualTo(true);
        });
        assertThat(trail).extracting(row -> row.get("id")).containsExactlyInAnyOrder(decided, pending);
        assertThat(jdbc.sql("select count(*) from archive_access_requests where purpose like '%Zhang%'")
                .query(Long.class).single()).as("no purpose text of the purged customer anywhere").isZero();
        assertThat(jdbc.sql("select purpose from archive_access_requests where id = ?").param(kept)
                .query(String.class).single()).as("a customer still kept keeps its requests' purpose")
                .isEqualTo("loan dispute review");
    }

    @Test
    void neverPurgesOneDayEarlyAtTheBusinessTimeZoneMidnight() {
        String late2021 = closedCustomer("2021-11-25");
        String id = late2021;

        clock.set(Instant.parse("2026-12-31T15:59:59Z")); // 23:59:59 on 31 December in Asia/Shanghai
        JsonNode before = runToCompletion(false);
        assertThat(before.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(rows("customers", "id", id)).isEqualTo(1);

        clock.set(Instant.parse("2026-12-31T16:00:00Z")); // 00:00 on 1 January 2027 in Asia/Shanghai
        JsonNode on = runToCompletion(false);
        assertThat(on.get("asOf").asString()).isEqualTo("2027-01-01");
        assertThat(rows("customers", "id", id)).isZero();
        assertThat(jdbc.sql("select eligible_from from customer_tombstones where customer_id = ?").param(id)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
    }

    @Test
    void aDryRunPurgesNothingButNamesTheEligible() {
        String due = closedCustomer("2019-03-01");

        JsonNode run = runToCompletion(true);

        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("purged").asLong()).isZero();
        assertThat(run.get("eligible").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rows("customers", "id", due)).isEqualTo(1);
        assertThat(rows("purge_run_entries", "customer_id", due)).isEqualTo(1);
    }

    @Test
    void aPurgedCustomersReleasedHoldKeepsItsTrailButNotItsReasonAndAuditorsNeverReadReasons() {
        String due = closedCustomer("2019-03-03");
        Api.Response placed = api.as("compliance1").post("/api/v1/legal-holds",
                Map.of("customerId", due, "reason", "dispute of Li Na, ID 110101199003071234", "caseReference", "LIT-2026-0007"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String hold = placed.json().get("id").asString();
        // auditors: ids, people and dates only
        Api.Response audited = api.as("auditor1").get("/api/v1/legal-holds/" + hold);
        assertThat(audited.status()).as(audited.body()).isEqualTo(200);
        assertThat(audited.body()).doesNotContain("Li Na").doesNotContain("110101199003071234").doesNotContain("LIT-2026-0007");
        assertThat(audited.json().get("placedBy").asString()).isEqualTo("compliance1");
        assertThat(audited.json().get("placedAt").isNull()).isFalse();
        assertThat(api.as("compliance2").get("/api/v1/legal-holds/" + hold).json().get("reason").asString()).contains("Li Na");
        assertThat(api.as("compliance2").post("/api/v1/legal-holds/" + hold + "/release", null).status()).isEqualTo(200);

        JsonNode run = runToCompletion(false);
        assertThat(run.get("errors").asLong()).isZero();
        assertThat(rows("customers", "id", due)).isZero();
        var trail = jdbc.sql("select reason, case_reference, placed_by, released_by from legal_holds where id = ?").param(hold)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        assertThat(trail).containsExactly("[purged]", "LIT-2026-0007", "compliance1", "compliance2");
        assertThat(jdbc.sql("select count(*) from legal_holds where reason like '%Li Na%'").query(Long.class).single()).isZero();
    }

    @Test
    void aLegalHoldKeepsADueCustomerUntilADifferentOfficerReleasesIt() {
        String due = closedCustomer("2018-05-05");
        Api.Response placed = api.as("compliance1").post("/api/v1/legal-holds",
                Map.of("customerId", due, "reason", "suspicious activity under investigation", "caseReference", "STR-2026-0042"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String hold = placed.json().get("id").asString();
        assertThat(placed.json().get("status").asString()).isEqualTo("ACTIVE");

        JsonNode run = runToCompletion(false);
        assertThat(run.get("held").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rows("customers", "id", due)).isEqualTo(1);

        Api.Response same = api.as("compliance1").post("/api/v1/legal-holds/" + hold + "/release", null);
        assertThat(same.status()).isEqualTo(403);
        assertThat(api.as("teller1").post("/api/v1/legal-holds/" + hold + "/release", null).status()).isEqualTo(403);
        Api.Response released = api.as("compliance2").post("/api/v1/legal-holds/" + hold + "/release", null);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.json().get("releasedBy").asString()).isEqualTo("compliance2");
        assertThat(api.as("compliance2").post("/api/v1/legal-holds/" + hold + "/release", null).status()).isEqualTo(409);
        assertThat(jdbc.sql("select actor || ':' || action || ':' || outcome from access_events where customer_id = ?"
                + " and action like 'LEGAL_HOLD%' order by seq").param(due).query(String.class).list())
                .containsExactly("compliance1:LEGAL_HOLD_PLACE:SUCCESS", "compliance2:LEGAL_HOLD_RELEASE:SUCCESS");
        assertThat(jdbc.sql("select count(*) from access_events where actor = 'compliance1' and outcome = 'REFUSED'"
                + " and action like '%legal-holds%'").query(Long.class).single()).isGreaterThanOrEqualTo(1);

        runToCompletion(false);
        assertThat(rows("customers", "id", due)).isZero();
    }

    @Test
    void legalHoldsAreForComplianceAndCheckTheirInput() {
        String due = closedCustomer("2018-05-05");
        assertThat(api.as("teller1").post("/api/v1/legal-holds",
                Map.of("customerId", due, "reason", "x", "caseReference", "y")).status()).isEqualTo(403);
        Api.Response bad = api.as("compliance1").post("/api/v1/legal-holds", Map.of("customerId", due));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("reason").contains("caseReference");
        assertThat(api.as("compliance1").post("/api/v1/legal-holds", Map.of("customerId",
                "00000000-0000-0000-0000-000000000000", "reason", "x", "caseReference", "y")).status()).isEqualTo(404);
        assertThat(api.as("compliance1").post(RUNS, Map.of()).status()).isEqualTo(400);
        assertThat(api.as("auditor1").post(RUNS, Map.of("dryRun", true)).status()).isEqualTo(403);
    }

    @Test
    void theRetentionReportWithoutAsOfIsAsOfTodayInTheBusinessZone() {
        String late2021 = closedCustomer("2021-11-25");
        String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
        Api.Response r = api.as("compliance1").get("/api/v1/reports/retention");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("asOf").asString()).isEqualTo(today);
        assertThat(find(r.json(), late2021).get("status").asString())
                .isEqualTo(find(api.as("compliance1").get("/api/v1/reports/retention?asOf=" + today).json(), late2021)
                        .get("status").asString());
        Api.Response csv = api.as("compliance1").get("/api/v1/reports/retention?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("retention-" + today + ".csv");
    }

    @Test
    void theRetentionReportPlansWithAsOfInJsonAndCsv() {
        String late2021 = closedCustomer("2021-11-25");

        JsonNode now = api.as("compliance1").get("/api/v1/reports/retention?asOf=2026-12-31").json();
        JsonNode row = find(now, late2021);
        assertThat(row.get("status").asString()).isEqualTo("RETAINED");
        assertThat(row.get("eligibleFrom").asString()).isEqualTo("2027-01-01");
        assertThat(row.get("basis").asString()).contains("relationship ended 2021-11-25");
        assertThat(row.get("legalHold").asBoolean()).isFalse();

        JsonNode later = api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01").json();
        assertThat(find(later, late2021).get("status").asString()).isEqualTo("DUE");

        Api.Response csv = api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        // a UTF-8 byte-order mark first, so that spreadsheet programs read Chinese text correctly
        assertThat(csv.body()).startsWith("\uFEFFcustomerId,status,basis,clockStart,eligibleFrom,legalHold,policy,purgeRunId")
                .contains(late2021 + ",DUE,");
        Api.Response xlsx = api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.body()).startsWith("PK");
        Api.Response pdf = api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01&format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(find(api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01&format=json").json(),
                late2021).get("status").asString()).isEqualTo("DUE");
        assertThat(api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-01-01&format=doc").status())
                .isEqualTo(400);
        assertThat(api.as("auditor1").get("/api/v1/reports/retention?asOf=2027-01-01").status()).isEqualTo(403);
        assertThat(api.as("compliance1").get("/api/v1/reports/retention?asOf=2027-13-01").status()).isEqualTo(400);
    }

    @Test
    void theReportAssessesDueRetainedHeldAndOpenCustomersPageBySetsAndItsStatusFilterAgreesWithTheFullReport() {
        String asOf = "2026-06-01";
        String due = closedCustomer("2018-05-05");                   // identity eligible 2024-01-01
        String held = closedCustomer("2018-05-06");                  // as due, but a hold keeps it
        String retained = closedCustomer("2021-11-25");              // eligible 2027-01-01
        String bookedLater = closedCustomer("2019-03-01");           // identity due, a 2022 booking is not
        Api.Response r = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true));
        String open = r.json().get("id").asString();                 // relationship open, and held
        for (String id : List.of(held, open)) {
            assertThat(api.as("compliance1").post("/api/v1/legal-holds", Map.of("customerId", id,
                    "reason", "suspicious activity under investigation", "caseReference", "STR-2026-7")).status())
                    .isEqualTo(201);
        }
        jdbc.sql("""
                insert into cash_transactions (id, reference, customer_id, direction, amount, currency, occurred_at,
                  business_day, source_or_purpose, status, large_value, due_diligence, exempt, recorded_at, recorded_by)
                values (?, ?, ?, 'DEPOSIT', 100.0000, 'CNY', ?, ?, false, 'EVALUATED', false, 'NOT_REQUIRED', false, ?, 'seed')""")
                .params(java.util.UUID.randomUUID().toString(), "RET-" + bookedLater, bookedLater,
                        java.time.OffsetDateTime.parse("2022-06-01T10:00:00+08:00"), java.time.LocalDate.of(2022, 6, 1),
                        java.time.OffsetDateTime.parse("2022-06-01T10:00:00+08:00"))
                .update();

        JsonNode all = api.as("compliance1").get("/api/v1/reports/retention?asOf=" + asOf).json();
        assertThat(find(all, due).get("status").asString()).isEqualTo("DUE");
        assertThat(find(all, due).get("eligibleFrom").asString()).isEqualTo("2024-01-01");
        assertThat(find(all, held).get("status").asString()).isEqualTo("HELD");
        assertThat(find(all, held).get("legalHold").asBoolean()).isTrue();
        assertThat(find(all, retained).get("status").asString()).isEqualTo("RETAINED");
        assertThat(find(all, retained).get("eligibleFrom").asString()).isEqualTo("2027-01-01");
        JsonNode booked = find(all, bookedLater);
        assertThat(booked.get("status").asString()).isEqualTo("RETAINED");
        assertThat(booked.get("basis").asString()).startsWith("TRANSACTION: latest record dated 2022-06-01");
        assertThat(booked.get("eligibleFrom").asString()).isEqualTo("2028-01-01");
        assertThat(find(all, open).get("status").asString()).isEqualTo("OPEN");
        assertThat(find(all, open).get("legalHold").asBoolean()).isTrue();
        assertThat(find(all, due).get("legalHold").asBoolean()).isFalse();

        // DUE,HELD is read from the purge's candidates in SQL: exactly the full report's DUE and HELD rows, same order
        JsonNode candidates = api.as("compliance1").get("/api/v1/reports/retention?asOf=" + asOf + "&status=DUE,HELD").json();
        List<JsonNode> expected = new ArrayList<>();
        all.get("rows").forEach(row -> {
            if (List.of("DUE", "HELD").contains(row.get("status").asString())) {
                expected.add(row);
            }
        });
        List<JsonNode> got = new ArrayList<>();
        candidates.get("rows").forEach(got::add);
        assertThat(got).isEqualTo(expected);
        assertThat(got.stream().map(n -> n.get("customerId").asString())).contains(due, held)
                .doesNotContain(retained, bookedLater, open);
        JsonNode retainedOnly = api.as("compliance1").get("/api/v1/reports/retention?asOf=" + asOf + "&status=RETAINED").json();
        List<String> retainedIds = new ArrayList<>();
        retainedOnly.get("rows").forEach(n -> {
            assertThat(n.get("status").asString()).isEqualTo("RETAINED");
            retainedIds.add(n.get("customerId").asString());
        });
        assertThat(retainedIds).contains(retained, bookedLater).doesNotContain(due, held, open);
        Api.Response csv = api.as("compliance1").get("/api/v1/reports/retention?asOf=" + asOf + "&status=DUE&format=csv");
        assertThat(csv.body()).contains(due + ",DUE,").doesNotContain(held).doesNotContain(retained);
        // the JSON answer is streamed row by row: still one well-formed object when no row matches
        Api.Response none = api.as("compliance1").get("/api/v1/reports/retention?asOf=2000-01-01&status=DUE");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.contentType()).startsWith("application/json");
        assertThat(none.json().get("asOf").asString()).isEqualTo("2000-01-01");
        assertThat(none.json().get("rows").size()).isZero();
        Api.Response bad = api.as("compliance1").get("/api/v1/reports/retention?asOf=" + asOf + "&status=SOON");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"status\"");
    }

    private static JsonNode find(JsonNode report, String id) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("customerId").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no report row for " + id);
    }
}
