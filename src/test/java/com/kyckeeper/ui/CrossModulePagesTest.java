package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cash, due-diligence, report and audit pages over plain HTTP: each role's menu, every page and
 * action refused (friendly 403 page, audited) to the other roles, per-field errors from the server.
 */
class CrossModulePagesTest extends ApiTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    WebSession as(String user) {
        return new WebSession(port).login(user, Databases.PASSWORD);
    }

    @Test
    void eachRoleGetsItsOwnEntriesInTheMenu() {
        assertThat(as("teller1").get("/").body()).contains("href=\"/cash/new\"")
                .doesNotContain("/due-diligence/cases").doesNotContain("/reports/large-value").doesNotContain("/audit/");
        assertThat(as("compliance1").get("/").body()).contains("href=\"/due-diligence/cases\"", "href=\"/reports/large-value\"")
                .doesNotContain("/cash/new").doesNotContain("/audit/");
        assertThat(as("auditor1").get("/").body()).contains("href=\"/audit/access-log\"", "href=\"/audit/integrity\"")
                .doesNotContain("/cash/new").doesNotContain("/due-diligence/").doesNotContain("/reports/");
        assertThat(as("admin1").get("/").body()).doesNotContain("/cash/new").doesNotContain("/audit/")
                .doesNotContain("/due-diligence/").doesNotContain("/reports/");
    }

    @Test
    void everyPageIsRefusedToTheOtherRolesWithTheAudited403Page() {
        String customerId = verifiedCustomer();
        String caseId = largeDepositWithoutSource(customerId).get("caseId");
        Map<String, List<String>> pages = Map.of(
                "/cash/new", List.of("auditor1", "compliance1", "admin1"),
                "/due-diligence/cases", List.of("teller1", "supervisor1", "auditor1", "admin1"),
                "/due-diligence/cases/" + caseId, List.of("teller1", "auditor1", "admin1"),
                "/reports/large-value", List.of("teller1", "supervisor1", "auditor1", "admin1"),
                "/reports/large-value/download?from=2026-01-01&to=2026-12-31&format=pdf", List.of("teller1", "auditor1"),
                "/audit/access-log", List.of("teller1", "supervisor1", "compliance1", "admin1"),
                "/audit/access-log/export", List.of("teller1", "compliance1"),
                "/audit/integrity", List.of("teller1", "compliance1", "admin1"));
        long before = refusals();
        int expected = 0;
        for (var e : pages.entrySet()) {
            for (String user : e.getValue()) {
                HttpResponse<String> r = as(user).get(e.getKey());
                assertThat(r.statusCode()).as(user + " GET " + e.getKey()).isEqualTo(403);
                assertThat(r.body()).as(user + " GET " + e.getKey()).contains("无权访问");
                expected++;
            }
        }
        // Crafted posts: a teller resolving a case, an auditor recording a transaction.
        HttpResponse<String> resolve = as("teller1").post("/due-diligence/cases/" + caseId + "/resolution",
                Map.of("decision", "CLEARED"));
        assertThat(resolve.statusCode()).isEqualTo(403);
        HttpResponse<String> record = as("auditor1").post("/cash", Map.of("customerId", customerId, "amount", "1.00",
                "currency", "CNY", "direction", "DEPOSIT", "date", "2026-01-01", "reference", "UI-X1"));
        assertThat(record.statusCode()).isEqualTo(403);
        assertThat(refusals()).isGreaterThanOrEqualTo(before + expected + 2);
        assertThat(jdbc.sql("select status from dd_cases where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void theServersViolationsAppearUnderTheCashFormFieldsAndASmallDepositNeedsNoDueDiligence() {
        String customerId = verifiedCustomer();
        WebSession teller = as("teller1");
        String form = teller.get("/cash/new?customerId=" + customerId).body();
        assertThat(form).contains("name=\"reference\"", "value=\"" + customerId + "\"", "type=\"date\"");
        HttpResponse<String> bad = teller.post("/cash", Map.of("reference", "UI-BAD-1", "customerId", customerId,
                "direction", "DEPOSIT", "amount", "-5", "currency", "CNY", "date", "2026-02-30", "time", "10:00"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"date-error\" aria-live=\"polite\">请输入有效日期");

        String today = businessToday().toString();
        HttpResponse<String> negative = teller.post("/cash", Map.of("reference", "UI-BAD-2", "customerId", customerId,
                "direction", "DEPOSIT", "amount", "-5", "currency", "CNY", "date", today, "time", "00:01"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("id=\"amount-error\" aria-live=\"polite\">金额须大于零。");

        HttpResponse<String> unknown = teller.post("/cash", Map.of("reference", "UI-BAD-3",
                "customerId", "00000000-0000-0000-0000-000000000000", "direction", "DEPOSIT", "amount", "10.00",
                "currency", "CNY", "date", today, "time", "00:01"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"customerId-error\" aria-live=\"polite\">没有该客户。");

        HttpResponse<String> ok = teller.post("/cash", Map.of("reference", "UI-OK-1", "customerId", customerId,
                "direction", "WITHDRAWAL", "amount", "1200.00", "currency", "CNY", "date", today, "time", "00:01",
                "sourceOfFunds", "工资"));
        assertThat(ok.statusCode()).isEqualTo(302);
        String result = teller.get(java.net.URI.create(ok.headers().firstValue("Location").orElseThrow()).getPath()).body();
        assertThat(result).contains("id=\"large-value\"", ">否<", "id=\"due-diligence\"", ">无需<")
                .doesNotContain("id=\"report-due-by\"");
        assertThat(jdbc.sql("select count(*) from cash_transactions where reference like 'UI-BAD-%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theAuditorsFiltersAreCheckedAndAnExemptionNeedsAReason() {
        HttpResponse<String> bad = as("auditor1").get("/audit/access-log?customerId=not-an-id&from=2026-13-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"customerId-error\"", "id=\"from-error\"").doesNotContain("id=\"events\"");
        HttpResponse<String> page = as("auditor1").get("/audit/access-log?actor=teller1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/audit/access-log/export?actor=teller1");

        String caseId = largeDepositWithoutSource(verifiedCustomer()).get("caseId");
        WebSession compliance = as("compliance1");
        compliance.get("/due-diligence/cases/" + caseId);
        HttpResponse<String> noReason = compliance.post("/due-diligence/cases/" + caseId + "/exemption", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\" aria-live=\"polite\">此项必填。");
        HttpResponse<String> exempt = compliance.post("/due-diligence/cases/" + caseId + "/exemption",
                Map.of("reason", "同一客户同日转存，依第七条豁免"));
        assertThat(exempt.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CASH_TX_EXEMPT' and actor = 'compliance1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theCaseQueuePageShowsPagingLinksOverPagesReadFromTheDatabase() {
        String customer = java.util.UUID.randomUUID().toString();
        // CLOSED cases opened in 2099: after every other case, so they fill the last pages in their order
        List<com.kyckeeper.support.CaseSeeds.Seeded> seeded = com.kyckeeper.support.CaseSeeds.seed(dataSource, customer,
                "CLOSED", 45, java.time.Instant.parse("2099-01-01T00:00:00Z"));
        try {
            long total = jdbc.sql("select count(*) from dd_cases where status = 'CLOSED'").query(Long.class).single();
            long pages = (total + 19) / 20;
            assertThat(pages).isGreaterThanOrEqualTo(3);
            WebSession compliance = as("compliance1");

            String first = compliance.get("/due-diligence/cases?status=CLOSED").body();
            assertThat(first).contains("id=\"case-count\"").contains(Long.toString(total))
                    .contains("href=\"/due-diligence/cases?status=CLOSED&amp;page=1\"")
                    .doesNotContain("page=-1").contains("1 / " + pages);
            assertThat(first.split("class=\"case-link\"", -1)).hasSize(21);

            String last = compliance.get("/due-diligence/cases?status=CLOSED&page=" + (pages - 1)).body();
            assertThat(last).contains("href=\"/due-diligence/cases?status=CLOSED&amp;page=" + (pages - 2) + "\"")
                    .doesNotContain("page=" + pages + "\"").contains(pages + " / " + pages);
            int onLast = (int) (total - (pages - 1) * 20);
            assertThat(last.split("class=\"case-link\"", -1)).hasSize(onLast + 1);
            // the last page ends with the newest seeded cases, in queue order (opened_at, id)
            List<com.kyckeeper.support.CaseSeeds.Seeded> tail = seeded.subList(seeded.size() - onLast, seeded.size());
            int at = -1;
            for (var c : tail) {
                int i = last.indexOf(">" + c.reference() + "<");
                assertThat(i).as(c.reference()).isGreaterThan(at);
                at = i;
            }
            // the middle page holds other cases than the first; a page past the end shows the last page
            String middle = compliance.get("/due-diligence/cases?status=CLOSED&page=1").body();
            assertThat(middle).contains("page=0\"").contains("page=2\"").contains("2 / " + pages);
            assertThat(compliance.get("/due-diligence/cases?status=CLOSED&page=99999").body()).contains(pages + " / " + pages);
        } finally {
            com.kyckeeper.support.CaseSeeds.remove(dataSource, customer);
        }
    }

    private String verifiedCustomer() {
        var created = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(true), true));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.as("supervisor1").post("/api/v1/customers/" + id + "/verification",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        return id;
    }

    private Map<String, String> largeDepositWithoutSource(String customerId) {
        var r = api.as("teller1").post("/api/v1/cash-transactions", Map.of("reference", "T-" + java.util.UUID.randomUUID(),
                "customerId", customerId, "direction", "DEPOSIT", "amount", "60000.00", "currency", "CNY",
                "occurredAt", java.time.OffsetDateTime.now(clock).minusMinutes(5).toString(), "branch", "BJ-001"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("dueDiligence").asString()).isEqualTo("REQUIRED");
        return Map.of("caseId", r.json().get("caseId").asString(), "id", r.json().get("id").asString());
    }

    private long refusals() {
        return jdbc.sql("select count(*) from access_events where outcome = 'REFUSED'").query(Long.class).single();
    }
}
