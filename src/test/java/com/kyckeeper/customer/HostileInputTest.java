package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.corporate;
import static com.kyckeeper.support.Identities.creditCode;
import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bad and hostile requests: 400 problem+json naming the field, never a 500, never the value echoed. */
class HostileInputTest extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";
    static final String SECRET = "唯一秘密值XYZ987";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("kyc.http.max-body-bytes", () -> "200000");
    }

    Api.Response post(Object body) {
        return api.as("teller1").post(CUSTOMERS, body);
    }

    Map<String, Object> individualWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = individual(residentId(true), true);
        change.accept(body);
        return body;
    }

    Map<String, Object> documentWith(Consumer<Map<String, Object>> change) {
        return individualWith(b -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = new java.util.LinkedHashMap<>((Map<String, Object>) b.get("idDocument"));
            change.accept(doc);
            b.put("idDocument", doc);
        });
    }

    static void assertNamesField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain(SECRET);
    }

    @Test
    void namesUnknownFieldsWrongTypesAndUnknownEnumValues() {
        assertNamesField(post(individualWith(b -> b.put("shoeSize", SECRET))), "shoeSize");
        assertNamesField(post(individualWith(b -> b.put("gender", 5))), "gender");
        assertNamesField(post(individualWith(b -> b.put("gender", SECRET))), "gender");
        assertNamesField(post(individualWith(b -> b.put("idDocument", SECRET))), "idDocument");
        assertNamesField(post(documentWith(d -> d.put("type", "DRIVING_LICENCE"))), "idDocument.type");
        assertNamesField(post(documentWith(d -> d.put("longTerm", "perhaps"))), "idDocument.longTerm");
    }

    @Test
    void namesAMissingOrUnknownCustomerType() {
        assertNamesField(post(individualWith(b -> b.remove("type"))), "type");
        assertNamesField(post(individualWith(b -> b.put("type", "ALIEN"))), "type");
    }

    @Test
    void namesMissingMandatoryFields() {
        for (String field : List.of("name", "gender", "nationality", "occupation", "address", "phone", "idDocument")) {
            assertNamesField(post(individualWith(b -> b.remove(field))), field);
        }
        assertNamesField(post(documentWith(d -> d.remove("number"))), "idDocument.number");
        assertNamesField(post(documentWith(d -> d.remove("expiresOn"))), "idDocument.expiresOn");
    }

    @Test
    void refusesOversizedTextAndControlCharacters() {
        assertNamesField(post(individualWith(b -> b.put("name", "张".repeat(101)))), "name");
        assertNamesField(post(individualWith(b -> b.put("address", SECRET + "\u0007"))), "address");
        assertNamesField(post(individualWith(b -> b.put("occupation", SECRET + "\u202E"))), "occupation");
        assertNamesField(post(individualWith(b -> b.put("phone", "+86 138 0013 8000"))), "phone");
        assertNamesField(post(individualWith(b -> b.put("email", "not-an-email"))), "email");
        assertNamesField(post(individualWith(b -> b.put("nationality", "XXX"))), "nationality");
    }

    @Test
    void refusesImpossibleDatesExpiredDocumentsAndBadCheckCharacters() {
        assertNamesField(post(documentWith(d -> d.put("issuedOn", "2021-02-30"))), "idDocument.issuedOn");
        assertNamesField(post(documentWith(d -> d.put("expiresOn", "2020-01-01"))), "idDocument.expiresOn");
        assertNamesField(post(documentWith(d -> d.put("expiresOn", "2019-12-31"))), "idDocument.expiresOn");
        assertNamesField(post(documentWith(d -> d.put("number", "110105194912310021"))), "idDocument.number");
        assertNamesField(post(documentWith(d -> d.put("number", "110105491231002"))), "idDocument.number");
        assertNamesField(post(documentWith(d -> {
            d.put("longTerm", true);
        })), "idDocument.expiresOn");
        Map<String, Object> longTerm = documentWith(d -> {
            d.remove("expiresOn");
            d.put("longTerm", true);
        });
        assertThat(post(longTerm).status()).isEqualTo(201);
    }

    @Test
    void refusesAGenderThatContradictsTheResidentIdNumber() {
        assertNamesField(post(individual(residentId(true), false)), "gender");
    }

    @Test
    void checksCorporateCodesPartiesAndShares() {
        String good = creditCode();
        Map<String, Object> bad = corporate(good.substring(0, 10) + "I" + good.substring(11));
        assertNamesField(post(bad), "unifiedSocialCreditCode");

        Map<String, Object> noOwners = corporate(creditCode());
        noOwners.remove("beneficialOwners");
        assertNamesField(post(noOwners), "beneficialOwners");

        Map<String, Object> noRep = corporate(creditCode());
        noRep.remove("legalRepresentative");
        assertNamesField(post(noRep), "legalRepresentative");

        Map<String, Object> share = corporate(creditCode());
        share.put("beneficialOwners", List.of(Map.of("name", "王五", "ownershipPercent", "120.00",
                "idDocument", com.kyckeeper.support.Identities.document(residentId(true), "2039-01-01"))));
        assertNamesField(post(share), "beneficialOwners[0].ownershipPercent");

        Map<String, Object> agentDoc = corporate(creditCode());
        agentDoc.put("authorizedAgents", List.of(Map.of("name", "钱七",
                "idDocument", com.kyckeeper.support.Identities.document("110105194912310021", "2039-01-01"))));
        assertNamesField(post(agentDoc), "authorizedAgents[0].idDocument.number");
    }

    @Test
    void answersUnreadableBodiesAndWrongMethodsWithProblems() {
        assertNamesField(post("{\"type\": \"INDIVIDUAL\", \"name\": "), "body");
        assertNamesField(post("[1,2,3]"), "type");
        Api.Response empty = post("");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");

        Api.Response text = api.as("teller1").header("Content-Type", "text/plain").post(CUSTOMERS, "hello");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");

        Api.Response method = api.as("teller1").send("DELETE", CUSTOMERS + "/" + java.util.UUID.randomUUID(), null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesOversizedBodiesBeforeReadingThem() {
        Api.Response r = post(individualWith(b -> b.put("address", "x".repeat(300_000))));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesTrailingGarbageAfterTheJsonDocument() {
        String body = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(individual(residentId(true), true)) + " {\"again\": 1}";
        assertThat(post(body).status()).isEqualTo(400);
    }

    @Test
    void namesBadQueryParametersWithoutEchoingThem() {
        Api.Response r = api.as("teller1").get(CUSTOMERS + "?idType=NOPE&idNumber=" + "110105194912310021");
        assertNamesField(r, "idType");
        assertThat(r.body()).doesNotContain("110105194912310021");
        Api.Response badNumber = api.as("teller1").get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=110105194912310021");
        assertNamesField(badNumber, "idNumber");
        assertThat(badNumber.body()).doesNotContain("110105194912310021");
        assertNamesField(api.as("teller1").get(CUSTOMERS), "idType");
        assertNamesField(api.as("teller1").get(CUSTOMERS + "/reverification-due?within=abc"), "within");
    }
}
