package com.kyckeeper.reporting;

import static com.kyckeeper.support.Identities.corporate;
import static com.kyckeeper.support.Identities.creditCode;
import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The large-value report (api.md, Reports): one row per reportable event, full identity, four formats, audited. */
abstract class LargeValueReportContract extends ApiTestBase {

    static final String REPORT = "/api/v1/reports/large-value";
    String person;
    String personId;
    String company;
    String code;

    String register(Map<String, Object> body) {
        Api.Response r = api.as("teller1").post("/api/v1/customers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode post(String customer, String direction, String amount, String currency, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", "R-" + UUID.randomUUID());
        m.put("customerId", customer);
        m.put("direction", direction);
        m.put("amount", amount);
        m.put("currency", currency);
        m.put("occurredAt", at);
        m.put("branch", "SH-009");
        m.put("sourceOfFunds", "经营收入");
        Api.Response r = api.as("teller2").post("/api/v1/cash-transactions", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @BeforeEach
    void data() {
        if (person != null) {
            return;
        }
        personId = residentId(true);
        person = register(individual(personId, true));
        code = creditCode();
        company = register(corporate(code));
    }

    byte[] download(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("compliance1:" + com.kyckeeper.support.Databases.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void listsOneRowPerReportableEventWithTheFullIdentity() {
        post(person, "DEPOSIT", "50000.00", "CNY", "2026-08-03T10:00:00+08:00");
        post(person, "DEPOSIT", "49999.99", "CNY", "2026-08-04T10:00:00+08:00");
        post(company, "WITHDRAWAL", "30000.00", "CNY", "2026-08-05T09:00:00+08:00");
        post(company, "WITHDRAWAL", "25000.00", "CNY", "2026-08-05T16:00:00+08:00");
        post(company, "DEPOSIT", "12000.00", "USD", "2026-08-05T11:00:00+08:00");

        Api.Response r = api.as("compliance1").get(REPORT + "?from=2026-08-01&to=2026-08-31");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rows = r.json().get("rows");
        assertThat(rows).hasSize(3);
        JsonNode single = rows.get(0);
        assertThat(single.get("eventType").asString()).isEqualTo("SINGLE");
        assertThat(single.get("amount").asString()).isEqualTo("50000.00");
        assertThat(single.get("currency").asString()).isEqualTo("CNY");
        assertThat(single.get("reportDueBy").asString()).isEqualTo("2026-08-10");
        assertThat(single.get("customer").get("name").asString()).isEqualTo("张小三");
        assertThat(single.get("customer").get("idDocumentNumber").asString()).isEqualTo(personId);
        List<String> types = new ArrayList<>();
        rows.forEach(n -> types.add(n.get("eventType").asString() + "/" + n.get("currencyClass").asString()
                + "/" + n.get("amount").asString()));
        assertThat(types).containsExactlyInAnyOrder("SINGLE/RMB/50000.00", "AGGREGATE/RMB/55000.00", "SINGLE/FOREIGN/12000.00");
        JsonNode aggregate = rows.findParents("eventType").stream()
                .filter(n -> n.get("eventType").asString().equals("AGGREGATE")).findFirst().orElseThrow();
        assertThat(aggregate.get("transactionCount").asInt()).isEqualTo(2);
        assertThat(aggregate.get("customer").get("unifiedSocialCreditCode").asString()).isEqualTo(code);
        assertThat(aggregate.get("customer").get("legalRepresentativeName").asString()).isEqualTo("李四");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'CUSTOMER_REVEAL' and customer_id = ?"
                + " and purpose = 'large-value report'").param(person).query(Long.class).single()).isEqualTo(1);
        assertThat(api.as("teller1").get(REPORT + "?from=2026-08-01&to=2026-08-31").status()).isEqualTo(403);
        assertThat(api.as("auditor1").get(REPORT + "?from=2026-08-01&to=2026-08-31").status()).isEqualTo(403);
        assertThat(api.as("compliance1").get(REPORT + "?from=2026-08-31&to=2026-08-01").status()).isEqualTo(400);
        assertThat(api.as("compliance1").get(REPORT + "?from=2026-08-01").status()).isEqualTo(400);
    }

    @Test
    void exemptTransactionsAreLeftOutOfTheReport() {
        JsonNode t = post(person, "WITHDRAWAL", "90000.00", "CNY", "2026-07-06T10:00:00+08:00");
        assertThat(api.as("compliance1").get(REPORT + "?from=2026-07-06&to=2026-07-06").json().get("count").asInt()).isEqualTo(1);
        Api.Response ex = api.as("compliance2").post("/api/v1/cash-transactions/" + t.get("id").asString() + "/exemption",
                Map.of("reason", "Art. 7: error correction of a teller entry"));
        assertThat(ex.status()).as(ex.body()).isEqualTo(200);
        assertThat(api.as("compliance1").get(REPORT + "?from=2026-07-06&to=2026-07-06").json().get("count").asInt()).isZero();
    }

    @Test
    void exportsCsvXlsxAndPdfWithChineseTextAndAuditsTheExport() throws Exception {
        post(person, "DEPOSIT", "66000.00", "CNY", "2026-06-08T10:00:00+08:00");
        String range = "?from=2026-06-08&to=2026-06-08";

        String csv = new String(download(REPORT + range + "&format=csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("张小三").contains(personId).contains("66000.00").contains("2026-06-15");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(REPORT + range + "&format=xlsx")))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(1);
            List<String> cells = new ArrayList<>();
            s.getRow(1).forEach(c -> cells.add(c.toString()));
            assertThat(cells).contains("张小三", personId, "66000.00");
        }

        byte[] pdf = download(REPORT + range + "&format=pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "large-value-sample.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("张小三").contains("大额交易报告").contains("66000.00");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("FontFile2");

        assertThat(jdbc.sql("select count(*) from access_events where action = 'REPORT_EXPORT' and actor = 'compliance1'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }
}
