package com.kyckeeper.ui;

import static com.kyckeeper.support.CashRequests.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Browser;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Archive access and the compliance pages in real headless Chromium: four-eyes legal holds, the
 * retention report PDF with Chinese text, dry and real purge runs with their certificate (also for
 * the auditor), FX rates, and the dashboard's SVG charts. Screenshots go to target/screenshots.
 */
class ComplianceBrowserTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Test
    void aTellerRequestsArchiveAccessAnotherOfficerApprovesAndTheTellerOpensTheCustomer() {
        String id = closedCustomer(businessToday().minusDays(20).toString());
        try (Browser teller = Browser.open(port); Browser officer = Browser.open(port)) {
            teller.login("teller1", PASSWORD);
            teller.go("/customers/" + id);
            assertThat(teller.text()).contains("无权访问");

            teller.go("/archive-access?customerId=" + id);
            assertThat(teller.byId("customerId").getAttribute("value")).isEqualTo(id);
            teller.type("purpose", "客户申请开具历史业务证明");
            teller.byId("archive-request-submit").click();
            teller.waitForText("notice", "借阅申请已提交，等待合规审批。");
            WebElement row = teller.find(By.cssSelector("#my-requests tbody tr"));
            assertThat(row.getText()).contains(id, "客户申请开具历史业务证明", "待审批");
            assertThat(row.findElements(By.cssSelector("a.open-customer"))).isEmpty();
            teller.screenshot("c01-archive-request-pending");

            officer.login("compliance2", PASSWORD);
            officer.go("/compliance/archive-access");
            WebElement pending = officer.find(By.xpath("//table[@id='pending-requests']//tr[td[1]//text()='" + id + "']"));
            assertThat(pending.getText()).contains("teller1", "客户申请开具历史业务证明");
            officer.screenshot("c02-archive-approvals");
            pending.findElement(By.cssSelector("button[value=APPROVE]")).click();
            officer.waitForText("notice", "已批准借阅申请。");

            teller.go("/archive-access");
            WebElement approved = teller.find(By.cssSelector("#my-requests tbody tr"));
            assertThat(approved.getText()).contains("已批准", "compliance2");
            teller.screenshot("c03-archive-request-approved");
            approved.findElement(By.cssSelector("a.open-customer")).click();
            teller.waitForPath("/customers/" + id);
            assertThat(teller.text()).doesNotContain("无权访问");
            assertThat(teller.byId("customer-status").getText()).isNotBlank();
            teller.screenshot("c04-archived-customer-opened");
        }
        assertThat(events("ARCHIVE_ACCESS_APPROVE", id)).isEqualTo(1);
    }

    @Test
    void oneOfficerPlacesALegalHoldTheSameOfficerCannotReleaseItAndAnotherOneDoes() {
        String id = closedCustomer(businessToday().minusDays(10).toString());
        String holdId;
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            b.go("/compliance/legal-holds");
            b.type("customerId", id).type("caseReference", "STR-2026-042").type("reason", "可疑交易调查中，保留全部资料");
            b.byId("hold-submit").click();
            b.waitForText("notice", "已设置法律保全。");
            WebElement row = b.find(By.xpath("//table[@id='holds']//tr[td[1]//text()='" + id + "']"));
            holdId = row.getAttribute("id").substring("hold-".length());
            assertThat(row.getText()).contains("STR-2026-042", "生效中", "compliance1", "本人设置，须由其他合规人员解除。");
            assertThat(row.findElements(By.cssSelector("button.release"))).as("the placer gets no release button").isEmpty();
            b.screenshot("c05-legal-hold-placed");
        }
        // Even a crafted release by the placer is refused (403 page, audited) and changes nothing.
        WebSession placer = new WebSession(port).login("compliance1", PASSWORD);
        HttpResponse<String> refused = placer.post("/compliance/legal-holds/" + holdId + "/release", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("无权访问");
        assertThat(jdbc.sql("select released_at from legal_holds where id = ?").param(holdId).query(OffsetDateTime.class)
                .optional()).isEmpty();

        try (Browser b = Browser.open(port)) {
            b.login("compliance2", PASSWORD);
            b.go("/compliance/legal-holds");
            WebElement row = b.byId("hold-" + holdId);
            row.findElement(By.cssSelector("button.release")).click();
            b.waitForText("notice", "已解除法律保全。");
            WebElement released = b.byId("hold-" + holdId);
            assertThat(released.getText()).contains("已解除", "由 compliance2 于");
            assertThat(released.findElements(By.cssSelector("button.release"))).isEmpty();
            b.screenshot("c06-legal-hold-released-by-another-officer");
        }
        assertThat(events("LEGAL_HOLD_RELEASE", id)).isEqualTo(1);
    }

    @Test
    void theRetentionReportIsChosenByDateAndItsPdfDownloadCarriesChineseTextAndIsAuditedAsAnExport() throws Exception {
        String id = closedCustomer("2020-06-15");
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            b.go("/compliance/retention-report");
            // The date picker (input type=date) is set the way a picker sets it, then the form is submitted.
            b.script("document.getElementById('asOf').value = '2026-01-01';");
            b.byId("rr-submit").click();
            b.waitForUrlContaining("asOf=2026-01-01");
            assertThat(b.path()).isEqualTo("/compliance/retention-report");
            WebElement row = b.find(By.xpath("//table[@id='rr-rows']//tr[td[1]//text()='" + id + "']"));
            assertThat(row.getText()).contains("可清除", "2026-01-01");
            b.screenshot("c07-retention-report");

            String href = b.byId("download-pdf").getAttribute("href");
            assertThat(href).contains("asOf=2026-01-01", "format=pdf");
            long exports = exports();
            HttpResponse<byte[]> pdf = fetch(b, href);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("retention-2026-01-01.pdf");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "retention-ui-sample.pdf"), pdf.body());
            String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
            assertThat(text).contains("保存期限报告", "2026-01-01");
            assertThat(exports()).isEqualTo(exports + 1);

            HttpResponse<byte[]> csv = fetch(b, b.byId("download-csv").getAttribute("href"));
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(id, "DUE");
            HttpResponse<byte[]> xlsx = fetch(b, b.byId("download-xlsx").getAttribute("href"));
            assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        }
    }

    @Test
    void aDryRunAndAConfirmedPurgeShowTheirCertificateWhichTheAuditorCanReadButNotStart() {
        String due = closedCustomer("2020-06-15");
        String dryRunPath;
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            b.go("/purge-runs");
            b.screenshot("c08-purge-runs");
            b.byId("dry-run-submit").click();
            dryRunPath = b.waitForPath("/purge-runs/[0-9a-f-]{36}");
            awaitCertificate(b, dryRunPath);
            assertThat(b.byId("run-status").getText()).isEqualTo("已完成");
            assertThat(Long.parseLong(b.byId("cert-eligible").getText())).isGreaterThanOrEqualTo(1);
            assertThat(b.byId("cert-purged").getText()).isEqualTo("0");
            assertThat(b.byId("cert-digest").getText()).matches("[0-9a-f]{64}");
            assertThat(b.byId("cert-verified").isDisplayed()).isTrue();
            assertThat(b.byId("run-policy").getText()).isEqualTo("default");
            assertThat(b.text()).contains("试运行");
            b.screenshot("c09-purge-dry-run-certificate");
            assertThat(api.as("compliance1").get("/api/v1/customers/" + due).status()).as("a dry run purges nothing")
                    .isEqualTo(200);

            // A real run needs the confirmation page; cancelling starts nothing.
            b.go("/purge-runs");
            b.byId("real-run-start").click();
            b.waitForPath("/purge-runs/confirm");
            assertThat(b.text()).contains("正式清除不可撤销");
            b.screenshot("c10-purge-confirm");
            b.byId("purge-cancel").click();
            b.waitForPath("/purge-runs");
            b.byId("real-run-start").click();
            b.waitForPath("/purge-runs/confirm");
            b.byId("purge-confirm-submit").click();
            String realPath = b.waitForPath("/purge-runs/[0-9a-f-]{36}");
            awaitCertificate(b, realPath);
            assertThat(b.byId("cert-purged-ids").getText()).contains(due);
            assertThat(Long.parseLong(b.byId("cert-purged").getText())).isGreaterThanOrEqualTo(1);
            b.screenshot("c11-purge-certificate");
        }
        assertThat(api.as("compliance1").get("/api/v1/customers/" + due).status()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from purge_runs").query(Long.class).single()).isEqualTo(2);

        try (Browser b = Browser.open(port)) {
            b.login("auditor1", PASSWORD);
            b.go("/purge-runs");
            assertThat(b.driver().findElements(By.id("dry-run-submit"))).isEmpty();
            assertThat(b.driver().findElements(By.id("real-run-start"))).isEmpty();
            b.go(dryRunPath);
            assertThat(b.byId("cert-digest").getText()).matches("[0-9a-f]{64}");
            b.screenshot("c12-purge-certificate-auditor");
            b.go("/purge-runs/confirm");
            assertThat(b.text()).contains("无权访问");
        }
    }

    @Test
    void theDashboardDrawsItsThreeChartsAsInlineSvgWithATableAlternative() {
        String customer = registered();
        // An hour ago, but still today in the business zone (just after midnight an hour ago was yesterday).
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(BUSINESS_ZONE)).withNano(0);
        OffsetDateTime hourAgo = now.minusHours(1);
        String at = (hourAgo.toLocalDate().equals(now.toLocalDate()) ? hourAgo
                : now.truncatedTo(java.time.temporal.ChronoUnit.DAYS)).toString();
        Api.Response tx = api.as("teller1").post("/api/v1/cash-transactions",
                tx(customer, "DEPOSIT", "60000.00", "CNY", at));
        assertThat(tx.status()).as(tx.body()).isEqualTo(201);
        assertThat(tx.json().get("largeValue").asBoolean()).isTrue();
        String expiresOn = businessToday().plusDays(20).toString();
        assertThat(api.as("teller1").post("/api/v1/customers",
                Identities.individual(Identities.residentId(false), false, expiresOn)).status()).isEqualTo(201);
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            assertThat(b.path()).isEqualTo("/");
            assertThat(b.find(By.tagName("h1")).getText()).isEqualTo("合规看板");
            List<WebElement> svgs = b.driver().findElements(By.cssSelector("figure.chart svg"));
            assertThat(svgs).hasSize(3);
            assertThat(b.driver().findElements(By.cssSelector("#chart-large-value rect.bar"))).hasSize(30);
            assertThat(b.driver().findElements(By.cssSelector("#chart-cases rect.bar"))).hasSize(4);
            assertThat(b.driver().findElements(By.cssSelector("#chart-due rect.bar"))).hasSize(4);
            for (WebElement svg : svgs) {
                assertThat(svg.getAttribute("role")).isEqualTo("img");
                assertThat(svg.getAttribute("aria-labelledby")).isNotBlank();
            }
            assertThat(Long.parseLong(b.byId("kpi-large-value").getText())).isGreaterThanOrEqualTo(1);
            // The last bar (today) is drawn with a height, and the same number is in the table alternative.
            List<WebElement> bars = b.driver().findElements(By.cssSelector("#chart-large-value rect.bar"));
            assertThat(Integer.parseInt(bars.getLast().getAttribute("height"))).isPositive();
            // Documents expiring in 20 days: the "8–30" bar of the re-verification chart.
            List<WebElement> due = b.driver().findElements(By.cssSelector("#chart-due rect.bar"));
            assertThat(Integer.parseInt(due.get(2).getAttribute("height"))).isPositive();
            assertThat(Long.parseLong(b.byId("kpi-due").getText())).isGreaterThanOrEqualTo(1);
            b.screenshot("c13-compliance-dashboard");
            b.find(By.cssSelector("#chart-large-value summary")).click();
            List<WebElement> cells = b.driver().findElements(By.cssSelector("#chart-large-value table tbody tr"));
            assertThat(cells).hasSize(30);
            assertThat(cells.getLast().getText()).contains(businessToday().toString().substring(5));
            assertThat(b.script("return document.scripts.length === 0 || Array.from(document.scripts).every(s => s.src)"))
                    .isEqualTo(true);
        }
    }

    @Test
    void complianceAddsOneFxRateAndImportsACsvFileOfRates() throws Exception {
        Path csv = Files.createTempFile("rates", ".csv");
        Files.writeString(csv, "date,currency,cnyPerUnit\n2026-11-20,EUR,7.7000\n2026-11-20,JPY,0.0480\n");
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            b.go("/compliance/fx-rates?date=2026-11-20");
            assertThat(b.byId("fx-none").isDisplayed()).isTrue();
            b.type("currency", "USD").type("rate", "7.1000");
            b.script("document.getElementById('add-date').value = '2026-11-20';");
            b.byId("fx-add-submit").click();
            b.waitForText("notice", "汇率已保存。");
            assertThat(b.byId("fx-table").getText()).contains("USD", "7.1000");

            b.byId("file").sendKeys(csv.toAbsolutePath().toString());
            b.byId("fx-import-submit").click();
            // the page before shows the same notice and its own count: wait for the import's count
            b.waitForTextContaining("fx-stored", "已保存 2 个汇率");
            assertThat(b.byId("notice").getText()).isEqualTo("汇率已保存。");
            assertThat(b.byId("fx-table").getText()).contains("EUR", "7.7000", "JPY", "USD");
            b.screenshot("c14-fx-rates");

            // A bad file is refused as a whole, naming the line.
            Files.writeString(csv, "2026-11-21,GBP,9.1\n2026-11-21,XXX,oops\n");
            b.byId("file").sendKeys(csv.toAbsolutePath().toString());
            b.byId("fx-import-submit").click();
            b.find(By.id("problems"));
            assertThat(b.byId("problems").getText()).contains("line[2]");
        } finally {
            Files.deleteIfExists(csv);
        }
        assertThat(jdbc.sql("select count(*) from fx_rates where rate_date = ?").param(LocalDate.parse("2026-11-21"))
                .query(Long.class).single()).isZero();
    }

    private void awaitCertificate(Browser b, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (b.driver().findElements(By.id("certificate")).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no certificate on " + path + ": " + b.text());
            }
            sleep(500);
            if (b.driver().findElements(By.id("certificate")).isEmpty()) {
                b.go(path);
            }
        }
    }

    /** Fetches a download link with the browser's session cookie (headless Chromium's downloads are not inspectable). */
    private static HttpResponse<byte[]> fetch(Browser b, String href) throws Exception {
        Cookie session = b.driver().manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue())
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private String registered() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private String closedCustomer(String endedOn) {
        String id = registered();
        Api.Response c = api.as("compliance1").post("/api/v1/customers/" + id + "/closure", Map.of("endedOn", endedOn));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        return id;
    }

    private long events(String action, String customerId) {
        return jdbc.sql("select count(*) from access_events where action = ? and customer_id = ?")
                .params(action, customerId).query(Long.class).single();
    }

    private long exports() {
        return jdbc.sql("select count(*) from access_events where action = 'REPORT_EXPORT' and detail like 'retention PDF%'")
                .query(Long.class).single();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
