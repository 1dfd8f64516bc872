package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With every pool connection taken, a request answers 503 with Retry-After within about the pool's
 * connection timeout (1 s here), as problem+json for the API and a page for the UI, and the service
 * answers normally again once connections come back.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.connection-timeout=1000"})
abstract class PoolExhaustionContract extends ApiTestBase {

    private static final long BOUND_MILLIS = 8_000;

    @Autowired
    DataSource dataSource;

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterQuicklyOnApiAndPagesThenRecovers() throws Exception {
        WebSession page = new WebSession(port).login("auditor1", Databases.PASSWORD);
        assertThat(api.as("auditor1").get("/api/v1/audit/retention").status()).isEqualTo(200);
        List<Connection> held = takeAll();
        try {
            for (String user : List.of("auditor1", "compliance2")) { // signed in before, and never
                long t0 = System.nanoTime();
                Api.Response r = api.as(user).get("/api/v1/audit/retention");
                assertThat(millisSince(t0)).as(user).isLessThan(BOUND_MILLIS);
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isEqualTo("5");
                assertThat(r.json().get("type").asString()).isEqualTo("urn:kyc-keeper:problem:unavailable");
                assertThat(r.body()).doesNotContain("Exception", "jdbc:", "HikariPool");
            }
            long t0 = System.nanoTime();
            HttpResponse<String> html = page.get("/audit/access-log");
            assertThat(millisSince(t0)).isLessThan(BOUND_MILLIS);
            assertThat(html.statusCode()).isEqualTo(503);
            assertThat(html.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(html.body()).doesNotContain("Exception", "HikariPool");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(api.as("auditor1").get("/api/v1/audit/retention").status()).isEqualTo(200);
        assertThat(page.get("/audit/access-log").statusCode()).isEqualTo(200);
    }

    /** Every connection of the pool, waiting out the sealer's and scheduler's short uses of one. */
    private List<Connection> takeAll() throws SQLException {
        int max = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        long until = System.nanoTime() + 30_000_000_000L;
        while (held.size() < max && System.nanoTime() < until) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                // a background job holds one for a moment; ask again
            }
        }
        assertThat(held).hasSize(max);
        return held;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
