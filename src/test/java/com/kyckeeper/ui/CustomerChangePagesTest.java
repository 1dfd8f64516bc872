package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Over HTTP with cookies (no browser): the change-of-details and history pages open for their roles only
 * (others get the audited 403 page, crafted posts change nothing), a stale version is a clear conflict,
 * server errors come back per field without the value, a document renewal sends the customer back to
 * verification, a disabled user's session ends on its next request, and an oversized upload is a field error.
 */
class CustomerChangePagesTest extends ApiTestBase {

    static final String PASSWORD = Databases.PASSWORD;
    static final List<String> USERS = List.of("teller1", "supervisor1", "compliance1", "auditor1", "admin1");
    static final Pattern VERSION_FIELD = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private WebSession as(String user) {
        return new WebSession(port).login(user, PASSWORD);
    }

    private String registerIndividual() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private JsonNode revealed(String id) {
        return api.as("teller1").header("X-Access-Purpose", "test check").get("/api/v1/customers/" + id + "?reveal=true")
                .json();
    }

    private static String versionOnPage(HttpResponse<String> page) {
        Matcher m = VERSION_FIELD.matcher(page.body());
        assertThat(m.find()).as("the form carries the version").isTrue();
        return m.group(1);
    }

    private long refusals() {
        return jdbc.sql("select count(*) from access_events where outcome = 'REFUSED'").query(Long.class).single();
    }

    @Test
    void changeAndHistoryPagesOpenForTheirRolesOnlyAndCraftedChangesAreRefused() {
        String id = registerIndividual();
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        pages.put("/customers/" + id + "/change", Set.of("teller1", "supervisor1"));
        pages.put("/customers/" + id + "/history", Set.of("teller1", "supervisor1", "compliance1"));
        long before = refusals();
        int denied = 0;
        for (String user : USERS) {
            WebSession s = as(user);
            for (var page : pages.entrySet()) {
                HttpResponse<String> r = s.get(page.getKey());
                if (page.getValue().contains(user)) {
                    assertThat(r.statusCode()).as(user + " " + page.getKey()).isEqualTo(200);
                } else {
                    assertThat(r.statusCode()).as(user + " " + page.getKey()).isEqualTo(403);
                    assertThat(r.body()).contains("无权访问").doesNotContain("张");
                    denied++;
                }
            }
            if (!Set.of("teller1", "supervisor1").contains(user)) {
                HttpResponse<String> crafted = s.post("/customers/" + id + "/change",
                        Map.of("version", "1", "address", "上海市浦东新区世纪大道1号"));
                assertThat(crafted.statusCode()).as(user + " crafted change").isEqualTo(403);
                denied++;
            }
        }
        assertThat(refusals() - before).as("every refusal is audited").isEqualTo(denied);
        assertThat(revealed(id).get("address").asString()).isEqualTo("北京市朝阳区建国路88号");
        assertThat(revealed(id).get("version").asLong()).isEqualTo(1);
        // The customer page links to both for a teller; compliance sees the history link only.
        assertThat(as("teller1").get("/customers/" + id).body())
                .contains("/customers/" + id + "/change", "/customers/" + id + "/history");
        assertThat(as("compliance1").get("/customers/" + id).body())
                .contains("/customers/" + id + "/history").doesNotContain("/customers/" + id + "/change");
    }

