package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Browser;
import com.kyckeeper.support.Databases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security administrators in real headless Chromium: one requests a user (a weak password is refused
 * first) and a role change, the other approves each, the new user replaces the initial password; unlocks a user locked by failed sign-ins, changes roles, and starts a key rotation after a
 * confirmation page and follows its status. Screenshots go to target/screenshots.
 */
class AdminBrowserTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Test
    void oneAdministratorRequestsAUserAndARoleChangeTheOtherApprovesAndTheUserReplacesTheInitialPassword() {
        try (Browser b = Browser.open(port)) {
            b.login("admin1", PASSWORD);
            assertThat(b.text()).contains("用户与角色", "密钥轮换").doesNotContain("查询客户");
            b.go("/admin/users");
            WebElement self = b.byId("user-admin1");
            assertThat(self.getText()).contains("本人账户");
            assertThat(self.findElements(By.cssSelector("button.toggle"))).isEmpty();
            b.screenshot("a01-users");

            b.type("new-username", "clerk9").type("new-password", "short1");
            b.byId("new-role-TELLER").click();
            b.byId("user-create-submit").click();
            b.find(By.id("problems"));
            assertThat(b.byId("problems").getText()).contains("初始密码", "至少需要 12 个字符").doesNotContain("short1");
            assertThat(b.byId("new-username").getAttribute("value")).isEqualTo("clerk9");
            assertThat(b.byId("new-password").getAttribute("value")).as("the password is never sent back").isEmpty();
            assertThat(b.byId("new-role-TELLER").isSelected()).isTrue();
            b.screenshot("a02-user-weak-password");

            b.type("new-password", "Counter-Desk-2026");
            b.byId("user-create-submit").click();
            b.waitForText("notice", "已提交，待另一位安全管理员审批： clerk9");
            WebElement own = b.byId("change-clerk9");
            assertThat(own.getText()).contains("创建用户", "本人提交");
            assertThat(own.findElements(By.cssSelector("button.approve"))).as("not for one's own request").isEmpty();
            assertThat(b.driver().findElements(By.id("user-clerk9"))).as("no account before approval").isEmpty();
            b.screenshot("a02b-user-pending");
        }
        try (Browser b = Browser.open(port)) {
            b.login("clerk9", "Counter-Desk-2026");
            assertThat(b.path()).as("a pending account cannot sign in").isEqualTo("/login");
        }
        try (Browser b = Browser.open(port)) {
            b.login("admin2", PASSWORD);
            b.go("/admin/users");
            b.byId("change-clerk9").findElement(By.cssSelector("button.approve")).click();
            b.waitForText("notice", "已批准账户变更： clerk9");
            WebElement row = b.byId("user-clerk9");
            assertThat(row.getText()).contains("已启用");
            assertThat(row.findElement(By.cssSelector("input[value=TELLER]")).isSelected()).isTrue();

            // Roles: teller becomes supervisor, once the other administrator approves.
            row.findElement(By.cssSelector("input[value=TELLER]")).click();
            row.findElement(By.cssSelector("input[value=SUPERVISOR]")).click();
            row.findElement(By.cssSelector("button.roles-submit")).click();
            b.waitForText("notice", "已提交，待另一位安全管理员审批： clerk9");
            assertThat(b.byId("user-clerk9").findElement(By.cssSelector("input[value=TELLER]")).isSelected()).isTrue();
        }
        try (Browser b = Browser.open(port)) {
            b.login("admin1", PASSWORD);
            b.go("/admin/users");
            assertThat(b.byId("change-clerk9").getText()).contains("更改角色", "admin2");
            b.byId("change-clerk9").findElement(By.cssSelector("button.approve")).click();
            b.waitForText("notice", "已批准账户变更： clerk9");
            assertThat(b.byId("user-clerk9").findElement(By.cssSelector("input[value=SUPERVISOR]")).isSelected()).isTrue();
        }
        try (Browser b = Browser.open(port)) {
            b.login("clerk9", "Counter-Desk-2026");
            b.waitForPath("/me/password");
            assertThat(b.byId("password-forced").getText()).contains("首次登录");
            b.go("/verification");
            b.waitForPath("/me/password");
            b.screenshot("a02c-forced-password-change");
            b.type("current-password", "Counter-Desk-2026").type("new-password", "Counter-Desk-2027");
            b.byId("password-submit").click();
            b.waitForPath("/");
            b.waitForText("notice", "密码已修改。");
            assertThat(b.text()).contains("核验队列");
        }
        assertThat(jdbc.sql("select count(*) from access_events where action in ('USER_CREATE','USER_ROLES_CHANGE')"
                + " and detail like 'user clerk9 %'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aUserLockedByFailedSignInsIsUnlockedByTheAdministratorAndCanSignInAgain() {
        try (Browser b = Browser.open(port)) {
            for (int i = 0; i < 5; i++) {
                b.login("teller2", "wrong-password-" + i);
            }
            b.login("teller2", PASSWORD);
            assertThat(b.text()).contains("锁定");
        }
        try (Browser b = Browser.open(port)) {
            b.login("admin1", PASSWORD);
            b.go("/admin/users");
            WebElement row = b.byId("user-teller2");
            assertThat(row.findElement(By.cssSelector(".user-locked")).getText()).startsWith("已锁定至");
            b.screenshot("a03-user-locked");
            row.findElement(By.cssSelector("button.unlock")).click();
            b.waitForText("notice", "已解除锁定： teller2");
            assertThat(b.byId("user-teller2").findElements(By.cssSelector(".user-locked"))).isEmpty();
            b.screenshot("a04-user-unlocked");
        }
        try (Browser b = Browser.open(port)) {
            b.login("teller2", PASSWORD);
            b.waitForPath("/");
            assertThat(b.text()).contains("登记个人客户");
        }
        assertThat(jdbc.sql("select count(*) from access_events where action = 'USER_UNLOCK' and detail = 'user teller2'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorStartsAKeyRotationAfterConfirmingAndSeesItsStatus() {
        try (Browser b = Browser.open(port)) {
            b.login("admin1", PASSWORD);
            b.go("/admin/keys");
            assertThat(b.byId("keys-none").isDisplayed()).isTrue();
            b.byId("rotate-INDEX").click();
            b.waitForPath("/admin/keys/confirm");
            assertThat(b.text()).contains("确认启动密钥轮换", "盲索引");
            b.screenshot("a05-key-rotation-confirm");
            b.byId("rotation-confirm-submit").click();
            b.waitForText("notice", "密钥轮换已启动，在后台分批进行。");
            WebElement row = b.find(By.cssSelector("#rotations tbody tr"));
            assertThat(row.getText()).contains("INDEX", "admin1");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!b.find(By.cssSelector("#rotations tbody tr")).getText().contains("已完成")
                    && Instant.now().isBefore(deadline)) {
                b.go("/admin/keys");
            }
            assertThat(b.find(By.cssSelector("#rotations tbody tr")).getText()).contains("INDEX", "已完成");
            b.screenshot("a06-key-rotation-status");
            // Admin pages never lead to customer data.
            b.go("/customers/search");
            assertThat(b.text()).contains("无权访问");
        }
        assertThat(jdbc.sql("select count(*) from access_events where action = 'KEY_ROTATION_START'").query(Long.class)
                .single()).isEqualTo(1);
    }
}
