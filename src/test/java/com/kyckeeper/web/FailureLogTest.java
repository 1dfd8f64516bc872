package com.kyckeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.ui.FailingPageForTests;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An unexpected failure is logged with its route, request id and exception class chain, never with
 * the exception's message or stack trace: a JDBC driver quotes the rejected value, here a resident
 * id number. Provoked through real requests (an API route and a UI page, test-only controllers whose
 * real database query fails) and checked on the service's real console log output.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import({FailureLogTest.FailingApi.class, FailingPageForTests.class})
class FailureLogTest extends ApiTestBase {

    /** A well-formed resident id number (GB 11643 sample), for the driver to quote; not a real person. */
    static final String RESIDENT_ID = "11010519491231002X";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @RestController
    static class FailingApi {
        static final AtomicReference<RuntimeException> LAST = new AtomicReference<>();
        private final JdbcClient jdbc;

        FailingApi(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/test-only/failures/{value}")
        String fail(@PathVariable String value) {
            try {
                return String.valueOf(jdbc.sql("select cast(? as integer) from app_users").param(value)
                        .query(Integer.class).list());
            } catch (RuntimeException e) {
                LAST.set(e);
                throw e;
            }
        }
    }

    @Test
    void anUnexpectedApiFailureIsLoggedWithClassNamesAndRequestIdButNotTheValueAndAnswersWithoutDetails(
            CapturedOutput output) {
        String requestId = "log-test-" + UUID.randomUUID();
        Api.Response r = api.as("teller1").header("X-Request-Id", requestId)
                .get("/api/v1/test-only/failures/" + RESIDENT_ID);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(r.json().get("detail").asString()).isEqualTo("The request failed; it has been logged under its request id");
        assertThat(r.json().get("instance").asString()).isEqualTo("urn:kyc-keeper:request:" + requestId);
        assertThat(r.body()).doesNotContain(RESIDENT_ID).doesNotContain("Exception").doesNotContain("select");

        // positive control: the failure really carries the value (the driver quotes it)
        RuntimeException failure = FailingApi.LAST.get();
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(RESIDENT_ID);

        String line = logLine(output, requestId);
        assertThat(line).contains("Unexpected failure in GET /api/v1/test-only/failures/{value}")
                .contains(failure.getClass().getName())
                .contains(failure.getCause().getClass().getName());
        assertThat(output.getAll()).doesNotContain(RESIDENT_ID).doesNotContain("cast(? as integer)")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedPageFailureIsLoggedWithClassNamesAndRequestIdButNotTheValue(CapturedOutput output) {
        String requestId = "log-test-" + UUID.randomUUID();
        Api.Response r = api.as("teller1").header("X-Request-Id", requestId)
                .get("/test-only/failing-page?value=" + RESIDENT_ID);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).doesNotContain(RESIDENT_ID).doesNotContain("Exception");

        RuntimeException failure = FailingPageForTests.LAST.get();
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(RESIDENT_ID);

        String line = logLine(output, requestId);
        assertThat(line).contains("Unexpected failure in GET /test-only/failing-page")
                .contains(failure.getClass().getName())
                .contains(failure.getCause().getClass().getName())
                .contains("com.kyckeeper.ui.FailingPageForTests.fail:");
        assertThat(output.getAll()).doesNotContain(RESIDENT_ID).doesNotContain("cast(? as integer)")
                .doesNotContain("\tat ");
    }

    /** The one ERROR line naming the request id (in the message, not only in the MDC pattern). */
    private static String logLine(CapturedOutput output, String requestId) {
        return output.getAll().lines().filter(l -> l.contains("ERROR") && l.contains("[request " + requestId + "]"))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one line for " + requestId + ":\n" + a + "\n" + b);
                })
                .orElseThrow(() -> new AssertionError("no ERROR line with request " + requestId + " in:\n"
                        + output.getAll()));
    }
}