    @Test
    void aTellerChangesContactDetailsAndTheHistoryShowsWhoChangedWhichFieldsMaskedOnly() {
        String id = registerIndividual();
        WebSession teller = as("teller2");
        HttpResponse<String> form = teller.get("/customers/" + id + "/change");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("张*", "+86138****8000").doesNotContain("张小三", "13800138000", "建国路");
        HttpResponse<String> saved = teller.post("/customers/" + id + "/change", Map.of("version", versionOnPage(form),
                "address", "上海市浦东新区世纪大道100号", "phone", "+8613912345678", "occupation", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/customers/" + id);
        assertThat(teller.get("/customers/" + id).body()).contains("资料已变更。", "+86139****5678");

        JsonNode now = revealed(id);
        assertThat(now.get("address").asString()).isEqualTo("上海市浦东新区世纪大道100号");
        assertThat(now.get("phone").asString()).isEqualTo("+8613912345678");
        assertThat(now.get("occupation").asString()).as("blank keeps the value").isEqualTo("工程师");
        assertThat(now.get("status").asString()).as("contact details need no re-verification")
                .isEqualTo("PENDING_VERIFICATION");

        HttpResponse<String> history = as("compliance1").get("/customers/" + id + "/history");
        assertThat(history.statusCode()).isEqualTo(200);
        String page = history.body();
        assertThat(page).contains("version-2", "version-1", "teller2", "teller1", "资料变更", "登记", "地址", "联系电话",
                "+86139****5678", "+86138****8000");
        assertThat(page).doesNotContain("世纪大道", "建国路", "13912345678", "13800138000", "张小三");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_HISTORY' and customer_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsAClearConflictAndNothingIsSaved() {
        String id = registerIndividual();
        WebSession first = as("teller1");
        WebSession second = as("teller2");
        HttpResponse<String> firstForm = first.get("/customers/" + id + "/change");
        HttpResponse<String> secondForm = second.get("/customers/" + id + "/change");
        assertThat(second.post("/customers/" + id + "/change", Map.of("version", versionOnPage(secondForm),
                "occupation", "教师")).statusCode()).isEqualTo(302);

        HttpResponse<String> stale = first.post("/customers/" + id + "/change", Map.of("version", versionOnPage(firstForm),
                "occupation", "医生"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"stale\"", "其他人已变更了该客户的资料", "重新加载最新版本")
                .as("the outdated form is not offered again").doesNotContain("医生", "change-submit");
        assertThat(revealed(id).get("occupation").asString()).isEqualTo("教师");
        assertThat(revealed(id).get("version").asLong()).isEqualTo(2);
        // Reloading gives the current version, with which the change goes through.
        HttpResponse<String> reloaded = first.get("/customers/" + id + "/change");
        assertThat(versionOnPage(reloaded)).isEqualTo("2");
        assertThat(first.post("/customers/" + id + "/change", Map.of("version", "2", "occupation", "医生")).statusCode())
                .isEqualTo(302);
        assertThat(revealed(id).get("occupation").asString()).isEqualTo("医生");
    }

    @Test
    void serverErrorsAppearAtTheirFieldsWithoutTheRejectedValue() {
        String id = registerIndividual();
        WebSession teller = as("teller1");
        HttpResponse<String> form = teller.get("/customers/" + id + "/change");
        HttpResponse<String> bad = teller.post("/customers/" + id + "/change", Map.of("version", versionOnPage(form),
                "phone", "13x99-777", "email", "no-at-sign.example", "address", "上海市黄浦区中山东一路1号"));
        assertThat(bad.statusCode()).isEqualTo(400);
        String body = bad.body();
        assertThat(errorOf(body, "phone")).isEqualTo("电话只能是数字，可以以 + 开头。");
        assertThat(errorOf(body, "email")).isEqualTo("请输入有效的电子邮箱。");
        assertThat(errorOf(body, "address")).as("a good field has no error").isEmpty();
        // Messages never carry the value.
        for (String field : List.of("phone", "email")) {
            assertThat(errorOf(body, field)).doesNotContain("13x99", "no-at-sign");
        }
        assertThat(revealed(id).get("version").asLong()).as("nothing saved, not even the good field").isEqualTo(1);

        HttpResponse<String> badDate = teller.post("/customers/" + id + "/change", Map.of("version", "1",
                "idDocument.issuedOn", "31.12.2020"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(errorOf(badDate.body(), "idDocument-issuedOn")).isEqualTo("请输入有效日期，格式：年-月-日。");

        HttpResponse<String> expired = teller.post("/customers/" + id + "/change", Map.of("version", "1",
                "idDocument.expiresOn", "2001-02-03"));
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(errorOf(expired.body(), "idDocument-expiresOn")).isEqualTo("证件已过期。");
        assertThat(revealed(id).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRenewedDocumentSendsAVerifiedCustomerBackToVerificationAndThePageSaysSo() {
        String id = registerIndividual();
        assertThat(api.as("supervisor1").post("/api/v1/customers/" + id + "/verification", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(200);
        WebSession teller = as("teller2");
        HttpResponse<String> form = teller.get("/customers/" + id + "/change");
        assertThat(form.body()).contains("已核验");
        HttpResponse<String> saved = teller.post("/customers/" + id + "/change", Map.of("version", versionOnPage(form),
                "idDocument.issuedOn", "2026-01-05", "idDocument.expiresOn", "2046-01-05"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String page = teller.get("/customers/" + id).body();
        assertThat(page).contains("身份信息有变化，客户已退回待核验", "id=\"customer-status\"", "待核验", "2046-01-05");
        JsonNode now = revealed(id);
        assertThat(now.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(now.get("idDocument").get("expiresOn").asString()).isEqualTo("2046-01-05");
        String history = teller.get("/customers/" + id + "/history").body();
        assertThat(history).contains("身份信息变更（须重新核验）", "证件签发日期", "证件有效期", "核验通过");
    }

    @Test
    void aDisabledUsersSessionIsRefusedOnItsNextRequest() {
        WebSession teller = as("teller2");
        assertThat(teller.get("/customers/search").statusCode()).isEqualTo(200);
        WebSession admin = as("admin1");
        admin.get("/admin/users");
        HttpResponse<String> disabled = admin.post("/admin/users/teller2/enabled", Map.of("enabled", "false"));
        assertThat(disabled.statusCode()).isEqualTo(302);

        HttpResponse<String> next = teller.get("/customers/search");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(teller.get("/login?ended").body()).contains("您的账户已被停用或权限已变更，会话已结束。");
        // The session is gone: even a re-enabled account needs a new sign-in.
        admin.get("/admin/users");
        admin.post("/admin/users/teller2/enabled", Map.of("enabled", "true"));
        HttpResponse<String> after = teller.get("/customers/search");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'SESSION_ENDED' and actor = 'teller2'"
                + " and detail = 'user disabled'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherNodeDisablingTheUserEndsTheSessionWithinTheCheckInterval() {
        // Another node writes the database only: this node's cached state may be used for at most max-age (5 s).
        WebSession teller = as("teller1");
        assertThat(teller.get("/customers/search").statusCode()).isEqualTo(200);
        Api.Call basic = api.as("teller1");
        assertThat(basic.get("/api/v1/customers/reverification-due").status()).isEqualTo(200);
        jdbc.sql("update app_users set enabled = false where username = 'teller1'").update();
        try {
            clock.advance(Duration.ofSeconds(6));
            HttpResponse<String> next = teller.get("/customers/search");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
            Api.Response apiCall = basic.get("/api/v1/customers/reverification-due");
            assertThat(apiCall.status()).as("API calls too, despite the 2-minute cache of Basic checks").isEqualTo(401);
            assertThat(apiCall.contentType()).startsWith("application/problem+json");
        } finally {
            jdbc.sql("update app_users set enabled = true where username = 'teller1'").update();
        }
    }

    @Test
    void changedRolesEndTheSessionToo() {
        WebSession teller = as("teller2");
        assertThat(teller.get("/customers/new/individual").statusCode()).isEqualTo(200);
        Api.Response requested = api.as("admin1").put("/api/v1/admin/users/teller2/roles",
                Map.of("roles", List.of("AUDITOR")));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(teller.get("/customers/new/individual").statusCode()).as("pending: nothing changes yet").isEqualTo(200);
        assertThat(approve(requested)).isEqualTo(200);
        try {
            HttpResponse<String> next = teller.get("/customers/new/individual");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        } finally {
            approve(api.as("admin1").put("/api/v1/admin/users/teller2/roles", Map.of("roles", List.of("TELLER"))));
        }
    }

    private int approve(Api.Response requested) {
        return api.as("admin2").post("/api/v1/admin/user-changes/" + requested.json().get("id").asString() + "/decision",
                Map.of("decision", "APPROVE")).status();
    }

    @Test
    void anFxRateFileOverOneMegabyteIsAFieldErrorOnThePageAndAProblemOnTheApi() {
        byte[] big = csvOfAtLeast(1024 * 1024 + 10);
        WebSession compliance = as("compliance1");
        compliance.get("/compliance/fx-rates");
        HttpResponse<String> r = compliance.upload("/compliance/fx-rates/import", "/compliance/fx-rates", "file", "rates.csv", big);
        String page = r.statusCode() == 303 ? compliance.get(r.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body() : r.body();
        assertThat(r.statusCode()).as(page).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/compliance/fx-rates");
        assertThat(errorOf(page, "file")).isEqualTo("文件超过上传上限（1 MB）。");
        assertThat(page).doesNotContain("Exception", "at org.", "Whitelabel", "Apache Tomcat");

        byte[] huge = csvOfAtLeast(12 * 1024 * 1024);
        HttpResponse<String> r2 = compliance.upload("/compliance/fx-rates/import", "/compliance/fx-rates", "file", "rates.csv", huge);
        String page2 = r2.statusCode() == 303 ? compliance.get(r2.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body() : r2.body();
        assertThat(errorOf(page2, "file")).isEqualTo("文件超过上传上限（1 MB）。");

        // the API takes no multipart (a cross-site form could send it): refused unread (issue 12, point 13)
        Api.Response api1 = api.as("compliance1").header("Content-Type", "multipart/form-data; boundary=xyz")
                .post("/api/v1/fx-rates/import", multipart("xyz", big));
        assertThat(api1.status()).isEqualTo(415);
        assertThat(api1.contentType()).startsWith("application/problem+json");
        assertThat(api1.body()).doesNotContain("Exception", "at org.");
        assertThat(jdbc.sql("select count(*) from fx_rates").query(Long.class).single()).isZero();
    }

    private static String multipart(String boundary, byte[] content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + new String(content, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
    }

    private static byte[] csvOfAtLeast(int bytes) {
        StringBuilder b = new StringBuilder("date,currency,cnyPerUnit\n");
        while (b.length() < bytes) {
            b.append("2026-11-20,USD,7.1000\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text of the error paragraph under a field (id "{field}-error"). */
    static String errorOf(String html, String fieldId) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(fieldId) + "-error\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("error paragraph of " + fieldId).isTrue();
        return m.group(1).strip();
    }
}
