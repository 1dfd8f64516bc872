package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Browser;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The story across modules in real headless Chromium: a teller registers an individual, a supervisor
 * verifies, the teller records a large cash deposit without source of funds (due diligence REQUIRED),
 * compliance resolves the case and downloads the large-value report PDF (Chinese name inside), and the
 * auditor finds every step in the access log. Screenshots: target/screenshots/story-*.png.
 */
class CrossModuleStoryBrowserTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;
    static final String NAME = "欧阳明月";

    @Value("${kyc.large-cash.classes[0].threshold}")
    String rmbThreshold;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Test
    void registerVerifyLargeDepositCaseReportAndAuditAcrossTheUi() throws Exception {
        String idNumber = Identities.residentId(true);
        String amount = new BigDecimal(rmbThreshold).add(new BigDecimal("8000.00")).toPlainString();
        String customerPath;
        String reference;

        // 1. Teller registers an individual.
        try (Browser b = Browser.open(port)) {
            b.login("teller1", PASSWORD);
            b.waitForPath("/");
            assertThat(b.text()).contains("登记现金交易").doesNotContain("访问日志查询").doesNotContain("尽职调查案件");
            b.screenshot("story-01-home-teller");
            b.go("/customers/new/individual");
            b.type("name", NAME);
            new Select(b.byId("gender")).selectByValue("MALE");
            b.type("occupation", "会计").type("address", "上海市浦东新区世纪大道100号").type("phone", "+8613900139000")
                    .type("idDocument-number", idNumber).type("idDocument-issuedOn", "2020-01-01")
                    .type("idDocument-expiresOn", "2040-01-01");
            b.byId("individual-submit").click();
            b.waitForPath("/customers/[0-9a-f-]{36}");
            customerPath = b.path();
            b.waitForText("customer-status", "待核验");
        }
        String customerId = customerPath.substring("/customers/".length());

        // 2. Another person, the supervisor, verifies it.
        try (Browser b = Browser.open(port)) {
            b.login("supervisor1", PASSWORD);
            b.go("/verification");
            WebElement form = b.find(By.cssSelector("form[action$='/verification/" + customerId + "']"));
            form.findElement(By.cssSelector("button[value=APPROVE]")).click();
            b.waitForPath(customerPath);
            b.waitForText("customer-status", "已核验");
        }

        // 3. Teller records a large cash deposit from the customer page, without source of funds.
        try (Browser b = Browser.open(port)) {
            b.login("teller1", PASSWORD);
            b.go(customerPath);
            b.byId("record-cash").click();
            b.waitForPath("/cash/new");
            assertThat(b.byId("customerId").getAttribute("value")).isEqualTo(customerId);
            assertThat(b.byId("cash-customer").getText()).contains("欧*");
            // A bad amount first: the server's message appears under the field.
            b.type("amount", "0").type("branch", "SH-001");
            b.byId("cash-submit").click();
            b.waitForText("amount-error", "金额须大于零。");
            b.screenshot("story-02-cash-field-error");
            b.type("amount", amount);
            b.screenshot("story-03-cash-form");
            b.byId("cash-submit").click();
            b.waitForPath("/cash/[0-9a-f-]{36}");
            b.waitForText("due-diligence", "须进行");
            assertThat(b.byId("large-value").getText()).isEqualTo("是（须报告）");
            assertThat(b.byId("report-due-by").getText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(b.byId("still-needed").getText()).contains("未登记资金来源或用途");
            reference = b.find(By.xpath("//tr[th[normalize-space()='交易编号']]/td")).getText();
            assertThat(reference).startsWith("UI-");
            b.screenshot("story-04-cash-result-dd-required");
        }

        // 4. Compliance opens the case, resolves it, shows and downloads the large-value report.
        byte[] pdf;
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            assertThat(b.text()).contains("尽职调查案件", "大额交易报告").doesNotContain("登记现金交易");
            b.go("/due-diligence/cases");
            WebElement row = b.find(By.xpath("//table[@id='cases']//tr[td[normalize-space()='" + reference + "']]"));
            b.screenshot("story-05-case-queue");
            row.findElement(By.cssSelector("a.case-link")).click();
            b.waitForPath("/due-diligence/cases/[0-9a-f-]{36}");
            b.waitForText("case-status", "待处理");
            assertThat(b.byId("case-customer").getText()).as("masked").startsWith("欧").contains("*").doesNotContain("明");
            assertThat(b.text()).contains("未登记资金来源或用途").doesNotContain(NAME).doesNotContain(idNumber);
            new Select(b.byId("decision")).selectByValue("CLEARED");
            b.type("sourceOfFunds", "工资及经营收入").type("note", "客户提供工资流水");
            b.byId("reverified").click();
            b.screenshot("story-06-case-resolve");
            b.byId("resolve-submit").click();
            b.waitForText("case-status", "已处理");
            assertThat(b.byId("case-decision").getText()).isEqualTo("尽职调查完成");
            b.screenshot("story-07-case-resolved");

            b.go("/reports/large-value");
            b.byId("report-show").click();
            b.waitForUrlContaining("from=");
            assertThat(b.path()).isEqualTo("/reports/large-value");
            b.find(By.id("report-rows"));
            assertThat(b.byId("report-rows").getText()).contains(NAME, idNumber, amount, reference);
            b.screenshot("story-08-large-value-report");
            String href = b.byId("download-pdf").getAttribute("href");
            HttpResponse<byte[]> download = fetch(b, href);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".pdf");
            pdf = download.body();
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("story-large-value.pdf"), pdf);
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(NAME).contains("大额交易报告").contains(amount);

        // 5. The auditor finds every step in the access log, checks integrity and exports the query.
        try (Browser b = Browser.open(port)) {
            b.login("auditor1", PASSWORD);
            assertThat(b.text()).contains("访问日志查询", "日志完整性").doesNotContain("登记现金交易");
            b.go("/audit/access-log");
            b.type("customerId", customerId);
            b.byId("search-submit").click();
            b.find(By.id("events"));
            String events = b.byId("events").getText();
            assertThat(events).contains("CUSTOMER_REGISTER", "CUSTOMER_VERIFY", "CASH_TX_RECORD", "DD_CASE_READ",
                    "DD_CASE_RESOLVE", "CUSTOMER_REVEAL", "large-value report", "teller1", "supervisor1", "compliance1");
            assertThat(events).doesNotContain(NAME).doesNotContain(idNumber);
            List<String> actions = b.driver().findElements(By.cssSelector("#events td.action")).stream()
                    .map(WebElement::getText).toList();
            assertThat(actions.indexOf("CUSTOMER_REGISTER")).as("newest first")
                    .isGreaterThan(actions.indexOf("DD_CASE_RESOLVE"));
            b.screenshot("story-09-access-log-customer");

            b.go("/audit/access-log?action=REPORT_EXPORT&actor=compliance1");
            assertThat(b.byId("events").getText()).contains("REPORT_EXPORT", "compliance1");
            assertThat(b.byId("event-count").getText()).contains("1");
            b.screenshot("story-10-access-log-export-event");

            b.go("/audit/access-log?customerId=" + customerId);
            HttpResponse<byte[]> csv = fetch(b, b.byId("export-csv").getAttribute("href"));
            assertThat(csv.statusCode()).isEqualTo(200);
            String csvText = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(csvText).contains("CUSTOMER_REGISTER", "DD_CASE_RESOLVE", customerId).doesNotContain(NAME);

            b.go("/audit/integrity");
            b.waitForText("integrity-status", "完好");
            b.screenshot("story-11-integrity");
        }
        assertThat(jdbc.sql("select count(*) from access_events where action = 'AUDIT_EXPORT' and actor = 'auditor1'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'REPORT_EXPORT' and actor = 'compliance1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A download through the browser's own session (its cookies, including the HttpOnly session cookie). */
    private static HttpResponse<byte[]> fetch(Browser b, String url) throws IOException, InterruptedException {
        String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
