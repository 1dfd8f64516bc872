package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web UI over plain HTTP: headers, role menus, permission re-checks, language, CSRF, per-field errors. */
class UiPagesTest extends ApiTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    WebSession as(String user) {
        return new WebSession(port).login(user, Databases.PASSWORD);
    }

    @Test
    void pagesCarryASecurityPolicyWithoutInlineScriptAndRefuseFraming() {
        HttpResponse<String> login = new WebSession(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("HSTS only over TLS").isEmpty();
        assertThat(login.body()).contains("name=\"_csrf\"", "<html lang=\"zh-CN\"", "登录");
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInPage() {
        HttpResponse<String> r = new WebSession(port).get("/customers/search");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void eachRoleSeesOnlyItsOwnMenu() {
        assertThat(as("teller1").get("/").body()).contains("/customers/new/individual", "/customers/search")
                .doesNotContain("href=\"/verification\"");
        assertThat(as("supervisor1").get("/").body()).contains("href=\"/verification\"", "/customers/search")
                .doesNotContain("/customers/new/individual");
        assertThat(as("compliance1").get("/").body()).contains("/customers/search")
                .doesNotContain("/customers/new/").doesNotContain("href=\"/verification\"");
        String auditor = as("auditor1").get("/").body();
        assertThat(auditor).doesNotContain("/customers/").doesNotContain("href=\"/verification\"");
        assertThat(as("admin1").get("/").body()).doesNotContain("/customers/");
    }

    @Test
    void everyActionIsCheckedAgainOnTheServerWithAFriendly403PageThatIsAudited() {
        long before = refusals();
        WebSession auditor = as("auditor1");
        HttpResponse<String> form = auditor.get("/customers/new/individual");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(form.body()).contains("无权访问");

        // A teller posting a verification decision (no menu entry, but a crafted request).
        String id = registerViaApi();
        HttpResponse<String> decide = as("teller2").post("/verification/" + id, Map.of("decision", "APPROVE"));
        assertThat(decide.statusCode()).isEqualTo(403);
        assertThat(decide.body()).contains("无权访问");
        assertThat(refusals()).isGreaterThanOrEqualTo(before + 2);

        // The API keeps answering problem+json.
        Api.Response api403 = api.as("auditor1").get("/api/v1/customers/" + id);
        assertThat(api403.status()).isEqualTo(403);
        assertThat(api403.contentType()).startsWith("application/problem+json");
    }

    @Test
    void englishOnRequestIsRememberedForTheSession() {
        WebSession teller = as("teller1");
        assertThat(teller.get("/customers/search").body()).contains("查询客户");
        assertThat(teller.get("/customers/search?lang=en").body()).contains("Find a customer", "<html lang=\"en\"");
        assertThat(teller.get("/customers/reverification-due").body()).contains("Customers due for re-verification");
        assertThat(teller.get("/?lang=zh-CN").body()).contains("首页");
        assertThat(teller.get("/?lang=fr").body()).as("unsupported languages mean Chinese").contains("首页");
    }

    @Test
    void aFormPostedWithoutAValidCsrfTokenGoesBackToSignInInsteadOfAnApiError() {
        WebSession teller = as("teller1");
        HttpResponse<String> r = teller.post("/customers/search", Map.of("_csrf", "forged", "by", "creditCode",
                "creditCode", Identities.creditCode()));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void theServersValidationErrorsAreShownPerFieldWithoutEchoingTheNumber() {
        WebSession teller = as("teller1");
        teller.get("/customers/new/individual");
        String number = Identities.residentId(true);
        String wrong = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> r = teller.post("/customers/new/individual", Map.of("name", "张小三", "gender", "MALE",
                "nationality", "CHN", "occupation", "工程师", "address", "北京市朝阳区建国路88号", "phone", "+8613800138000",
                "idDocument.type", "RESIDENT_ID_CARD", "idDocument.number", wrong, "idDocument.expiresOn", "2040-01-01"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"idDocument-number-error\" aria-live=\"polite\">校验位不正确。</p>");
        // The field keeps what was typed for correction, but no message repeats it.
        assertThat(r.body().split(wrong, -1)).hasSize(2);
    }

    @Test
    void aCompanysRelatedPartyErrorsAreShownAtTheRowAndFieldTheServerNamed() {
        WebSession teller = as("teller1");
        teller.get("/customers/new/company");
        String code = Identities.creditCode();
        String owner = Identities.residentId(true);
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("name", "北京示例科技有限公司",
                "unifiedSocialCreditCode", code, "registeredAddress", "北京市海淀区中关村大街1号", "businessScope", "软件开发",
                "licence.name", "营业执照", "licence.number", code, "licence.expiresOn", "2045-05-01"));
        party(form, "legalRepresentative", "李四");
        party(form, "controllingShareholder", "赵六");
        party(form, "authorizedAgents[0]", "钱七");
        party(form, "beneficialOwners[0]", "王五");
        // The second owner's number has a wrong check character: only the server sees it (no script here).
        party(form, "beneficialOwners[1]", "孙八");
        form.put("beneficialOwners[1].idDocument.number", owner.substring(0, 17) + (owner.charAt(17) == '0' ? '1' : '0'));
        HttpResponse<String> r = teller.post("/customers/new/company", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"beneficialOwners-1-idDocument-number-error\" aria-live=\"polite\">校验位不正确。</p>")
                .contains("id=\"beneficialOwners-0-idDocument-number-error\" aria-live=\"polite\"></p>");

        // Fixed, it registers and lands on the customer page.
        form.put("beneficialOwners[1].idDocument.number", owner);
        HttpResponse<String> ok = teller.post("/customers/new/company", form);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/customers/[0-9a-f-]{36}");
    }

    private static void party(Map<String, String> form, String prefix, String name) {
        form.put(prefix + ".name", name);
        form.put(prefix + ".idDocument.type", "RESIDENT_ID_CARD");
        form.put(prefix + ".idDocument.number", Identities.residentId(true));
        form.put(prefix + ".idDocument.expiresOn", "2039-06-30");
    }

    @Test
    void findsACustomerByDocumentNumberWithTheNumberPostedNotInTheUrl() {
        String number = Identities.residentId(false);
        Api.Response created = api.as("teller1").post("/api/v1/customers", Identities.individual(number, false));
        assertThat(created.status()).isEqualTo(201);
        WebSession teller = as("teller1");
        teller.get("/customers/search");
        HttpResponse<String> r = teller.post("/customers/search", Map.of("by", "document", "idType", "RESIDENT_ID_CARD",
                "idNumber", number));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/customers/" + created.json().get("id").asString()).doesNotContain(number);
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.kyckeeper.customer.CustomerRegistry registry;

    @Test
    void theVerificationQueueIsForSupervisorsAndHoldsOnlyPendingCustomersOldestFirst() {
        String first = registerViaApi();
        clock.advance(java.time.Duration.ofMinutes(1));
        String second = registerViaApi();
        String verified = registerViaApi();
        assertThat(api.as("supervisor1").post("/api/v1/customers/" + verified + "/verification",
                Map.of("decision", "APPROVE")).status()).isEqualTo(200);

        asUser("teller1", "TELLER");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.pendingVerification(10))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        asUser("supervisor1", "SUPERVISOR");
        try {
            var ids = registry.pendingVerification(1000).stream().map(c -> c.id()).toList();
            assertThat(ids).contains(first, second).doesNotContain(verified);
            assertThat(ids.indexOf(first)).isLessThan(ids.indexOf(second));
            assertThat(registry.pendingVerification(1)).hasSize(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.pendingVerification(0))
                    .isInstanceOf(com.kyckeeper.shared.InvalidInputException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private static void asUser(String name, String role) {
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(name,
                null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role)));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private String registerViaApi() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(true), true));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private long refusals() {
        return jdbc.sql("select count(*) from access_events where outcome = 'REFUSED' and detail = '403'")
                .query(Long.class).single();
    }
}
