package com.kyckeeper.crypto;

import static com.kyckeeper.support.CashRequests.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Key rotation reaches every ciphertext column of the schema (read from the database, so a new
 * {@code *_ct} column without rotation fails here), a DEK rotation leaves no value on an old key
 * version and destroys those versions, and an INDEX rotation moves the sign-in lockouts to the new
 * index key: a locked account stays locked.
 */
@TestPropertySource(properties = "kyc.crypto.rotation.retire-after=PT0S")
abstract class KeyRotationCoverageContract extends ApiTestBase {

    private static final String ROTATIONS = "/api/v1/admin/keys/rotations";

    @Autowired
    DataSource dataSource;
    @Autowired
    List<EncryptedRecords> records;

    @Test
    void everyCiphertextColumnOfTheSchemaIsCoveredByKeyRotation() throws SQLException {
        TreeSet<String> covered = new TreeSet<>();
        records.forEach(r -> covered.addAll(r.encryptedColumns()));
        assertThat(ciphertextColumns()).isNotEmpty().allSatisfy(c -> assertThat(covered).as("rotated columns").contains(c));
    }

    @Test
    void aDataKeyRotationMovesEveryCiphertextToTheNewVersionAndDestroysTheOldOnes() throws SQLException {
        String customer = registerVerified();
        Api.Response withSource = api.as("teller1").post("/api/v1/cash-transactions",
                withPurpose(tx(customer, "DEPOSIT", "1000.00", "CNY", "2026-11-03T10:00:00+08:00")));
        assertThat(withSource.status()).as(withSource.body()).isEqualTo(201);
        Map<String, Object> large = tx(customer, "DEPOSIT", "60000.00", "CNY", "2026-11-03T11:00:00+08:00");
        large.put("sourceOfFunds", null);
        Api.Response opened = api.as("teller1").post("/api/v1/cash-transactions", large);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("caseId").asString();
        Api.Response resolved = api.as("compliance2").post("/api/v1/due-diligence/cases/" + caseId + "/resolution",
                Map.of("decision", "CLEARED", "actions", List.of("FUNDS_SOURCE_OBTAINED"), "sourceOfFunds", "房屋出售款",
                        "purpose", "购房", "note", "sale contract seen"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        int before = maxVersion(customer);
        assertThat(values()).as("ciphertexts before").isNotEmpty().allSatisfy(v -> assertThat(version(v)).isLessThanOrEqualTo(before));

        rotate("DEK");

        assertThat(jdbc.sql("select key_version from data_keys where owner_id = ?").param(customer)
                .query(Integer.class).list()).as("only the new data key version is left").containsExactly(before + 1);
        for (String value : values()) {
            assertThat(version(value)).as("every ciphertext uses the new version").isGreaterThan(before);
        }
        Api.Response revealed = api.as("teller2").header("X-Access-Purpose", "rotation check")
                .get("/api/v1/customers/" + customer + "?reveal=true");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        Api.Response cash = api.as("compliance1").get("/api/v1/cash-transactions/" + withSource.json().get("id").asString());
        assertThat(cash.status()).as(cash.body()).isEqualTo(200);
    }

    @Test
    void anIndexRotationKeepsALockedAccountLockedUnderTheNewIndexKey() {
        for (int i = 0; i < 5; i++) {
            api.as("compliance2").password("wrong-password-" + i).get("/api/v1/due-diligence/cases");
        }
        assertThat(api.as("compliance2").get("/api/v1/due-diligence/cases").status()).as("locked").isEqualTo(401);
        List<String> keysBefore = jdbc.sql("select name_key from login_lockouts").query(String.class).list();

        rotate("INDEX");

        assertThat(jdbc.sql("select count(*) from data_keys where owner_id = '__blind-index__'").query(Long.class).single())
                .as("the old index key is destroyed").isEqualTo(1);
        assertThat(api.as("compliance2").get("/api/v1/due-diligence/cases").status()).as("still locked").isEqualTo(401);
        assertThat(jdbc.sql("select name_key from login_lockouts").query(String.class).list())
                .as("the lockout row moved to the new key").doesNotContainAnyElementsOf(keysBefore);
        assertThat(api.as("compliance1").get("/api/v1/due-diligence/cases").status()).isEqualTo(200);
    }

    @Test
    void theRotationListIsPagedAndRefusesAnOversizedPage() {
        rotate("KEK");
        rotate("KEK");
        Api.Response first = api.as("admin1").get(ROTATIONS + "?page=0&size=1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().size()).isEqualTo(1);
        Api.Response second = api.as("admin1").get(ROTATIONS + "?page=1&size=1");
        assertThat(second.json().size()).isEqualTo(1);
        assertThat(second.json().get(0).get("id").asString()).isNotEqualTo(first.json().get(0).get("id").asString());
        assertThat(api.as("admin1").get(ROTATIONS).json().size()).as("default page as before").isGreaterThanOrEqualTo(2);
        for (String bad : List.of("size=101", "size=0", "page=-1")) {
            Api.Response r = api.as("admin1").get(ROTATIONS + "?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    private String registerVerified() {
        Api.Response r = api.as("teller1").post("/api/v1/customers", Identities.individual(Identities.residentId(true), true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        Api.Response v = api.as("supervisor1").post("/api/v1/customers/" + id + "/verification",
                Map.of("decision", "APPROVE", "note", "original ID card seen"));
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> withPurpose(Map<String, Object> tx) {
        tx.put("purpose", "日常经营");
        return tx;
    }

    private void rotate(String kind) {
        Api.Response started = api.as("admin1").post(ROTATIONS, Map.of("kind", kind));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode status = started.json();
        while (status.get("state").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            sleep(100);
            status = api.as("admin1").get(ROTATIONS + "/" + id).json();
        }
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.get("failures").asLong()).isZero();
    }

    /** Every {@code table.column} of the schema whose name ends in {@code _ct}. */
    private List<String> ciphertextColumns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                if (column.endsWith("_ct") && !schema.equals("information_schema") && !schema.equals("pg_catalog")) {
                    columns.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT) + "." + column);
                }
            }
        }
        return columns;
    }

    /** Every stored ciphertext of every {@code *_ct} column. */
    private List<String> values() throws SQLException {
        List<String> values = new ArrayList<>();
        for (String tc : ciphertextColumns()) {
            String table = tc.substring(0, tc.indexOf('.'));
            String column = tc.substring(tc.indexOf('.') + 1);
            values.addAll(jdbc.sql("select " + column + " from " + table + " where " + column + " is not null")
                    .query(String.class).list());
        }
        return values;
    }

    private int maxVersion(String owner) {
        return jdbc.sql("select max(key_version) from data_keys where owner_id = ?").param(owner).query(Integer.class).single();
    }

    /** The data key version in a ciphertext's header (format byte, suite byte, 4-byte version). */
    private static int version(String ciphertext) {
        byte[] head = Base64.getDecoder().decode(ciphertext.substring(0, 8));
        return java.nio.ByteBuffer.wrap(head, 2, 4).getInt();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
