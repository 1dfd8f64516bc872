package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Over HTTP with cookies (no browser): every page of archive access, compliance and security
 * administration opens for its roles only, other roles get the audited 403 page (also for crafted
 * posts), administrators cannot lock themselves out, and the admin REST endpoints behave.
 */
class CompliancePagesAccessTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;
    static final List<String> USERS = List.of("teller1", "supervisor1", "compliance1", "auditor1", "admin1");

    /** Each new page and the roles that may open it. */
    static final Map<String, Set<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/archive-access", Set.of("teller1", "supervisor1"));
        PAGES.put("/compliance", Set.of("compliance1"));
        PAGES.put("/compliance/archive-access", Set.of("compliance1"));
        PAGES.put("/compliance/legal-holds", Set.of("compliance1"));
        PAGES.put("/compliance/retention-report", Set.of("compliance1"));
        PAGES.put("/compliance/retention-report/download?asOf=2026-01-01&format=csv", Set.of("compliance1"));
        PAGES.put("/compliance/fx-rates", Set.of("compliance1"));
        PAGES.put("/purge-runs", Set.of("compliance1", "auditor1"));
        PAGES.put("/purge-runs/confirm", Set.of("compliance1"));
        PAGES.put("/admin/users", Set.of("admin1"));
        PAGES.put("/admin/keys", Set.of("admin1"));
        PAGES.put("/admin/keys/confirm?kind=DEK", Set.of("admin1"));
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private WebSession as(String user) {
        return new WebSession(port).login(user, PASSWORD);
    }

    @Test
    void everyNewPageOpensForItsRolesAndOtherRolesGetTheAudited403Page() {
        long before = refusals();
        int denied = 0;
        for (String user : USERS) {
            WebSession s = as(user);
            for (var page : PAGES.entrySet()) {
                HttpResponse<String> r = s.get(page.getKey());
                if (page.getValue().contains(user)) {
                    assertThat(r.statusCode()).as(user + " " + page.getKey()).isEqualTo(200);
                } else {
                    assertThat(r.statusCode()).as(user + " " + page.getKey()).isEqualTo(403);
                    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
                    assertThat(r.body()).contains("无权访问");
                    denied++;
                }
            }
        }
        assertThat(denied).isGreaterThan(40);
        assertThat(refusals()).isGreaterThanOrEqualTo(before + denied);
    }

    @Test
    void craftedPostsFromOtherRolesAreRefusedWithThe403PageAndChangeNothing() {
        long holds = count("legal_holds");
        long runs = count("purge_runs");
        long users = count("app_users");
        assertThat(as("teller1").post("/compliance/legal-holds", Map.of("customerId", "00000000-0000-0000-0000-000000000000",
                "reason", "x", "caseReference", "y")).statusCode()).isEqualTo(403);
        assertThat(as("auditor1").post("/purge-runs", Map.of("dryRun", "true")).statusCode()).isEqualTo(403);
        assertThat(as("admin1").post("/purge-runs", Map.of("dryRun", "true")).statusCode()).isEqualTo(403);
        assertThat(as("compliance1").post("/admin/users", Map.of("username", "mallory", "password", "Str0ng-enough-pw",
                "roles", "COMPLIANCE")).statusCode()).isEqualTo(403);
        assertThat(as("compliance1").post("/admin/users/teller1/unlock", Map.of()).statusCode()).isEqualTo(403);
        assertThat(as("teller1").post("/compliance/fx-rates", Map.of("date", "2026-11-20", "currency", "USD",
                "rate", "7.1")).statusCode()).isEqualTo(403);
        assertThat(as("compliance1").post("/archive-access", Map.of("customerId", "00000000-0000-0000-0000-000000000000",
                "purpose", "x")).statusCode()).isEqualTo(403);
        assertThat(as("auditor1").post("/admin/keys/rotations", Map.of("kind", "DEK", "confirm", "yes")).statusCode())
                .isEqualTo(403);
        assertThat(count("legal_holds")).isEqualTo(holds);
        assertThat(count("purge_runs")).isEqualTo(runs);
        assertThat(count("app_users")).isEqualTo(users);
        assertThat(count("key_rotations")).isZero();
    }

    @Test
    void anAdministratorCannotDisableThemselvesNorChangeTheirOwnRolesInThePageOrTheApi() {
        WebSession admin = as("admin1");
        String page = admin.get("/admin/users").body();
        assertThat(page).doesNotContain("/admin/users/admin1/enabled").doesNotContain("/admin/users/admin1/roles")
                .contains("/admin/users/teller1/enabled");
        assertThat(admin.post("/admin/users/admin1/enabled", Map.of("enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/admin1/roles", Map.of("roles", "TELLER")).statusCode()).isEqualTo(403);
        assertThat(api.as("admin1").put("/api/v1/admin/users/admin1/enabled", Map.of("enabled", false)).status())
                .isEqualTo(403);
        assertThat(api.as("admin1").put("/api/v1/admin/users/admin1/roles", Map.of("roles", List.of("TELLER"))).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select enabled from app_users where username = 'admin1'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select authority from app_user_roles where username = 'admin1'").query(String.class).list())
                .containsExactly("ROLE_SECURITY_ADMIN");
    }

    @Test
    void theAdminUsersApiCreatesChangesDisablesAndUnlocksUsersAndNamesTheWeakPasswordRuleWithoutEchoingIt() {
        Api.Response weak = api.as("admin1").post("/api/v1/admin/users",
                Map.of("username", "clerk7", "password", "clerk7clerk7", "roles", List.of("TELLER")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.body()).contains("\"password\"", "must not contain the user name").doesNotContain("clerk7clerk7");

        Api.Response created = api.as("admin1").post("/api/v1/admin/users",
                Map.of("username", "clerk7", "password", "Counter-Desk-2026", "roles", List.of("TELLER")));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String change = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/admin/user-changes/" + change);
        assertThat(created.body()).doesNotContain("Counter-Desk-2026").doesNotContain("password");
        assertThat(api.as("admin2").post("/api/v1/admin/user-changes/" + change + "/decision",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(api.as("clerk7").password("Counter-Desk-2026").put("/api/v1/me/password",
                Map.of("current", "Counter-Desk-2026", "new", "Counter-Desk-2027")).status()).isEqualTo(204);
        assertThat(api.as("clerk7").password("Counter-Desk-2027").get("/api/v1/customers/reverification-due").status())
                .isNotIn(401, 403);
        assertThat(api.as("admin1").post("/api/v1/admin/users",
                Map.of("username", "clerk7", "password", "Counter-Desk-2026", "roles", List.of("TELLER"))).status())
                .isEqualTo(409);

        Api.Response roles = api.as("admin1").put("/api/v1/admin/users/clerk7/roles", Map.of("roles", List.of("AUDITOR")));
        assertThat(roles.status()).isEqualTo(202);
        assertThat(roles.json().get("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(api.as("admin2").post("/api/v1/admin/user-changes/" + roles.json().get("id").asString() + "/decision",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(api.as("clerk7").password("Counter-Desk-2027").get("/api/v1/audit/integrity").status()).isEqualTo(200);

        assertThat(api.as("admin1").put("/api/v1/admin/users/clerk7/enabled", Map.of("enabled", false)).json()
                .get("enabled").asBoolean()).isFalse();
        assertThat(api.as("clerk7").password("Counter-Desk-2027").get("/api/v1/audit/integrity").status()).isEqualTo(401);

        assertThat(api.as("teller1").get("/api/v1/admin/users").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from access_events where action in ('USER_CREATE','USER_ROLES_CHANGE',"
                + "'USER_DISABLE') and detail like '%clerk7%'").query(Long.class).single()).isEqualTo(3);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long refusals() {
        return jdbc.sql("select count(*) from access_events where outcome = 'REFUSED' and detail = '403'")
                .query(Long.class).single();
    }
}
