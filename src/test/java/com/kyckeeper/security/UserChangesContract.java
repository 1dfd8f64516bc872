package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * api.md "Users and separation of duties" against H2 and PostgreSQL (subclasses): forbidden role combinations,
 * a second administrator for every account creation and role change, the forced change of an initial password.
 */
abstract class UserChangesContract extends ApiTestBase {

    static final String USERS = "/api/v1/admin/users";
    static final String CHANGES = "/api/v1/admin/user-changes";
    static final String PASSWORD = "Counter-Desk-2026";
    static final String PROBE = "/api/v1/customers/reverification-due";
    static final String CHANGE_REQUIRED = "urn:kyc-keeper:problem:password-change-required";

    private String requestUser(String name, String... roles) {
        Api.Response r = api.as("admin1").post(USERS, Map.of("username", name, "password", PASSWORD, "roles", List.of(roles)));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    private Api.Response decide(String admin, String change, String decision) {
        return api.as(admin).post(CHANGES + "/" + change + "/decision", Map.of("decision", decision));
    }

    /** An approved account that has already replaced its initial password with {@code password}. */
    private void activeUser(String name, String password, String... roles) {
        assertThat(decide("admin2", requestUser(name, roles), "APPROVE").status()).isEqualTo(200);
        assertThat(api.as(name).password(PASSWORD).put("/api/v1/me/password",
                Map.of("current", PASSWORD, "new", password)).status()).isEqualTo(204);
    }

    private long changeRows() {
        return jdbc.sql("select count(*) from user_changes").query(Long.class).single();
    }

    @Test
    void refusesForbiddenRoleCombinationsNamingRoles() {
        long before = changeRows();
        for (List<String> roles : List.of(List.of("COMPLIANCE", "AUDITOR"), List.of("COMPLIANCE", "AUDITOR", "SECURITY_ADMIN"),
                List.of("SECURITY_ADMIN", "TELLER"), List.of("AUDITOR", "SENIOR_MANAGER"), List.of("COMPLIANCE", "TELLER"))) {
            Api.Response r = api.as("admin1").post(USERS, Map.of("username", "mallory", "password", PASSWORD, "roles", roles));
            assertThat(r.status()).as(roles.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
            assertThat(r.body()).doesNotContain(PASSWORD);
        }
        Api.Response change = api.as("admin1").put(USERS + "/teller1/roles", Map.of("roles", List.of("TELLER", "AUDITOR")));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
        assertThat(changeRows()).isEqualTo(before);
        assertThat(api.as("mallory").password(PASSWORD).get(PROBE).status()).isEqualTo(401);
    }

    @Test
    void aNewAccountCannotSignInUntilADifferentAdministratorApprovesIt() {
        Api.Response requested = api.as("admin1").post(USERS,
                Map.of("username", "clerk21", "password", PASSWORD, "roles", List.of("TELLER")));
        assertThat(requested.status()).isEqualTo(202);
        JsonNode body = requested.json();
        assertThat(body.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(body.get("username").asString()).isEqualTo("clerk21");
        assertThat(body.get("roles").toString()).isEqualTo("[\"TELLER\"]");
        assertThat(requested.body()).doesNotContain(PASSWORD).doesNotContain("password");
        String change = body.get("id").asString();

        assertThat(api.as("clerk21").password(PASSWORD).get(PROBE).status()).as("pending: cannot sign in").isEqualTo(401);
        assertThat(api.as("admin1").get(USERS + "/clerk21").status()).isEqualTo(404);
        Api.Response own = decide("admin1", change, "APPROVE");
        assertThat(own.status()).as("nobody approves their own request").isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(api.as("clerk21").password(PASSWORD).get(PROBE).status()).isEqualTo(401);
        assertThat(api.as("admin1").post(USERS, Map.of("username", "clerk21", "password", PASSWORD,
                "roles", List.of("TELLER"))).status()).as("one pending request per name").isEqualTo(409);

        Api.Response pending = api.as("admin2").get(CHANGES);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body()).contains(change).doesNotContain(PASSWORD);
        Api.Response approved = decide("admin2", change, "APPROVE");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("admin2");
        assertThat(decide("admin2", change, "REJECT").status()).as("decided once").isEqualTo(409);
        assertThat(jdbc.sql("select password_hash from user_changes where id = ?").param(change).query(String.class)
                .optional()).as("the waiting hash is gone once decided").isEmpty();
        assertThat(jdbc.sql("select count(*) from access_events where action = 'USER_CREATE' and actor = 'admin2'"
                + " and detail like 'user clerk21 %'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApprovedAccountMustChangeItsInitialPasswordBeforeAnythingElse() {
        assertThat(decide("admin2", requestUser("clerk22", "TELLER"), "APPROVE").status()).isEqualTo(200);
        Api.Call clerk = api.as("clerk22").password(PASSWORD);
        for (String path : List.of(PROBE, "/api/v1/customers?creditCode=91350100M000100Y43")) {
            Api.Response r = clerk.get(path);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).isEqualTo(CHANGE_REQUIRED);
        }
        Api.Response wrong = clerk.put("/api/v1/me/password", Map.of("current", "Not-The-Password-1", "new", "Another-Desk-2027"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("current");
        assertThat(wrong.body()).doesNotContain("Not-The-Password-1").doesNotContain("Another-Desk-2027");
        Api.Response weak = clerk.put("/api/v1/me/password", Map.of("current", PASSWORD, "new", "short"));
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("new");
        String tooManyBytes = "密码".repeat(13) + "Aa1!";
        Api.Response longOne = clerk.put("/api/v1/me/password", Map.of("current", PASSWORD, "new", tooManyBytes));
        assertThat(longOne.status()).as("over 72 bytes: a field error, not bcrypt's 500").isEqualTo(400);
        assertThat(longOne.body()).contains("72 bytes").doesNotContain(tooManyBytes);
        assertThat(clerk.put("/api/v1/me/password", Map.of("current", PASSWORD, "new", PASSWORD)).status()).isEqualTo(400);

        assertThat(clerk.put("/api/v1/me/password", Map.of("current", PASSWORD, "new", "Another-Desk-2027")).status())
                .isEqualTo(204);
        assertThat(clerk.get(PROBE).status()).as("the old password is gone at once").isEqualTo(401);
        assertThat(api.as("clerk22").password("Another-Desk-2027").get(PROBE).status()).isEqualTo(200);
    }

    @Test
    void aTellerAndASupervisorCreatedByOneAdministratorEachNeedTheSecond() {
        String teller = requestUser("pair-teller", "TELLER");
        String supervisor = requestUser("pair-super", "SUPERVISOR");
        assertThat(decide("admin1", teller, "APPROVE").status()).isEqualTo(403);
        assertThat(decide("admin1", supervisor, "APPROVE").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from app_users where username like 'pair-%'").query(Long.class).single()).isZero();
        assertThat(decide("admin2", teller, "APPROVE").status()).isEqualTo(200);
        assertThat(decide("admin2", supervisor, "REJECT").json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.as("pair-super").password(PASSWORD).get(PROBE).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from app_users where username like 'pair-%'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRoleChangeTakesEffectOnlyOnApprovalAndNeverByTheRequesterOrTheAccountChanged() {
        activeUser("clerk23", "Another-Desk-2027", "TELLER");
        Api.Response requested = api.as("admin1").put(USERS + "/clerk23/roles", Map.of("roles", List.of("SUPERVISOR")));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(api.as("admin1").get(USERS + "/clerk23").json().get("roles").toString()).isEqualTo("[\"TELLER\"]");
        assertThat(decide("admin1", requested.json().get("id").asString(), "APPROVE").status()).isEqualTo(403);
        assertThat(decide("admin2", requested.json().get("id").asString(), "APPROVE").status()).isEqualTo(200);
        assertThat(api.as("admin1").get(USERS + "/clerk23").json().get("roles").toString()).isEqualTo("[\"SUPERVISOR\"]");
        assertThat(api.as("clerk23").password("Another-Desk-2027").post("/api/v1/customers/"
                + java.util.UUID.randomUUID() + "/verification", Map.of("decision", "APPROVE")).status())
                .as("a supervisor now: the unknown customer is 404, not the teller's 403").isEqualTo(404);

        // admin1 asks for admin2's role change: admin2 may not decide a change to their own account either.
        Api.Response forAdmin2 = api.as("admin1").put(USERS + "/admin2/roles", Map.of("roles", List.of("SECURITY_ADMIN")));
        assertThat(forAdmin2.status()).isEqualTo(202);
        assertThat(decide("admin2", forAdmin2.json().get("id").asString(), "APPROVE").status()).isEqualTo(403);
        assertThat(api.as("admin2").put(USERS + "/admin2/roles", Map.of("roles", List.of("AUDITOR"))).status())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorAccountTheRequesterHadCreatedCannotApproveTheRequestersChanges() {
        // admin1 knows admin3's initial password: admin3 may be admin1's second account.
        activeUser("admin3", "Another-Desk-2027", "SECURITY_ADMIN");
        String change = requestUser("clerk25", "TELLER");
        Api.Response second = api.as("admin3").password("Another-Desk-2027").post(CHANGES + "/" + change + "/decision",
                Map.of("decision", "APPROVE"));
        assertThat(second.status()).isEqualTo(403);
        assertThat(api.as("clerk25").password(PASSWORD).get(PROBE).status()).isEqualTo(401);
        assertThat(decide("admin2", change, "APPROVE").status()).isEqualTo(200);
    }

    @Test
    void decisionsCheckTheirInput() {
        String change = requestUser("clerk24", "TELLER");
        Api.Response noDecision = api.as("admin2").post(CHANGES + "/" + change + "/decision", Map.of());
        assertThat(noDecision.status()).isEqualTo(400);
        assertThat(noDecision.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
        assertThat(decide("admin2", "not-a-uuid", "APPROVE").status()).isEqualTo(404);
        assertThat(decide("admin2", "00000000-0000-0000-0000-000000000000", "APPROVE").status()).isEqualTo(404);
        assertThat(api.as("admin2").get(CHANGES + "?status=ANY").status()).isEqualTo(400);
        assertThat(decide("teller1", change, "APPROVE").status()).isEqualTo(403);
        assertThat(api.as("compliance1").get(CHANGES).status()).isEqualTo(403);
        assertThat(api.as("admin2").get(CHANGES + "?status=PENDING_APPROVAL").body()).contains(change);
    }

    @Test
    void demoUsersArePreApprovedWithoutAForcedChangeIncludingTheSecondAdministratorAndTheSeniorManager() {
        assertThat(api.as("admin2").get(USERS).status()).isEqualTo(200);
        Api.Response manager = api.as("manager1").get(PROBE);
        assertThat(manager.status()).as("signs in; no permissions yet").isEqualTo(403);
        assertThat(manager.body()).doesNotContain(CHANGE_REQUIRED);
        assertThat(api.as("admin1").get(USERS + "/manager1").json().get("roles").toString())
                .isEqualTo("[\"SENIOR_MANAGER\"]");
    }
}
