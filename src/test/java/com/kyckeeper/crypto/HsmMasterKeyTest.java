package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The registry with its master key inside a real PKCS#11 token (SoftHSM2 through SunPKCS11): data
 * keys are wrapped in the token, no development keystore exists, and a KEK rotation creates the new
 * master key in the token too.
 */
class HsmMasterKeyTest extends ApiTestBase {

    static SoftHsm hsm;
    static Path dataDir;

    @BeforeAll
    static void token() throws Exception {
        hsm = SoftHsm.initToken("kyc-kek");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        dataDir = Databases.h2(registry);
        registry.add("kyc.crypto.pkcs11.library", () -> hsm.library);
        registry.add("kyc.crypto.pkcs11.slot", () -> hsm.slot);
        registry.add("KYC_HSM_PIN", () -> SoftHsm.PIN);
    }

    @Test
    void registersAndRevealsWithTheMasterKeyInTheToken() {
        String number = Identities.residentId(true);
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(number, true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String code = Identities.creditCode();
        Api.Response corp = api.as("teller1").post("/api/v1/customers", Identities.corporate(code));
        assertThat(corp.status()).isEqualTo(201);

        Api.Response full = api.as("teller2").header("X-Access-Purpose", "hsm check").get("/api/v1/customers/" + id + "?reveal=true");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("idDocument").get("number").asString()).isEqualTo(number);
        assertThat(full.json().get("name").asString()).isEqualTo("张小三");
        assertThat(jdbc.sql("select distinct kek_id from data_keys").query(String.class).list()).containsExactly("kyc-kek");
        assertThat(dataDir.resolve("keys/dev-kek.p12")).as("no development keystore beside the HSM").doesNotExist();

        // KEK rotation: a new master key generated inside the token, every data key re-wrapped under it
        Api.Response started = api.as("admin1").post("/api/v1/admin/keys/rotations", Map.of("kind", "KEK"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = started.json();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (status.get("state").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            KeyRotationUnderTrafficTest.sleep(100);
            status = api.as("admin1").get("/api/v1/admin/keys/rotations/" + status.get("id").asString()).json();
        }
        assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select distinct kek_id from data_keys").query(String.class).list()).containsExactly("kyc-kek-v2");
        Api.Response again = api.as("teller2").header("X-Access-Purpose", "hsm check")
                .get("/api/v1/customers/" + corp.json().get("id").asString() + "?reveal=true");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unifiedSocialCreditCode").asString()).isEqualTo(code);
    }
}
