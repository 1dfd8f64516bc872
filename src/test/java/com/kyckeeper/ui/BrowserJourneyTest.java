package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Browser;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in real headless Chromium against the whole service: teller registers, supervisor
 * verifies (four eyes), keyboard-only registration, lockout. Screenshots go to target/screenshots.
 */
class BrowserJourneyTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Test
    void tellerRegistersAnIndividualAndAnotherSupervisorVerifiesItFromTheQueue() {
        String idNumber = Identities.residentId(true);
        String customerPath;
        try (Browser b = Browser.open(port)) {
            b.go("/login");
            b.screenshot("01-login");
            b.login("teller1", PASSWORD);
            b.waitForPath("/");
            assertThat(b.text()).contains("登记个人客户", "查询客户").doesNotContain("核验队列");
            b.screenshot("02-home-teller");

            b.go("/customers/new/individual");
            fillIndividual(b, idNumber.substring(0, 17) + wrongCheck(idNumber.charAt(17)));
            b.script("window.__stillHere = true;");
            b.byId("individual-submit").click();
            // Caught in the browser before submitting: same page, message at the field, focus on it.
            assertThat(b.script("return window.__stillHere === true")).isEqualTo(true);
            assertThat(b.byId("idDocument-number-error").getText()).isEqualTo("校验位不正确，请核对证件号码。");
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("idDocument-number");
            b.screenshot("03-individual-check-character-caught");

            b.type("idDocument-number", idNumber);
            b.byId("individual-submit").click();
            b.waitForPath("/customers/[0-9a-f-]{36}");
            customerPath = b.path();
            b.waitForText("customer-status", "待核验");
            assertThat(b.text()).contains("已登记").doesNotContain(idNumber).doesNotContain("张小三");
            b.screenshot("04-customer-registered-masked");

            // The server's own errors come back per field: the same document again is a conflict.
            b.go("/customers/new/individual");
            fillIndividual(b, idNumber);
            b.byId("individual-submit").click();
            b.waitForText("idDocument-number-error", "该证件已属于另一客户。");
            assertThat(b.path()).isEqualTo("/customers/new/individual");
            b.screenshot("05-individual-server-error-per-field");

            b.go(customerPath);
            b.type("purpose", "客户临柜办理业务核对身份");
            b.byId("reveal-submit").click();
            b.waitForPath(".*/reveal");
            assertThat(b.text()).contains("张小三", idNumber, "本次查看及用途已记入访问日志");
            b.screenshot("06-customer-revealed");
            b.byId("logout-submit").click();
            b.waitForPath("/login");
            assertThat(b.text()).contains("您已退出登录");
            b.go(customerPath);
            assertThat(b.path()).as("signed out: back to sign-in").isEqualTo("/login");
        }
        String customerId = customerPath.substring("/customers/".length());
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_REVEAL' and customer_id = ? "
                + "and purpose = ?").params(customerId, "客户临柜办理业务核对身份").query(Long.class).single()).isEqualTo(1);

        try (Browser b = Browser.open(port)) {
            b.login("supervisor1", PASSWORD);
            assertThat(b.text()).contains("核验队列").doesNotContain("登记个人客户");
            b.go("/verification");
            WebElement form = b.find(By.cssSelector("form[action$='/verification/" + customerId + "']"));
            b.screenshot("07-verification-queue");
            form.findElement(By.cssSelector("input[name=note]")).sendKeys("证件原件已核对");
            form.findElement(By.cssSelector("button[value=APPROVE]")).click();
            b.waitForPath(customerPath);
            b.waitForText("customer-status", "已核验");
            assertThat(b.text()).contains("supervisor1");
            b.screenshot("08-customer-verified");

            // English on request, remembered for the session.
            b.go(customerPath + "?lang=en");
            b.waitForText("customer-status", "Verified");
            b.go("/verification");
            assertThat(b.text()).contains("Verification queue");
        }
    }

    @Test
    void everyScreenshotChecksLabelsAndCatchesAnUnlabelledField() {
        try (Browser b = Browser.open(port)) {
            b.go("/login");
            b.screenshot("00-login-labelled");
            b.script("const i = document.createElement('input'); i.name = 'unlabelled'; document.forms[0].appendChild(i);");
            assertThatThrownBy(() -> b.screenshot("00-login-unlabelled"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("[unlabelled]");
        }
    }

    @Test
    void aSupervisorsOwnCompanyRegistrationIsListedButNotActionable() {
        String code = Identities.creditCode();
        try (Browser b = Browser.open(port)) {
            b.login("supervisor1", PASSWORD);
            b.go("/customers/new/company");
            b.type("name", "北京示例科技有限公司").type("unifiedSocialCreditCode", code)
                    .type("registeredAddress", "北京市海淀区中关村大街1号").type("businessScope", "软件开发；技术服务")
                    .type("licence-name", "营业执照").type("licence-number", code).type("licence-expiresOn", "2045-05-01");
            party(b, "legalRepresentative", "李四", null);
            party(b, "controllingShareholder", "赵六", null);
            party(b, "authorizedAgents-0", "钱七", null);
            party(b, "beneficialOwners-0", "王五", "35.00");
            // A second beneficial owner row is added by the form itself (no script needed).
            b.byId("add-owner").click();
            party(b, "beneficialOwners-1", "孙八", "20");
            b.screenshot("09-company-form");
            b.byId("company-submit").click();
            b.waitForPath("/customers/[0-9a-f-]{36}");
            String id = b.path().substring("/customers/".length());
            b.waitForText("customer-status", "待核验");

            b.go("/verification");
            assertThat(b.driver().findElements(By.cssSelector("form[action$='/verification/" + id + "']"))).isEmpty();
            assertThat(b.text()).contains("本人登记，须由其他主管核验");
        }
    }

    @Test
    void theRegistrationFormCanBeFilledAndSubmittedWithTheKeyboardAloneAndEveryFieldHasALabel() {
        String idNumber = Identities.residentId(true);
        try (Browser b = Browser.open(port)) {
            b.login("teller1", PASSWORD);
            for (String page : List.of("/customers/new/individual", "/customers/new/company")) {
                b.go(page);
                List<String> unlabelled = new ArrayList<>();
                for (WebElement e : b.driver().findElements(By.cssSelector("main input:not([type=hidden]), main select, main textarea"))) {
                    String id = e.getAttribute("id");
                    boolean labelled = id != null && !id.isBlank() && b.driver().findElements(
                            By.cssSelector("label[for='" + id + "']")).stream().anyMatch(l -> !l.getText().isBlank());
                    if (!labelled) {
                        unlabelled.add(page + " " + e.getAttribute("name"));
                    }
                }
                assertThat(unlabelled).as("inputs without a visible label").isEmpty();
            }

            b.go("/customers/new/individual");
            Actions keys = new Actions(b.driver());
            int presses = 0;
            while (!"name".equals(active(b)) && presses++ < 40) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(active(b)).as("the first field is reachable with Tab").isEqualTo("name");
            // Each field in reading order: what to type (null: leave empty), and Tab moves to the next.
            Object[][] steps = {
                    {"name", "张小三"}, {"gender", Keys.ARROW_DOWN}, {"nationality", null}, {"occupation", "教师"},
                    {"address", "北京市朝阳区建国路88号"}, {"habitualResidence", null}, {"phone", "+8613800138000"},
                    {"email", null}, {"idDocument-type", null}, {"idDocument-number", idNumber},
                    {"idDocument-issuedOn", "2020-01-01"}, {"idDocument-expiresOn", "2040-01-01"},
                    {"idDocument-longTerm", null}, {"customerSource", null}, {"customerCategory", null},
                    {"industry", null}, {"individual-submit", null}};
            for (Object[] step : steps) {
                assertThat(active(b)).as("focus order").isEqualTo(step[0]);
                if (step[1] instanceof CharSequence text) {
                    keys.sendKeys(text).perform();
                } else if (step[1] instanceof Keys key) {
                    keys.sendKeys(key).perform();
                }
                if (!"individual-submit".equals(step[0])) {
                    keys.sendKeys(Keys.TAB).perform();
                }
            }
            b.screenshot("10-individual-keyboard-filled");
            keys.sendKeys(Keys.ENTER).perform();
            b.waitForPath("/customers/[0-9a-f-]{36}");
            b.waitForText("customer-status", "待核验");
        }
    }

    @Test
    void fiveFailedSignInsLockTheUserForFormLoginAndHttpBasicUntilTheLockExpires() {
        // A successful Basic check first: it is remembered briefly, and the lock must still win over it.
        assertThat(api.as("teller2").get("/api/v1/customers/reverification-due").status()).isEqualTo(200);
        try (Browser b = Browser.open(port)) {
            for (int i = 1; i <= 5; i++) {
                b.login("teller2", "wrong-password-" + i);
                assertThat(b.path()).isEqualTo("/login");
            }
            assertThat(b.text()).contains("该用户已被暂时锁定");
            b.login("teller2", PASSWORD);
            assertThat(b.path()).isEqualTo("/login");
            assertThat(b.text()).contains("该用户已被暂时锁定");
            b.screenshot("11-login-locked");
            assertThat(api.as("teller2").get("/api/v1/customers/reverification-due").status()).isEqualTo(401);
            assertThat(jdbc.sql("select count(*) from access_events where action = 'ACCOUNT_LOCKED' and detail like ?")
                    .param("user teller2%").query(Long.class).single()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(16));
            b.login("teller2", PASSWORD);
            b.waitForPath("/");
            assertThat(api.as("teller2").get("/api/v1/customers/reverification-due").status()).isEqualTo(200);
        }
    }

    @Test
    void searchDueListAndRoleLimitedPagesRenderForTheirRoles() {
        String number = Identities.residentId(false);
        String soon = businessToday().plusDays(10).toString();
        var created = api.as("teller1").post("/api/v1/customers", Identities.individual(number, false, soon));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (Browser b = Browser.open(port)) {
            b.login("teller1", PASSWORD);
            b.go("/customers/search");
            b.type("idNumber", number);
            b.byId("idNumber").submit();
            b.find(By.cssSelector("a[href='/customers/" + id + "']"));
            assertThat(b.text()).doesNotContain(number);
            b.screenshot("12-search-result");

            b.go("/customers/reverification-due?within=30");
            assertThat(b.find(By.cssSelector("a[href='/customers/" + id + "']")).isDisplayed()).isTrue();
            b.screenshot("13-reverification-due");

            b.go("/customers/" + id + "?lang=en");
            b.waitForText("customer-status", "Pending verification");
            b.screenshot("14-customer-english");
        }
        try (Browser b = Browser.open(port)) {
            b.login("auditor1", PASSWORD);
            assertThat(b.text()).contains("访问日志查询", "日志完整性", "数据清除批次").doesNotContain("查询客户");
            b.screenshot("15-home-auditor");
            b.go("/customers/" + id);
            assertThat(b.text()).contains("无权访问").doesNotContain(number);
            b.screenshot("16-denied");
        }
    }

    private static String active(Browser b) {
        return b.driver().switchTo().activeElement().getAttribute("id");
    }

    private static void fillIndividual(Browser b, String idNumber) {
        b.type("name", "张小三");
        new org.openqa.selenium.support.ui.Select(b.byId("gender")).selectByValue("MALE");
        b.type("occupation", "工程师").type("address", "北京市朝阳区建国路88号").type("phone", "+8613800138000")
                .type("idDocument-number", idNumber).type("idDocument-issuedOn", "2020-01-01")
                .type("idDocument-expiresOn", "2040-01-01");
    }

    private static void party(Browser b, String prefix, String name, String share) {
        b.type(prefix + "-name", name).type(prefix + "-idDocument-number", Identities.residentId(true))
                .type(prefix + "-idDocument-expiresOn", "2039-06-30");
        if (share != null) {
            b.type(prefix + "-ownershipPercent", share);
        }
    }

    private static char wrongCheck(char right) {
        return right == '0' ? '1' : '0';
    }
}
