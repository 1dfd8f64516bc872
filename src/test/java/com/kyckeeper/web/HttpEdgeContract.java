package com.kyckeeper.web;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The HTTP edge over a real port (issue 12): every refusal is problem+json whatever layer refuses it, no value
 * typed into a URL reaches the access log or an answer, header text is decoded, bodies are bounded on the
 * stream, browsers are never challenged, and TLS-proxy settings give HSTS and a Secure session cookie.
 */
@TestPropertySource(properties = {"kyc.http.max-body-bytes=100000", "server.forward-headers-strategy=native",
        "server.servlet.session.cookie.secure=true"})
abstract class HttpEdgeContract extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";
    /** A resident ID number, as a user might type it into an address. */
    static final String NUMBER = "11010519491231002X";

    @Autowired
    BlindIndex index;

    RawHttp raw() {
        return new RawHttp(port);
    }

    static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + Databases.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    String register() {
        Api.Response r = api.as("teller1").post(CUSTOMERS, individual(residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    List<String> accessLogText() {
        return jdbc.sql("select concat(action, '|', coalesce(detail, ''), '|', coalesce(purpose, '')) from access_events")
                .query(String.class).list();
    }

    static void assertProblem(RawHttp.Answer a, String... notEchoed) {
        assertThat(a.status()).as(a.head()).isBetween(400, 499);
        assertThat(a.contentType()).as(a.head() + "\n" + a.body()).startsWith("application/problem+json");
        assertThat(a.body()).doesNotContain("<html", "Exception", "Tomcat", "at org.", "at com.");
        for (String value : notEchoed) {
            assertThat(a.body()).doesNotContain(value);
        }
    }

    // (a) route templates only

    @Test
    void anonymousRefusalsAreCountedPerSourceAndMinuteUnderTheRouteTemplateNeverThePath() {
        clock.advance(Duration.ofMinutes(3));
        long first = clock.instant().getEpochSecond() / 60;
        assertThat(api.anonymous().get(CUSTOMERS + "/" + UUID.randomUUID() + "?idNumber=" + NUMBER).status()).isEqualTo(401);
        assertThat(api.anonymous().get(CUSTOMERS + "/" + NUMBER).status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/v1/no-such/" + NUMBER).status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(1));
        long second = clock.instant().getEpochSecond() / 60;
        assertThat(api.anonymous().get("/api/v1/no-such/" + NUMBER).status()).isEqualTo(401);

        Map<String, Object> one = row(first);
        assertThat(((Number) one.get("refusals")).intValue()).isEqualTo(3);
        assertThat(one.get("first_action")).isEqualTo("GET /api/v1/customers/{id}");
        Map<String, Object> two = row(second);
        assertThat(((Number) two.get("refusals")).intValue()).isEqualTo(1);
        assertThat(two.get("first_action")).isEqualTo("GET UNMATCHED");
        assertThat(jdbc.sql("select first_action from refused_requests").query(String.class).list())
                .noneMatch(a -> a.contains(NUMBER));
        assertThat(accessLogText()).noneMatch(t -> t.contains(NUMBER)).noneMatch(t -> t.contains("no-such"));
        assertThat(jdbc.sql("select count(*) from access_events where detail = '401'").query(Long.class).single()).isZero();
    }

    private Map<String, Object> row(long minute) {
        return jdbc.sql("select refusals, first_action from refused_requests where source = '127.0.0.1' and epoch_minute = :m")
                .param("m", minute).query().singleRow();
    }

    @Test
    void refusalCountsOlderThanTheKeptDaysGoWhenANewMinuteStarts() {
        long minute = clock.instant().getEpochSecond() / 60;
        jdbc.sql("insert into refused_requests (source, epoch_minute, refusals, first_action) values ('192.0.2.1', :m, 7, 'GET UNMATCHED')")
                .param("m", minute - Duration.ofDays(31).toMinutes()).update();
        clock.advance(Duration.ofMinutes(30));
        assertThat(api.anonymous().get(CUSTOMERS).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from refused_requests where source = '192.0.2.1'").query(Long.class).single()).isZero();
    }

    @Test
    void aProblemNeverEchoesThePathAsItsInstance() {
        String missing = UUID.randomUUID().toString();
        Api.Response notFound = api.as("teller1").get(CUSTOMERS + "/" + missing);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("instance").asString()).startsWith("urn:kyc-keeper:request:");
        assertThat(notFound.body()).doesNotContain(missing);

        Api.Response typed = api.as("teller1").get(CUSTOMERS + "/" + NUMBER);
        assertThat(typed.status()).isBetween(400, 404);
        assertThat(typed.body()).doesNotContain(NUMBER);
        Api.Response forbidden = api.as("auditor1").get(CUSTOMERS + "/" + missing);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain(missing);
        assertThat(accessLogText()).noneMatch(t -> t.contains(NUMBER));
    }

    // (b) every error problem+json, whatever layer refuses it

    @Test
    void aQueryThatIsNotUtf8IsA400NamingTheQuery() {
        for (String path : List.of("/api/v1/audit/events?actor=%D5%C5%C8%FD", CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=%D5%C5",
                "/api/v1/due-diligence/cases?customerId=%C8%FD", "/api/v1/reports/retention?asOf=%FF")) {
            Api.Response r = api.as("auditor1").get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
        }
    }

    @Test
    void aQueryTheContainerCannotParseIsA400NamingTheQuery() {
        // found by OpenApiFuzzTest: an empty parameter name made Tomcat throw from the first getParameter (500)
        Api.Response r = api.as("admin1").get(CUSTOMERS + "/reverification-due?=2026-12-04");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
    }

    @Test
    void anEmptyItemInAListParameterIsNoFilterNotAFailure() {
        // found by OpenApiFuzzTest (seed 2): status=%00 bound as a null status and failed the report (500)
        for (String q : List.of("status=%00", "status=", "status=DUE,")) {
            Api.Response r = api.as("compliance1").get("/api/v1/reports/retention?" + q);
            assertThat(r.status()).as(q + " " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void anExtremeDateIsA400NamingTheParameter() {
        Api.Response r = api.as("compliance1").get("/api/v1/reports/retention?asOf=-999999999-01-01");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Api.Response far = api.as("compliance1").get("/api/v1/reports/large-value?from=+999999999-01-01&to=2026-01-01");
        assertThat(far.status()).as(far.body()).isEqualTo(400);
        assertThat(far.contentType()).startsWith("application/problem+json");
        // found by OpenApiFuzzTest: the audit query parses its dates itself, and the last day has no next day
        Api.Response last = api.as("auditor1").get("/api/v1/audit/access-events?to=%2B999999999-12-31");
        assertThat(last.status()).as(last.body()).isEqualTo(400);
        assertThat(last.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @Test
    void malformedRequestsAreProblemJsonFromWhicheverLayerRefusesThem() {
        String secret = "SECRETPATH";
        RawHttp http = raw();
        assertProblem(http.get("/api/v1/customers/" + secret + "%00", basic("teller1")), secret);
        assertProblem(http.get("/api/v1/customers/" + secret + "%2Fx", basic("teller1")), secret);
        assertProblem(http.get("/api/v1/" + secret + "/../../../etc/passwd", basic("teller1")), secret);
        assertProblem(http.get("/../" + secret, ""), secret);
        assertProblem(http.get("/api/v1/customers/" + secret + ";jsessionid=x/..;/y", basic("teller1")), secret);
        assertProblem(http.get("/api/v1/customers/%E5%" + secret, basic("teller1")), secret);
        assertProblem(http.get("/api/v1/customers", "X-Big: " + secret + "x".repeat(70_000)), secret);
        assertProblem(http.send("FOO /api/v1/customers HTTP/1.1", basic("teller1"), null), secret);
        assertProblem(http.send("TRACE /api/v1/customers HTTP/1.1", basic("teller1"), null), secret);
        assertProblem(http.send("GE\u0001T /" + secret + " HTTP/1.1", "", null), secret);
        assertProblem(http.get("/api/v1/customers", "X-Evil: a\u0007" + secret), secret);
        assertProblem(http.send("DELETE /api/v1/customers HTTP/1.1", basic("teller1"), null), secret);
    }

    @Test
    void aSignedInBrowserMistypingAPageAddressGetsTheHtmlPageAndAnApiClientProblemJson() {
        RawHttp.Answer page = raw().get("/no-such-page/" + NUMBER, basic("teller1") + "\r\nAccept: text/html,application/xhtml+xml");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain(NUMBER);
        RawHttp.Answer api = raw().get("/api/v1/no-such/" + NUMBER, basic("teller1") + "\r\nAccept: application/json");
        assertProblem(api, NUMBER);
        assertThat(api.status()).isEqualTo(404);
    }

    // (c) refused and failed reveals, attempted sign-in names

    @Test
    void aRefusedOrFailedRevealIsInTheAccessLog() {
        String id = register();
        assertThat(api.as("teller1").get(CUSTOMERS + "/" + id + "?reveal=true").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_REVEAL' and customer_id = :id"
                + " and outcome = 'REFUSED'").param("id", id).query(Long.class).single()).isEqualTo(1);
        String missing = UUID.randomUUID().toString();
        assertThat(api.as("teller1").header("X-Access-Purpose", "account check").get(CUSTOMERS + "/" + missing + "?reveal=true")
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_REVEAL' and customer_id = :id"
                + " and outcome = 'FAILED'").param("id", missing).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedSignInCarriesTheBlindIndexOfTheAttemptedNameNeverTheName() {
        assertThat(api.as("teller2").password("wrong-password").get(CUSTOMERS + "/reverification-due").status()).isEqualTo(401);
        assertThat(api.as("Typed-Secret-42").password("wrong-password").get(CUSTOMERS + "/reverification-due").status()).isEqualTo(401);
        List<String> details = jdbc.sql("select detail from access_events where action = 'LOGIN_FAILED'").query(String.class).list();
        assertThat(details).anyMatch(d -> d.contains(index.of("login-name", "teller2")));
        assertThat(details).anyMatch(d -> d.contains(index.of("login-name", "typed-secret-42")));
        assertThat(details).noneMatch(d -> d.toLowerCase().contains("typed-secret"));
    }

    // (d) header text

    @Test
    void aPurposeSentAsRawUtf8OrRfc8187IsAcceptedAndRecordedDecoded() {
        String id = register();
        byte[] none = null;
        RawHttp.Answer rawUtf8 = raw().send("GET " + CUSTOMERS + "/" + id + "?reveal=true HTTP/1.1",
                basic("teller2") + "\r\nX-Access-Purpose: 开户核实", none);
        assertThat(rawUtf8.status()).as(rawUtf8.body()).isEqualTo(200);
        Api.Response rfc = api.as("teller2").header("X-Access-Purpose", "UTF-8''%E8%B4%A6%E6%88%B7%E5%AE%A1%E6%9F%A5")
                .get(CUSTOMERS + "/" + id + "?reveal=true");
        assertThat(rfc.status()).as(rfc.body()).isEqualTo(200);
        assertThat(jdbc.sql("select purpose from access_events where action = 'CUSTOMER_REVEAL' and customer_id = :id")
                .param("id", id).query(String.class).list()).contains("开户核实", "账户审查");
    }

    // (e) bounded bodies

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] big = ("{\"type\":\"INDIVIDUAL\",\"name\":\"" + "张".repeat(60_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = raw().send("POST " + CUSTOMERS + " HTTP/1.1",
                basic("teller1") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(big));
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRoleThatMayNeverWriteThereIsRefusedBeforeItsBodyIsRead() {
        // a chunk announced as 1 MiB of which only 1,000 bytes ever come: reading it would wait, refusing does not
        byte[] partial = ("100000\r\n" + "x".repeat(1_000)).getBytes(StandardCharsets.US_ASCII);
        for (String user : List.of("auditor1", "admin1")) {
            RawHttp.Answer a = raw().send("POST " + CUSTOMERS + " HTTP/1.1",
                    basic(user) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", partial);
            assertThat(a.status()).as(user).isEqualTo(403);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        RawHttp.Answer admin = raw().send("POST /api/v1/admin/users HTTP/1.1",
                basic("teller1") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", partial);
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void deepNestingAndHugeNumbersAreRefusedWhileParsing() {
        String deep = "{\"type\":\"INDIVIDUAL\",\"name\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        Api.Response nested = api.as("teller1").post(CUSTOMERS, deep);
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.contentType()).startsWith("application/problem+json");
        Api.Response number = api.as("compliance1").put("/api/v1/fx-rates/2026-11-04",
                "{\"rates\":{\"USD\":" + "9".repeat(5_000) + "}}");
        assertThat(number.status()).isBetween(400, 499);
        assertThat(number.contentType()).startsWith("application/problem+json");
        assertThat(number.body()).doesNotContain("99999999");
    }

    // (f) passwords

    @Test
    void aSignInWithAPasswordOverSeventyTwoBytesIsAPlain401() {
        Api.Response r = api.as("teller1").password("密".repeat(40)).get(CUSTOMERS + "/reverification-due");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anInitialPasswordOverSeventyTwoBytesIsA400NamingThePassword() {
        Api.Response r = api.as("admin1").post("/api/v1/admin/users", Map.of("username", "longpass1",
                "password", "Aa1-" + "密码安全长度规则测试用例字甲乙丙丁戊己庚辛壬癸子丑", "roles", List.of("TELLER")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(r.body()).doesNotContain("密码安全");
    }

    // (g) no Basic challenge to browsers; no form content types on the API

    @Test
    void browsersAreNeverChallengedApiClientsAre() {
        assertThat(api.anonymous().header("Accept", "text/html,application/xhtml+xml").get(CUSTOMERS).header("www-authenticate")).isNull();
        assertThat(api.anonymous().header("Sec-Fetch-Mode", "cors").get(CUSTOMERS).header("www-authenticate")).isNull();
        assertThat(api.anonymous().header("Accept", "*/*").get(CUSTOMERS).header("www-authenticate")).startsWith("Basic");
        assertThat(api.anonymous().get(CUSTOMERS).status()).isEqualTo(401);
    }

    @Test
    void stateChangingApiCallsRefuseContentTypesAFormCanSend() {
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
                "text/plain; charset=UTF-8")) {
            Api.Response r = api.as("teller1").header("Content-Type", type).post(CUSTOMERS, "{\"type\":\"INDIVIDUAL\"}");
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Api.Response csv = api.as("compliance1").header("Content-Type", "text/plain").post("/api/v1/fx-rates/import",
                "date,currency,cnyPerUnit\n2026-11-04,USD,7.1000\n");
        assertThat(csv.status()).isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from fx_rates").query(Long.class).single()).isZero();
    }

    // (i) behind a TLS proxy

    @Test
    void behindATlsProxyAnswersCarryHstsAndTheSessionCookieIsSecure() {
        RawHttp.Answer tls = raw().get("/login", "X-Forwarded-Proto: https\r\nAccept: text/html");
        assertThat(tls.status()).isEqualTo(200);
        assertThat(tls.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(tls.header("Set-Cookie")).contains("JSESSIONID").contains("Secure").contains("HttpOnly");
        RawHttp.Answer plain = raw().get("/login", "Accept: text/html");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(plain.header("Set-Cookie")).contains("Secure");
    }
}
