package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rotates the DEKs, the index key and the master key while tellers keep registering, reading and
 * looking up customers; afterwards every record decrypts to what was registered and every lookup
 * still finds its customer. Small batches with a pause so that traffic really interleaves.
 */
// a load test: its lookups are traffic, not enumeration (policies/lookup.yml limits a person)
@org.springframework.test.context.TestPropertySource(properties = {"kyc.lookup.per-minute=100000", "kyc.lookup.per-day=10000000"})
class KeyRotationUnderTrafficTest extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";
    static final String ROTATIONS = "/api/v1/admin/keys/rotations";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("kyc.crypto.rotation.batch-size", () -> "5");
        registry.add("kyc.crypto.rotation.pause-millis", () -> "100");
    }

    /** What was registered: id, document number, name. */
    record Known(String id, String idNumber, String creditCode) {
    }

    final List<Known> known = new CopyOnWriteArrayList<>();
    final List<String> trafficFailures = new CopyOnWriteArrayList<>();
    final AtomicInteger trafficCalls = new AtomicInteger();

    Known registerOne(int i) {
        if (i % 3 == 0) {
            String code = Identities.creditCode();
            Api.Response r = api.as("teller1").post(CUSTOMERS, Identities.corporate(code));
            return r.status() == 201 ? new Known(r.json().get("id").asString(), null, code) : fail("register", r);
        }
        String number = Identities.residentId(i % 2 == 0);
        Api.Response r = api.as("teller1").post(CUSTOMERS, Identities.individual(number, i % 2 == 0));
        return r.status() == 201 ? new Known(r.json().get("id").asString(), number, null) : fail("register", r);
    }

    Known fail(String what, Api.Response r) {
        trafficFailures.add(what + " -> " + r.status() + " " + r.body());
        return null;
    }

    void checkOne(Known k) {
        Api.Response r = api.as("teller2").header("X-Access-Purpose", "rotation check")
                .get(CUSTOMERS + "/" + k.id() + "?reveal=true");
        if (r.status() != 200) {
            fail("reveal", r);
            return;
        }
        JsonNode c = r.json();
        String stored = k.idNumber() != null ? c.get("idDocument").get("number").asString()
                : c.get("unifiedSocialCreditCode").asString();
        if (!stored.equals(k.idNumber() != null ? k.idNumber() : k.creditCode())) {
            trafficFailures.add("reveal of " + k.id() + " answered another number");
        }
        Api.Response found = k.idNumber() != null
                ? api.as("teller2").get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + k.idNumber())
                : api.as("teller2").get(CUSTOMERS + "?creditCode=" + k.creditCode());
        if (found.status() != 200 || found.json().size() != 1 || !found.json().get(0).get("id").asString().equals(k.id())) {
            fail("lookup", found);
        }
    }

    JsonNode rotate(String kind) {
        Api.Response started = api.as("admin1").post(ROTATIONS, Map.of("kind", kind));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        assertThat(started.header("Location")).isEqualTo(ROTATIONS + "/" + id);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode status = started.json();
        Api.Response second = api.as("admin1").post(ROTATIONS, Map.of("kind", "INDEX"));
        assertThat(second.status()).as("one rotation at a time").isEqualTo(409);
        boolean sawRunning = false;
        while (status.get("state").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            sawRunning = true;
            sleep(100);
            Api.Response r = api.as("admin1").get(ROTATIONS + "/" + id);
            assertThat(r.status()).isEqualTo(200);
            status = r.json();
        }
        assertThat(sawRunning).as("the rotation ran while traffic went on").isTrue();
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.get("failures").asLong()).isZero();
        return status;
    }

    @Test
    void rotatesEveryKeyOnlineWhileReadsAndWritesContinue() throws Exception {
        for (int i = 0; i < 15; i++) {
            known.add(registerOne(i));
        }
        List<Known> before = new ArrayList<>(known);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            int i = 100;
            while (running.get()) {
                Known k = registerOne(i++);
                if (k != null) {
                    known.add(k);
                }
                checkOne(known.get(ThreadLocalRandom.current().nextInt(known.size())));
                trafficCalls.addAndGet(3);
                // paced so that new customers arrive slower than a rotation works through them,
                // even on a loaded machine: otherwise a rotation never catches up
                sleep(150);
            }
        });
        traffic.start();
        try {
            JsonNode dek = rotate("DEK");
            assertThat(dek.get("processed").asLong()).isGreaterThanOrEqualTo(before.size());
            rotate("INDEX");
            rotate("KEK");
        } finally {
            running.set(false);
            traffic.join();
        }

        assertThat(trafficCalls.get()).as("traffic ran during the rotations").isGreaterThanOrEqualTo(12);
        assertThat(trafficFailures).as("failed calls during rotation").isEmpty();
        for (Known k : known) {
            checkOne(k);
        }
        assertThat(trafficFailures).as("records that no longer decrypt or are no longer found").isEmpty();

        // DEK: every customer registered before the rotation now has data key version 2 and its fields use it
        for (Known k : before) {
            assertThat(jdbc.sql("select max(key_version) from data_keys where owner_id = ?").param(k.id())
                    .query(Integer.class).single()).isEqualTo(2);
            String name = jdbc.sql("select name_ct from customers where id = ?").param(k.id()).query(String.class).single();
            assertThat(ByteBuffer.wrap(Base64.getDecoder().decode(name), 2, 4).getInt()).isEqualTo(2);
        }
        // INDEX: only the new index key is left
        assertThat(jdbc.sql("select key_version from data_keys where owner_id = '__blind-index__'").query(Integer.class).list())
                .containsExactly(2);
        // KEK: every data key is wrapped under the new master key
        assertThat(jdbc.sql("select distinct kek_id from data_keys").query(String.class).list()).containsExactly("kyc-kek-v2");
        assertThat(jdbc.sql("select count(*) from access_events where action = 'KEY_ROTATION_START' and actor = 'admin1'")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void onlySecurityAdminsRotateAndTheKindIsChecked() {
        Api.Response teller = api.as("teller1").post(ROTATIONS, Map.of("kind", "DEK"));
        assertThat(teller.status()).isEqualTo(403);
        assertThat(api.as("compliance1").get(ROTATIONS).status()).isEqualTo(403);
        Api.Response bad = api.as("admin1").post(ROTATIONS, Map.of("kind", "EVERYTHING"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(api.as("admin1").get(ROTATIONS + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as("admin1").get(ROTATIONS).status()).isEqualTo(200);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
