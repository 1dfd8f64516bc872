package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET route the service maps (read from the handler mapping, so a new one is covered too),
 * called three times by every demo role (API with Basic, pages with a signed-in session): after
 * each, the pool's active connections return to the idle baseline. A stream left open keeps its
 * connection, which this sees as a count that never comes back.
 */
abstract class ConnectionReleaseContract extends ApiTestBase {

    private static final List<String> ROLES = List.of("teller1", "supervisor1", "compliance1", "auditor1", "admin1");
    private static final int CALLS = 3;

    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyGetEndpointReturnsItsConnectionsToThePoolForEveryRole() throws SQLException {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        Api.Response registered = api.as("teller1").post("/api/v1/customers",
                Identities.individual(Identities.residentId(true), true));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String customer = registered.json().get("id").asString();
        int baseline = idle(pool, 0);

        List<String> paths = getRoutes(customer);
        assertThat(paths).contains("/api/v1/admin/keys/rotations", "/admin/keys", "/api/v1/audit/integrity");
        List<String> leaks = new ArrayList<>();
        for (String user : ROLES) {
            WebSession page = new WebSession(port).login(user, Databases.PASSWORD);
            for (String path : paths) {
                for (int i = 0; i < CALLS; i++) {
                    int status = path.startsWith("/api/") ? api.as(user).get(path).status()
                            : page.get(path).statusCode();
                    assertThat(status).as("GET %s as %s", path, user).isLessThan(500);
                }
                if (idle(pool, baseline) > baseline) {
                    leaks.add("GET " + path + " as " + user);
                    break; // the pool is leaking: later counts would blame the wrong route
                }
            }
        }
        assertThat(leaks).as("routes that keep a connection").isEmpty();
    }

    /** The active count once nothing runs (polls past the sealer's and scheduler's short transactions). */
    private static int idle(HikariPoolMXBean pool, int baseline) {
        long until = System.nanoTime() + 3_000_000_000L;
        int active = pool.getActiveConnections();
        while (active > baseline && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return active;
            }
            active = pool.getActiveConnections();
        }
        return active;
    }

    private List<String> getRoutes(String customer) {
        TreeSet<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/login") || pattern.contains("/error")) {
                    continue;
                }
                boolean ofCustomer = pattern.startsWith("/customers/") || pattern.startsWith("/api/v1/customers/");
                paths.add(pattern.replace("{username}", "teller1").replace("{date}", "2026-11-20")
                        .replace("{id}", ofCustomer ? customer : UUID.randomUUID().toString())
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
            }
        });
        return List.copyOf(paths);
    }
}
