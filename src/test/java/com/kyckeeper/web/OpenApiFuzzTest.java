package com.kyckeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A property-based fuzzer over the service's own OpenAPI document: every operation, every role, a few
 * thousand bounded requests with malformed bodies, boundary numbers, hostile strings, path traversal in ids
 * and huge pages. Whatever is sent, the answer is never a 5xx, never hangs, an API error is always
 * problem+json, and a personal value sent in is never echoed back in an error. Seeded, so a failure repeats:
 * {@code -Dkyc.fuzz.seed=… -Dkyc.fuzz.requests=…}. Runs on its own database: it really rotates keys and
 * creates accounts.
 */
class OpenApiFuzzTest extends ApiTestBase {

    static final long SEED = Long.getLong("kyc.fuzz.seed", 20261204L);
    static final int REQUESTS = Integer.getInteger("kyc.fuzz.requests", 5000);
    static final String[] USERS = {"teller1", "supervisor1", "compliance1", "auditor1", "admin1", null};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Test
    void noOperationAnswersAServerErrorAHangOrAnErrorThatIsNotProblemJson() {
        JsonNode doc = api.anonymous().get("/v3/api-docs").json();
        List<FuzzOperation> operations = FuzzOperation.all(doc);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
        FuzzValues values = new FuzzValues(new Random(SEED), doc, registeredCustomer());

        Map<String, String> failures = new TreeMap<>();
        int answered2xx = 0;
        int sent = 0;
        for (int i = 0; i < REQUESTS; i++) {
            FuzzOperation op = operations.get(i % operations.size());
            String user = USERS[values.random().nextInt(USERS.length)];
            FuzzRequest request = op.sample(values);
            Api.Response r;
            try {
                r = request.send(user == null ? api.anonymous() : api.as(user));
            } catch (IllegalArgumentException clientRefused) {
                continue; // java.net.http refused to send it (a header it considers illegal): nothing reached the service
            } catch (UncheckedIOException e) {
                failures.putIfAbsent(op.key() + " as " + user, "no answer: " + e.getCause().getClass().getSimpleName()
                        + " for " + request);
                continue;
            }
            sent++;
            String problem = FuzzRequest.problemWith(r, request);
            if (problem != null) {
                failures.putIfAbsent(op.key() + " as " + user + " → " + r.status(), problem + " for " + request);
            }
            if (r.status() / 100 == 2) {
                answered2xx++;
            }
        }
        assertThat(sent).as("requests that reached the service").isGreaterThan(REQUESTS * 9 / 10);
        assertThat(answered2xx).as("requests the service accepted: the fuzzer reaches real behaviour").isGreaterThan(50);
        assertThat(failures).as("operations answering badly (first sample of each)").isEmpty();
    }

    private String registeredCustomer() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Map.of(
                "type", "INDIVIDUAL", "name", "张三", "gender", "FEMALE", "nationality", "CHN",
                "occupation", "工程师", "address", "北京市朝阳区建国路88号", "phone", "+8613800138000",
                "idDocument", Map.of("type", "RESIDENT_ID_CARD", "number", FuzzValues.ID_NUMBER,
                        "issuedOn", "2020-01-01", "expiresOn", "2040-01-01", "longTerm", false)));
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        List<String> ids = new ArrayList<>();
        api.as("teller1").get("/api/v1/customers?idType=RESIDENT_ID_CARD&idNumber=" + FuzzValues.ID_NUMBER)
                .json().findValues("id").forEach(n -> ids.add(n.asString()));
        assertThat(ids).isNotEmpty();
        return ids.getFirst();
    }
}
