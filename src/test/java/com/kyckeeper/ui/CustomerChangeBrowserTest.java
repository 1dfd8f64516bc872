package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Browser;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Change of details and version history in real headless Chromium: a teller changes contact details and renews
 * the document with the keyboard alone (the verified customer goes back to verification), the history shows who
 * changed which fields, masked; a server error appears at its field; a form overtaken by someone else's change
 * says so and offers a reload; an oversized FX file is refused at its field; a disabled user's session ends.
 * Screenshots: target/screenshots/h*.png.
 */
class CustomerChangeBrowserTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private String registerIndividual(String idNumber) {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(idNumber, true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String active(Browser b) {
        return b.driver().switchTo().activeElement().getAttribute("id");
    }

    private static void tabTo(Browser b, Actions keys, String id) {
        int presses = 0;
        while (!id.equals(active(b)) && presses++ < 60) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(active(b)).as(id + " is reachable with Tab").isEqualTo(id);
    }

    @Test
    void aTellerChangesDetailsWithTheKeyboardAloneAndARenewedDocumentSendsTheCustomerBackToVerification() {
        String idNumber = Identities.residentId(true);
        String id = registerIndividual(idNumber);
        assertThat(api.as("supervisor1").post("/api/v1/customers/" + id + "/verification", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(200);
        try (Browser b = Browser.open(port)) {
            b.login("teller2", PASSWORD);
            b.go("/customers/" + id);
            b.waitForText("customer-status", "已核验");
            Actions keys = new Actions(b.driver());
            tabTo(b, keys, "change-details");
            keys.sendKeys(Keys.ENTER).perform();
            b.waitForPath("/customers/" + id + "/change");
            assertThat(b.text()).contains("张*", "已核验", "留空的项目保持原值不变").doesNotContain("张小三", idNumber);
            b.screenshot("h01-change-form");

            tabTo(b, keys, "occupation");
            Object[][] steps = {
                    {"occupation", null}, {"address", "上海市浦东新区世纪大道100号"}, {"habitualResidence", null},
                    {"phone", "+8613912345678"}, {"email", null}, {"idDocument-number", null},
                    {"idDocument-issuedOn", "2026-01-05"}, {"idDocument-expiresOn", "2046-01-05"}};
            for (int i = 0; i < steps.length; i++) {
                assertThat(active(b)).as("Tab order").isEqualTo(steps[i][0]);
                if (steps[i][1] instanceof String text) {
                    keys.sendKeys(text).perform();
                }
                if (i < steps.length - 1) {
                    keys.sendKeys(Keys.TAB).perform();
                }
            }
            b.screenshot("h02-change-keyboard-filled");
            keys.sendKeys(Keys.ENTER).perform();
            b.waitForPath("/customers/" + id);
            b.waitForText("customer-status", "待核验");
            assertThat(b.byId("notice").getText()).contains("身份信息有变化，客户已退回待核验");
            assertThat(b.text()).contains("+86139****5678", "2046-01-05").doesNotContain("13912345678", "世纪大道");
            b.screenshot("h03-changed-back-to-verification");

            b.byId("customer-history").click();
            b.waitForPath("/customers/" + id + "/history");
            WebElement latest = b.byId("version-3");
            assertThat(latest.findElement(By.cssSelector(".change-kind")).getText()).isEqualTo("身份信息变更（须重新核验）");
            assertThat(latest.getText()).contains("teller2", "身份信息变更（须重新核验）", "地址", "联系电话", "证件签发日期",
                    "证件有效期", "待核验", "+86139****5678");
            assertThat(b.byId("version-2").getText()).contains("supervisor1", "核验通过", "已核验");
            assertThat(b.byId("version-1").getText()).contains("teller1", "登记", "+86138****8000");
            assertThat(b.text()).doesNotContain("张小三", idNumber, "13912345678", "13800138000", "世纪大道", "建国路");
            List<String> order = b.driver().findElements(By.cssSelector("#history tbody tr")).stream()
                    .map(r -> r.getAttribute("id")).toList();
            assertThat(order).containsExactly("version-3", "version-2", "version-1");
            b.screenshot("h04-history");
            b.go("/customers/" + id + "/history?lang=en");
            assertThat(b.byId("version-3").getText()).contains("Address", "Phone", "Document expiry");
            assertThat(b.byId("version-3").findElement(By.cssSelector(".change-kind")).getText())
                    .isEqualTo("Identity changed (re-verification)");
            b.screenshot("h05-history-en");
            b.go("/customers/" + id + "?lang=zh-CN");
        }
    }

    @Test
    void aServerErrorIsShownAtItsFieldAndAnOvertakenFormSaysSomeoneElseChangedTheCustomer() {
        String id = registerIndividual(Identities.residentId(true));
        try (Browser first = Browser.open(port); Browser second = Browser.open(port)) {
            first.login("teller1", PASSWORD);
            first.go("/customers/" + id + "/change");
            first.type("idDocument-expiresOn", "2001-02-03");
            first.byId("change-submit").click();
            first.waitForText("idDocument-expiresOn-error", "证件已过期。");
            assertThat(first.byId("idDocument-expiresOn").getAttribute("aria-invalid")).isEqualTo("true");
            first.screenshot("h06-change-server-error-at-field");

            second.login("teller2", PASSWORD);
            second.go("/customers/" + id + "/change");
            second.type("occupation", "教师");
            second.byId("change-submit").click();
            second.waitForPath("/customers/" + id);
            second.waitForText("notice", "资料已变更。");

            first.byId("idDocument-expiresOn").clear();
            first.type("occupation", "医生");
            first.byId("change-submit").click();
            first.find(By.id("stale"));
            assertThat(first.byId("stale").getText()).contains("其他人已变更了该客户的资料", "本次变更未保存");
            assertThat(first.driver().findElements(By.id("change-submit"))).isEmpty();
            first.screenshot("h07-change-stale");
            first.byId("stale-reload").click();
            first.waitForText("change-version", "2");
            first.type("occupation", "医生");
            first.byId("change-submit").click();
            first.waitForText("notice", "资料已变更。");
        }
        Api.Response now = api.as("teller1").header("X-Access-Purpose", "check").get("/api/v1/customers/" + id + "?reveal=true");
        assertThat(now.json().get("occupation").asString()).isEqualTo("医生");
        assertThat(now.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void anFxRateFileOverTheLimitIsRefusedAtTheFileField(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("date,currency,cnyPerUnit\n");
        while (csv.length() < 1024 * 1024 + 100) {
            csv.append("2026-11-20,USD,7.1000\n");
        }
        Path file = Files.writeString(dir.resolve("rates.csv"), csv, StandardCharsets.UTF_8);
        try (Browser b = Browser.open(port)) {
            b.login("compliance1", PASSWORD);
            b.go("/compliance/fx-rates");
            b.byId("file").sendKeys(file.toAbsolutePath().toString());
            b.byId("fx-import-submit").click();
            b.waitForText("file-error", "文件超过上传上限（1 MB）。");
            assertThat(b.path()).isEqualTo("/compliance/fx-rates");
            assertThat(b.byId("file").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.text()).doesNotContain("Exception", "Tomcat", "7.1000\n2026");
            b.screenshot("h08-fx-upload-too-large");
        }
        assertThat(jdbc.sql("select count(*) from fx_rates").query(Long.class).single()).isZero();
    }

    @Test
    void aDisabledUsersBrowserSessionEndsOnItsNextRequest() {
        try (Browser b = Browser.open(port)) {
            b.login("teller2", PASSWORD);
            b.waitForPath("/");
            b.go("/customers/search");
            assertThat(b.path()).isEqualTo("/customers/search");
            assertThat(api.as("admin1").put("/api/v1/admin/users/teller2/enabled", Map.of("enabled", false)).status())
                    .isEqualTo(200);
            try {
                b.go("/customers/new/individual");
                b.waitForPath("/login");
                assertThat(b.text()).contains("您的账户已被停用或权限已变更，会话已结束。");
                b.screenshot("h09-session-ended");
                b.go("/customers/search");
                b.waitForPath("/login");
            } finally {
                api.as("admin1").put("/api/v1/admin/users/teller2/enabled", Map.of("enabled", true));
            }
        }
    }
}
