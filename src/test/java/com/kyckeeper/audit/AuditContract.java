package com.kyckeeper.audit;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The audit contract (api.md, Audit; issue 4): what every access records, who may read the log,
 * and that tampering directly in the database is found at exactly the tampered entry.
 * Run against H2 and PostgreSQL by its subclasses. Tamper tests dirty their context: the next test
 * gets a fresh database, since a tampered append-only log stays broken.
 */
abstract class AuditContract extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";
    static final String EVENTS = "/api/v1/audit/access-events";
    static final String INTEGRITY = "/api/v1/audit/integrity";

    @Autowired
    AuditIntegrity integrity;
    @Autowired
    AccessLog accessLog;

    /** Changes the database behind the service's back, as someone with database access would. */
    protected void tamper(String sql, Object... args) {
        jdbc.sql(sql).params(args).update();
    }

    String register(String idNumber) {
        Api.Response r = api.as("teller1").post(CUSTOMERS, individual(idNumber, true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode integrityReport() {
        Api.Response r = api.as("auditor1").get(INTEGRITY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    long seqOf(String action, String customerId) {
        return jdbc.sql("select max(seq) from access_events where action = ? and customer_id = ?")
                .params(action, customerId).query(Long.class).single();
    }

    @Test
    void everyAccessRecordsWhoWhatWhyHowAndWhenWithoutPersonalData() {
        String number = residentId(true);
        String id = register(number);
        api.as("teller2").header("X-Access-Purpose", "account opening review").header("X-Request-Id", "req-42")
                .get(CUSTOMERS + "/" + id + "?reveal=true");
        api.as("supervisor1").get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + number);

        Api.Response r = api.as("auditor1").get(EVENTS + "?customerId=" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode events = r.json();
        assertThat(events).hasSize(3);
        JsonNode search = events.get(0);
        assertThat(search.get("action").asString()).isEqualTo("CUSTOMER_SEARCH");
        assertThat(search.get("actor").asString()).isEqualTo("supervisor1");
        JsonNode reveal = events.get(1);
        assertThat(reveal.get("seq").asLong()).isLessThan(search.get("seq").asLong());
        assertThat(reveal.get("action").asString()).isEqualTo("CUSTOMER_REVEAL");
        assertThat(reveal.get("actor").asString()).isEqualTo("teller2");
        assertThat(reveal.get("role").asString()).isEqualTo("TELLER");
        assertThat(reveal.get("customerId").asString()).isEqualTo(id);
        assertThat(reveal.get("purpose").asString()).isEqualTo("account opening review");
        assertThat(reveal.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(reveal.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(reveal.get("at").asString()).endsWith("+08:00");
        List<String> fields = new ArrayList<>();
        reveal.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactly("seq", "at", "actor", "role", "action", "customerId", "purpose", "outcome",
                "clientAddress");
        assertThat(events.get(2).get("action").asString()).isEqualTo("CUSTOMER_REGISTER");
        assertThat(jdbc.sql("select request_id from access_events where action = 'CUSTOMER_REVEAL' and customer_id = ?")
                .param(id).query(String.class).single()).isEqualTo("req-42");
        assertThat(jdbc.sql("select detail from access_events where action = 'CUSTOMER_SEARCH' and customer_id = ?")
                .param(id).query(String.class).single()).contains("results: 1");
        // No personal data anywhere in the log: not the ID number, not the name.
        String everything = String.join("|", jdbc.sql("select concat(coalesce(purpose,''), '|', coalesce(detail,''),"
                + " '|', action, '|', actor) from access_events").query(String.class).list());
        assertThat(everything).doesNotContain(number).doesNotContain("张三");
    }

    @Test
    void onlyAuditorsReadTheLogAndEveryRefusalIsItselfAudited() {
        for (String user : List.of("teller1", "supervisor1", "compliance1", "admin1")) {
            assertThat(api.as(user).get(EVENTS).status()).isEqualTo(403);
            assertThat(api.as(user).get(INTEGRITY).status()).isEqualTo(403);
            assertThat(api.as(user).get(EVENTS + "?format=csv").status()).isEqualTo(403);
        }
        assertThat(api.anonymous().get(EVENTS).status()).isEqualTo(401);
        assertThat(api.as("auditor1").password("wrong").get(INTEGRITY).status()).isEqualTo(401);
        assertThat(api.as("auditor1").post(EVENTS, Map.of()).status()).isIn(403, 405);

        JsonNode refused = api.as("auditor1").get(EVENTS + "?outcome=REFUSED&actor=compliance1").json();
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0).get("role").asString()).isEqualTo("COMPLIANCE");
        // the wrong password is a LOGIN_FAILED event; 401s themselves are counted per source and minute (issue 12)
        JsonNode anonymous = api.as("auditor1").get(EVENTS + "?outcome=REFUSED&actor=anonymous").json();
        assertThat(anonymous.size()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select sum(refusals) from refused_requests").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void filtersByActorActionOutcomeAndTimeAndPagesNewestFirst() {
        String id = register(residentId(true));
        for (int i = 0; i < 5; i++) {
            api.as("teller2").get(CUSTOMERS + "/" + id);
        }
        clock.advance(Duration.ofDays(2));
        api.as("teller2").get(CUSTOMERS + "/" + id);

        Api.Response page0 = api.as("auditor1").get(EVENTS + "?actor=teller2&action=CUSTOMER_READ&customerId=" + id
                + "&size=4&page=0");
        assertThat(page0.header("X-Total-Count")).isEqualTo("6");
        assertThat(page0.json()).hasSize(4);
        Api.Response page1 = api.as("auditor1").get(EVENTS + "?actor=teller2&action=CUSTOMER_READ&customerId=" + id
                + "&size=4&page=1");
        assertThat(page1.json()).hasSize(2);
        List<Long> seqs = new ArrayList<>();
        page0.json().forEach(e -> seqs.add(e.get("seq").asLong()));
        page1.json().forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();

        String later = java.net.URLEncoder.encode(clock.instant().minus(Duration.ofHours(1))
                .atOffset(java.time.ZoneOffset.ofHours(8)).toString(), java.nio.charset.StandardCharsets.UTF_8);
        String reads = EVENTS + "?action=CUSTOMER_READ&customerId=" + id;
        assertThat(api.as("auditor1").get(reads + "&from=" + later).json()).hasSize(1);
        assertThat(api.as("auditor1").get(reads + "&to=" + later).json()).hasSize(5);
        // The auditor's own queries about the customer are in the log too.
        assertThat(api.as("auditor1").get(EVENTS + "?action=AUDIT_QUERY&actor=auditor1&customerId=" + id).json())
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(api.as("auditor1").get(EVENTS + "?customerId=" + id + "&outcome=REFUSED").json()).isEmpty();

        Api.Response bad = api.as("auditor1").get(EVENTS + "?size=100000&customerId=nope");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("size").contains("customerId");
        assertThat(api.as("auditor1").get(EVENTS + "?outcome=MAYBE").status()).isEqualTo(400);
        assertThat(api.as("auditor1").get(EVENTS + "?from=yesterday").json().get("errors").get(0).get("field")
                .asString()).isEqualTo("from");
    }

    @Test
    void exportsAQueryAsCsvAndTheExportIsItselfAudited() {
        String id = register(residentId(true));
        api.as("teller1").header("X-Access-Purpose", "=HYPERLINK(\"x\")").get(CUSTOMERS + "/" + id + "?reveal=true");

        Api.Response csv = api.as("auditor1").get(EVENTS + "?format=csv&customerId=" + id);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\"seq\",\"at\",\"actor\",\"role\",\"action\",\"customerId\",\"purpose\","
                + "\"outcome\",\"clientAddress\"");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"CUSTOMER_REVEAL\"").contains("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'AUDIT_EXPORT' and actor = 'auditor1'"
                + " and customer_id = ? and detail like 'rows: up to %'").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCleanLogIsIntactAndSignedThroughItsLastEntry() {
        String id = register(residentId(true));
        api.as("teller1").get(CUSTOMERS + "/" + id);
        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("INTACT");
        assertThat(report.has("firstBrokenSeq")).isTrue();
        assertThat(report.get("firstBrokenSeq").isNull()).isTrue();
        // The scheduled sealer may seal newer events (e.g. this check's own AUDIT_VERIFY) after the answer.
        long verifiedThrough = report.get("verifiedThrough").asLong();
        long sealedMax = jdbc.sql("select max(seq) from access_event_seals").query(Long.class).single();
        assertThat(verifiedThrough).isBetween(seqOf("CUSTOMER_READ", id), sealedMax);
        // The check signed the head it verified: a checkpoint covers that seal.
        long verifiedPos = jdbc.sql("select chain_pos from access_event_seals where seq = :seq")
                .param("seq", verifiedThrough).query(Long.class).single();
        assertThat(jdbc.sql("select max(chain_pos) from audit_checkpoints").query(Long.class).single())
                .isGreaterThanOrEqualTo(verifiedPos);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'AUDIT_VERIFY'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void concurrentWritersAndSealersKeepTheChainIntactAndGapless() throws Exception {
        String id = register(residentId(true));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String user = i % 3 == 0 ? "teller1" : i % 3 == 1 ? "teller2" : "supervisor1";
                calls.add(() -> api.as(user).get(CUSTOMERS + "/" + id).status());
                if (i % 8 == 0) {
                    calls.add(() -> {
                        integrity.sealNow();
                        return 200;
                    });
                }
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("INTACT");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_READ' and customer_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(48);
        long seals = jdbc.sql("select count(*) from access_event_seals").query(Long.class).single();
        assertThat(jdbc.sql("select max(chain_pos) from access_event_seals").query(Long.class).single()).isEqualTo(seals);
        // Everything but the verification's own event, written after sealing, is sealed.
        assertThat(jdbc.sql("select count(*) from access_events e where not exists"
                + " (select 1 from access_event_seals s where s.seq = e.seq)").query(Long.class).single()).isLessThanOrEqualTo(1);
    }

    @Test
    void theLogKeepsItsOwnTenYearRetention() {
        JsonNode r = api.as("auditor1").get("/api/v1/audit/retention").json();
        assertThat(r.get("retentionYears").asInt()).isEqualTo(10);
        assertThat(r.get("eventsPastRetention").asLong()).isZero();
        assertThat(api.as("compliance1").get("/api/v1/audit/retention").status()).isEqualTo(403);
    }

    @Test
    void purgingACustomerNeverBreaksVerificationBecauseEventsHoldIdsOnly() {
        String id = register(residentId(true));
        api.as("teller1").get(CUSTOMERS + "/" + id);
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");
        jdbc.sql("delete from customer_versions where customer_id = ?").param(id).update();
        jdbc.sql("delete from customer_parties where customer_id = ?").param(id).update();
        jdbc.sql("delete from customers where id = ?").param(id).update();
        JsonNode after = integrityReport();
        assertThat(after.get("status").asString()).isEqualTo("INTACT");
        assertThat(api.as("auditor1").get(EVENTS + "?customerId=" + id).json().size()).isEqualTo(2);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void aChangedEventBreaksTheChainAtExactlyThatEntry() {
        String id = register(residentId(true));
        api.as("teller1").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");
        api.as("teller1").get(CUSTOMERS + "/" + id);
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");
        long target = seqOf("CUSTOMER_REVEAL", id);
        long before = seqOf("CUSTOMER_REGISTER", id);

        tamper("update access_events set purpose = 'nothing to see' where seq = ?", target);

        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("BROKEN");
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(target);
        assertThat(report.get("verifiedThrough").asLong()).isEqualTo(before);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void aDeletedEventBreaksTheChainAtExactlyThatEntry() {
        String id = register(residentId(true));
        api.as("teller1").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");
        api.as("teller1").get(CUSTOMERS + "/" + id);
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");
        long target = seqOf("CUSTOMER_REVEAL", id);

        tamper("delete from access_events where seq = ?", target);

        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("BROKEN");
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(target);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void anEventInsertedDirectlyIntoTheDatabaseIsFoundAtExactlyThatEntry() {
        String id = register(residentId(true));
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");

        tamper("insert into access_events (at, actor, actor_role, action, customer_id, purpose, outcome)"
                + " values (CURRENT_TIMESTAMP, 'compliance1', 'COMPLIANCE', 'CUSTOMER_READ', ?, 'alibi', 'SUCCESS')", id);
        long forged = jdbc.sql("select seq from access_events where purpose = 'alibi'").query(Long.class).single();

        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("BROKEN");
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(forged);
        assertThat(report.get("verifiedThrough").asLong()).isLessThan(forged);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void aCopiedEventIsFoundAtExactlyTheCopyOnlineAndOffline() throws Exception {
        String id = register(residentId(true));
        api.as("teller1").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");
        long original = seqOf("CUSTOMER_REVEAL", id);

        // A replayed row: every column, the event id and the (valid) MAC of a real event, a new seq.
        tamper("insert into access_events (at, actor, actor_role, action, customer_id, purpose, outcome,"
                + " client_address, request_id, detail, event_id, mac) select at, actor, actor_role, action, customer_id,"
                + " purpose, outcome, client_address, request_id, detail, event_id, mac from access_events where seq = ?",
                original);
        long copy = seqOf("CUSTOMER_REVEAL", id);
        assertThat(copy).isGreaterThan(original);

        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("BROKEN");
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(copy);
        assertThat(report.get("reason").asString()).contains("copied");

        Path dir = Files.createTempDirectory("audit-copy");
        Path log = Files.writeString(dir.resolve("audit-log.csv"), api.as("auditor1").get("/api/v1/audit/log-export").body());
        Path pub = Files.writeString(dir.resolve("audit.pub"), api.as("auditor1").get("/api/v1/audit/public-key").body());
        IntegrityReport offline = OfflineVerifier.verify(log, pub, null);
        assertThat(offline.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(offline.firstBrokenSeq()).isEqualTo(copy);
    }

    @Test
    void anExportCutOffByItsClientIsAlreadyInTheLog() {
        java.io.Writer gone = new java.io.Writer() {
            @Override
            public void write(char[] c, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("client went away");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "auditor1", null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_AUDITOR")));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            long csv = count("AUDIT_EXPORT");
            long log = count("AUDIT_LOG_EXPORT");
            assertThatThrownBy(() -> accessLog.exportCsv(AccessQuery.all(), gone)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> integrity.exportLog(gone)).isInstanceOf(RuntimeException.class);
            assertThat(count("AUDIT_EXPORT")).as("the CSV export").isEqualTo(csv + 1);
            assertThat(count("AUDIT_LOG_EXPORT")).as("the log export").isEqualTo(log + 1);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private long count(String action) {
        return jdbc.sql("select count(*) from access_events where action = ? and actor = 'auditor1'").param(action)
                .query(Long.class).single();
    }

    @Test
    void anEventOutsideItsOperationsTransactionIsRefused() {
        assertThatThrownBy(() -> accessLog.append(new AccessEvent("CUSTOMER_READ", null, null, Outcome.SUCCESS, null)))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void anAlteredSealOrARewrittenTailIsFound() {
        String id = register(residentId(true));
        api.as("teller1").get(CUSTOMERS + "/" + id);
        assertThat(integrityReport().get("status").asString()).isEqualTo("INTACT");
        long target = seqOf("CUSTOMER_READ", id);

        tamper("update access_event_seals set hash = ? where seq = ?", "00".repeat(32), target);

        JsonNode report = integrityReport();
        assertThat(report.get("status").asString()).isEqualTo("BROKEN");
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(target);
    }

    @Test
    void theExportedLogVerifiesOfflineWithThePublicKeyAndATamperedCopyDoesNot() throws Exception {
        String id = register(residentId(true));
        api.as("teller1").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");
        Api.Response export = api.as("auditor1").get("/api/v1/audit/log-export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        Api.Response key = api.as("auditor1").get("/api/v1/audit/public-key");
        assertThat(key.status()).isEqualTo(200);

        Path dir = Files.createTempDirectory("audit-offline");
        Path log = Files.writeString(dir.resolve("audit-log.csv"), export.body());
        Path pub = Files.writeString(dir.resolve("audit.pub"), key.body());
        IntegrityReport offline = OfflineVerifier.verify(log, pub, null);
        assertThat(offline.status()).isEqualTo(IntegrityReport.Status.INTACT);
        // The export's own event is recorded before it streams, so it may be sealed after the export's head.
        assertThat(offline.verifiedThrough()).isGreaterThanOrEqualTo(seqOf("CUSTOMER_REVEAL", id));

        long target = seqOf("CUSTOMER_REVEAL", id);
        Path tampered = Files.writeString(dir.resolve("tampered.csv"), export.body().replace("\"review\"", "\"audit\""));
        IntegrityReport broken = OfflineVerifier.verify(tampered, pub, null);
        assertThat(broken.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(broken.firstBrokenSeq()).isEqualTo(target);
        assertThat(jdbc.sql("select count(*) from access_events where action = 'AUDIT_LOG_EXPORT'").query(Long.class)
                .single()).isPositive();
    }
}
