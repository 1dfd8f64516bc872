package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances (two Spring contexts, each with its own authentication provider and its own
 * cache of remembered checks) on one PostgreSQL database: failed sign-ins spread over both nodes lock
 * the user on both, also where its credentials are remembered, and an unlock on one node holds on the other.
 */
class LoginLockoutClusterTest {

    static final String PROBE = "/api/v1/customers/reverification-due";

    @Test
    void failuresOnBothNodesLockTheUserEverywhereAndAnUnlockOnOneNodeHoldsOnTheOther() throws Exception {
        String url = PostgresServer.get().createDatabase("kyc_lockout_" + System.nanoTime() % 1_000_000);
        Path dataDir = Files.createTempDirectory("kyc-lockout-cluster"); // one KEK (and index key) for both nodes
        try (ConfigurableApplicationContext a = node(url, dataDir);
             ConfigurableApplicationContext b = node(url, dataDir)) {
            Api nodeA = api(a);
            Api nodeB = api(b);
            // both nodes remember teller1's successful check
            assertThat(nodeA.as("teller1").get(PROBE).status()).isEqualTo(200);
            assertThat(nodeB.as("teller1").get(PROBE).status()).isEqualTo(200);

            // five failures in all (policies/login.yml), never more than three on one node
            for (int i = 0; i < 5; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                assertThat(node.as("teller1").password("not-the-password-" + i).get(PROBE).status()).isEqualTo(401);
            }

            assertThat(nodeA.as("teller1").get(PROBE).status()).as("locked on node A").isEqualTo(401);
            assertThat(nodeB.as("teller1").get(PROBE).status())
                    .as("locked on node B, although B remembers the right password").isEqualTo(401);
            Api.Response listed = nodeB.as("admin1").get("/api/v1/admin/users/teller1");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).as("node B's admin view shows the lock").contains("\"lockedUntil\":\"");
            assertThat(nodeA.as("teller2").get(PROBE).status()).as("other users are not locked").isEqualTo(200);

            Api.Response unlocked = nodeA.as("admin1").post("/api/v1/admin/users/teller1/unlock", Map.of());
            assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);

            assertThat(nodeB.as("teller1").get(PROBE).status()).as("unlocked on node B").isEqualTo(200);
            assertThat(nodeA.as("teller1").get(PROBE).status()).as("unlocked on node A").isEqualTo(200);
            // the unlock also forgot the counted failures: four more on node B do not lock
            for (int i = 0; i < 4; i++) {
                assertThat(nodeB.as("teller1").password("still-wrong-" + i).get(PROBE).status()).isEqualTo(401);
            }
            assertThat(nodeA.as("teller1").get(PROBE).status()).isEqualTo(200);
        }
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    private static ConfigurableApplicationContext node(String url, Path dataDir) {
        return new SpringApplicationBuilder(KycKeeperApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--kyc.data-dir=" + dataDir,
                        "--KYC_DEMO_PASSWORD=" + Databases.PASSWORD);
    }
}
