package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The users page shows a pending change to the other administrator only with approve/reject; its requester
 * cannot decide it through the page either; a new account is sent to the change-password page until it has
 * replaced its initial password; everyone can change their own password.
 */
class UserChangePagesTest extends ApiTestBase {

    static final String INITIAL = "Counter-Desk-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private WebSession as(String user, String password) {
        return new WebSession(port).login(user, password);
    }

    private String changeId(String username) {
        return jdbc.sql("select id from user_changes where username = ? and status = 'PENDING_APPROVAL'")
                .param(username).query(String.class).single();
    }

    @Test
    void thePendingChangeIsDecidedOnlyByTheOtherAdministratorThroughThePage() {
        WebSession admin1 = as("admin1", Databases.PASSWORD);
        admin1.get("/admin/users");
        HttpResponse<String> created = admin1.post("/admin/users",
                Map.of("username", "page-clerk", "password", INITIAL, "roles", "TELLER"));
        assertThat(created.statusCode()).isEqualTo(302);
        String id = changeId("page-clerk");
        String own = admin1.get("/admin/users").body();
        assertThat(own).contains("change-page-clerk", "本人提交").doesNotContain("/admin/user-changes/" + id + "/decision");
        assertThat(admin1.post("/admin/user-changes/" + id + "/decision", Map.of("decision", "APPROVE")).statusCode())
                .as("crafted post of one's own approval: the audited 403").isEqualTo(403);
        assertThat(changeId("page-clerk")).isEqualTo(id);

        WebSession admin2 = as("admin2", Databases.PASSWORD);
        assertThat(admin2.get("/admin/users").body()).contains("/admin/user-changes/" + id + "/decision");
        HttpResponse<String> approved = admin2.post("/admin/user-changes/" + id + "/decision", Map.of("decision", "APPROVE"));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(admin2.get("/admin/users").body()).contains("已批准账户变更", "user-page-clerk");
    }

    @Test
    void aNewAccountIsSentToTheChangePasswordPageUntilItHasReplacedItsInitialPassword() {
        assertThat(api.as("admin1").post("/api/v1/admin/users",
                Map.of("username", "page-new", "password", INITIAL, "roles", List.of("TELLER"))).status()).isEqualTo(202);
        assertThat(api.as("admin2").post("/api/v1/admin/user-changes/" + changeId("page-new") + "/decision",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);

        WebSession clerk = new WebSession(port);
        clerk.get("/login");
        HttpResponse<String> signedIn = clerk.post("/login", Map.of("username", "page-new", "password", INITIAL));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        for (String page : List.of("/", "/customers/search", "/customers/new/individual")) {
            HttpResponse<String> r = clerk.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/me/password");
        }
        HttpResponse<String> form = clerk.get("/me/password");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("password-forced");

        HttpResponse<String> wrong = clerk.post("/me/password", Map.of("current", "Wrong-Password-1", "new", "Counter-Desk-2027"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/me/password");
        String page = clerk.get("/me/password").body();
        assertThat(page).contains("当前密码").doesNotContain("Wrong-Password-1", "Counter-Desk-2027");

        HttpResponse<String> changed = clerk.post("/me/password", Map.of("current", INITIAL, "new", "Counter-Desk-2027"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).doesNotEndWith("/me/password");
        assertThat(clerk.get("/customers/search").statusCode()).isEqualTo(200);
        assertThat(clerk.get("/").body()).contains("密码已修改");
    }

    @Test
    void everySignedInUserFindsTheSelfServiceChangePasswordPage() {
        for (String user : List.of("teller1", "auditor1", "admin1", "manager1")) {
            WebSession s = as(user, Databases.PASSWORD);
            assertThat(s.get("/").body()).as(user).contains("href=\"/me/password\"");
            HttpResponse<String> form = s.get("/me/password");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("password-form").doesNotContain("password-forced");
        }
    }
}
