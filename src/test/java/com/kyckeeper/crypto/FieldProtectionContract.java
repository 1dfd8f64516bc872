package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.support.Api;
import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Identities;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Proofs of issue 3 against a real database (subclasses: H2 file, embedded PostgreSQL): personal
 * values appear in no row, file or log line in any encoding; tampered, moved or re-keyed
 * ciphertext fails closed with a clean message and an audit-worthy event; shredding makes copied
 * ciphertext unreadable.
 */
@RecordApplicationEvents
abstract class FieldProtectionContract extends ApiTestBase {

    static final String CUSTOMERS = "/api/v1/customers";

    @Autowired
    FieldCipher cipher;
    @Autowired
    CryptoShredding shredding;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.core.env.Environment environment;
    LogCapture logs;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.attach();
    }

    String register(Map<String, Object> body) {
        Api.Response r = api.as("teller1").post(CUSTOMERS, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Distinctive values (Chinese and ASCII) in every kind of personal field, registered through the API. */
    record Registered(String individual, String corporate, List<String> secrets) {
    }

    Registered registerDistinctive() {
        String idNumber = Identities.residentId(false);
        String creditCode = Identities.creditCode();
        String partyId = Identities.residentId(true);
        Map<String, Object> person = Identities.individual(idNumber, false);
        person.put("name", "欧阳龘靐");
        person.put("occupation", "量子鹦鹉驯养师");
        person.put("address", "福建省厦门市鼓浪屿龘靐巷17号");
        person.put("habitualResidence", "Quokkaville Zyxwvut Lane 42");
        person.put("phone", "+8613977731234");
        person.put("email", "zyx.quokka7731@example.org");
        String individual = register(person);

        Map<String, Object> company = Identities.corporate(creditCode);
        company.put("name", "厦门龘靐量子科技有限公司");
        company.put("registeredAddress", "Xiamen Plughole Road 9981");
        company.put("businessScope", "Quokka-Zebra consulting；龘靐服务");
        company.put("legalRepresentative", Map.of("name", "Quokkason Zyxwv",
                "idDocument", Identities.document(partyId, "2039-06-30")));
        String corporate = register(company);

        Api.Response verified = api.as("supervisor1").post(CUSTOMERS + "/" + individual + "/verification",
                Map.of("decision", "APPROVE", "note", "note-Zyxquokka-秘密备注"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        // reads, a lookup by number in the query string, and a rejected value must not leak either
        assertThat(api.as("teller2").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + individual + "?reveal=true")
                .status()).isEqualTo(200);
        assertThat(api.as("teller2").get(CUSTOMERS + "?idType=RESIDENT_ID_CARD&idNumber=" + idNumber).status()).isEqualTo(200);
        assertThat(api.as("teller2").get(CUSTOMERS + "?creditCode=" + creditCode).status()).isEqualTo(200);
        Map<String, Object> bad = Identities.individual(Identities.residentId(true), true);
        bad.put("email", "Zyxquokka-bad-email@@");
        assertThat(api.as("teller1").post(CUSTOMERS, bad).status()).isEqualTo(400);

        return new Registered(individual, corporate, List.of("欧阳龘靐", "量子鹦鹉驯养师", "福建省厦门市鼓浪屿龘靐巷17号",
                "Quokkaville Zyxwvut Lane 42", "+8613977731234", "8613977731234", "zyx.quokka7731@example.org",
                idNumber, creditCode, partyId, "厦门龘靐量子科技有限公司", "Xiamen Plughole Road 9981",
                "Quokka-Zebra consulting", "Quokkason Zyxwv", "note-Zyxquokka-秘密备注", "Zyxquokka-bad-email@@"));
    }

    /** Every value of every character column of every table, as one text. */
    String allTextColumns() {
        List<String[]> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = lower(current_schema)
                  and (lower(data_type) like '%char%' or lower(data_type) like '%text%' or lower(data_type) like '%clob%')""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(columns).as("text columns found").hasSizeGreaterThan(20);
        StringBuilder all = new StringBuilder();
        for (String[] c : columns) {
            jdbc.sql("select \"" + c[1] + "\" from \"" + c[0] + "\"").query((rs, i) -> rs.getString(1)).list()
                    .forEach(v -> all.append(v).append('\n'));
        }
        return all.toString();
    }

    /** The raw bytes of the database files, where the vendor keeps them in our data folder (H2). */
    abstract byte[] databaseFiles();

    @Test
    void encryptsUnderTheConfiguredSuite() {
        CryptoSuite suite = CryptoSuite.valueOf(environment.getProperty("kyc.crypto.suite"));
        String id = register(Identities.individual(Identities.residentId(true), true));
        assertThat(jdbc.sql("select distinct suite from data_keys where owner_id in (?, '__blind-index__')").param(id)
                .query(String.class).list()).containsExactly(suite.name());
        assertThat(Base64.getDecoder().decode(column(id, "phone_ct"))[1]).isEqualTo(suite.code());
    }

    @Test
    void noPersonalValueIsStoredOrLoggedInAnyEncoding() {
        Registered r = registerDistinctive();

        String rows = allTextColumns();
        assertThat(rows).as("positive control: the search sees the rows").contains("teller1", r.individual());
        assertThat(Encodings.find(rows, r.secrets())).as("personal values in database rows").isEmpty();

        byte[] files = databaseFiles();
        if (files != null) {
            assertThat(Encodings.indexOf(files, "teller1".getBytes(StandardCharsets.UTF_8)))
                    .as("positive control: the database file is searchable").isNotNegative();
            assertThat(Encodings.indexOf(files, r.individual().getBytes(StandardCharsets.UTF_8))).isNotNegative();
            assertThat(Encodings.find(files, r.secrets())).as("personal values in database files").isEmpty();
        }

        String log = logs.text();
        assertThat(log).as("positive control: the service logged while we worked").isNotEmpty();
        assertThat(Encodings.find(log, r.secrets())).as("personal values in the log").isEmpty();
    }

    @Test
    void noKeyMaterialOrCiphertextInLogs() {
        Registered r = registerDistinctive();
        List<String> secrets = new ArrayList<>();
        jdbc.sql("select wrapped_key from data_keys").query(String.class).list().forEach(secrets::add);
        for (String column : List.of("name_ct", "address_ct", "phone_ct", "doc_number_ct", "credit_code_ct")) {
            jdbc.sql("select " + column + " from customers where id in (?, ?)").params(r.individual(), r.corporate())
                    .query(String.class).list().stream().filter(v -> v != null).forEach(secrets::add);
        }
        assertThat(secrets).hasSizeGreaterThan(5);
        // a decryption failure is logged too: its line must stay free of data
        tamper(r.individual(), "name_ct");
        api.as("teller2").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + r.individual() + "?reveal=true");

        String log = logs.text();
        assertThat(log).contains("DECRYPTION_FAILED");
        for (String secret : secrets) {
            assertThat(log).as("ciphertext or wrapped key in the log").doesNotContain(secret.substring(0, 24));
        }
        assertThat(log).doesNotContainPattern("[A-Za-z0-9+/_-]{40,}");
    }

    @Test
    void tamperedMovedOrReKeyedCiphertextFailsClosedWithADataFreeMessage() {
        String a = register(Identities.individual(Identities.residentId(true), true));
        String b = register(Identities.individual(Identities.residentId(false), false));
        String nameA = column(a, "name_ct");
        String nameB = column(b, "name_ct");
        FieldRef nameOfA = new FieldRef("customers", "name_ct", a);
        assertThat(cipher.decrypt(a, nameOfA, nameA)).isEqualTo("张小三");

        byte[] raw = Base64.getDecoder().decode(nameA);
        byte[] flipped = raw.clone();
        flipped[raw.length - 20] ^= 0x01;
        byte[] rekeyed = raw.clone();
        ByteBuffer.wrap(rekeyed, 2, 4).putInt(7);
        byte[] otherSuite = raw.clone();
        otherSuite[1] = (byte) (raw[1] == 1 ? 2 : 1);
        Map<String, Runnable> attacks = new LinkedHashMap<>();
        attacks.put("tampered byte", () -> cipher.decrypt(a, nameOfA, enc(flipped)));
        attacks.put("tampered header nonce", () -> {
            byte[] n = raw.clone();
            n[8] ^= 0x40;
            cipher.decrypt(a, nameOfA, enc(n));
        });
        attacks.put("copied from another customer's row", () -> cipher.decrypt(a, nameOfA, nameB));
        attacks.put("another customer's row, its own key", () -> cipher.decrypt(b, new FieldRef("customers", "name_ct", a), nameB));
        attacks.put("moved to another column", () -> cipher.decrypt(a, new FieldRef("customers", "address_ct", a), nameA));
        attacks.put("moved to another table", () -> cipher.decrypt(a, new FieldRef("customer_parties", "name_ct", a), nameA));
        attacks.put("wrong key version", () -> cipher.decrypt(a, nameOfA, enc(rekeyed)));
        attacks.put("wrong suite", () -> cipher.decrypt(a, nameOfA, enc(otherSuite)));
        attacks.put("truncated", () -> cipher.decrypt(a, nameOfA, nameA.substring(0, 30)));
        attacks.put("not Base64", () -> cipher.decrypt(a, nameOfA, "%%%not-base64%%%"));

        for (Map.Entry<String, Runnable> attack : attacks.entrySet()) {
            assertThatThrownBy(attack.getValue()::run).as(attack.getKey())
                    .isInstanceOf(DecryptionFailedException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).isNotBlank().doesNotContain("张小三").doesNotContain(nameA.substring(0, 16))
                                .doesNotContain(nameB.substring(0, 16)).doesNotContainPattern("[A-Za-z0-9+/_-]{24,}");
                        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                            assertThat(String.valueOf(c.getMessage())).doesNotContain(nameA.substring(0, 16));
                        }
                    });
        }
        assertThat(events.stream(DecryptionFailed.class)).as("one audit-worthy event per failure")
                .hasSize(attacks.size())
                .allSatisfy(e -> assertThat(e.table() + e.column() + e.reason()).doesNotContain("张小三"));
    }

    @Test
    void tamperedRowOverHttpAnswersAnIntegrityProblemAndIsAudited() {
        String id = register(Identities.individual(Identities.residentId(true), true));
        String original = tamper(id, "address_ct");

        Api.Response r = api.as("teller2").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("type").asString()).endsWith("integrity");
        assertThat(r.body()).doesNotContain("建国路").doesNotContain(original.substring(0, 16));
        assertThat(jdbc.sql("select count(*) from access_events where customer_id = ? and action = 'DECRYPTION_FAILED'"
                + " and outcome = 'FAILED'").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(logs.text()).contains("DECRYPTION_FAILED customers.address_ct record " + id);
    }

    @Test
    void aDecryptionFailureCountsInTheAlertMetricAndLogsAWarningWithoutValues() {
        String id = register(Identities.individual(Identities.residentId(true), true));
        double before = decryptionFailures();
        String original = tamper(id, "phone_ct");
        String stored = jdbc.sql("select phone_ct from customers where id = ?").param(id).query(String.class).single();

        api.as("teller2").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true");

        assertThat(decryptionFailures() - before).isEqualTo(1.0);
        assertThat(meters.get("kyc.decryption.failures").tag("table", "customers").tag("column", "phone_ct").counter()
                .count()).isGreaterThanOrEqualTo(1.0);
        assertThat(logs.text().lines().filter(l -> l.endsWith("ALERT kyc.decryption.failures customers.phone_ct")))
                .singleElement().satisfies(l -> assertThat(l).startsWith("WARN kyc.security "));
        assertThat(logs.text()).doesNotContain(original.substring(0, 16)).doesNotContain(stored.substring(0, 16))
                .doesNotContain("13800138000");
    }

    private double decryptionFailures() {
        return meters.find("kyc.decryption.failures").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void afterShreddingCopiedCiphertextNoLongerDecrypts() {
        String id = register(Identities.corporate(Identities.creditCode()));
        Map<String, Object> backup = jdbc.sql("select name_ct, credit_code_ct, address_ct from customers where id = ?")
                .param(id).query().singleRow();
        List<Map<String, Object>> parties = jdbc.sql("select id, name_ct from customer_parties where customer_id = ?")
                .param(id).query().listOfRows();
        FieldRef name = new FieldRef("customers", "name_ct", id);
        assertThat(cipher.decrypt(id, name, (String) backup.get("name_ct"))).isEqualTo("北京示例科技有限公司");

        shredding.shred(id);

        assertThatThrownBy(() -> cipher.decrypt(id, name, (String) backup.get("name_ct")))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(id, new FieldRef("customers", "credit_code_ct", id),
                (String) backup.get("credit_code_ct"))).isInstanceOf(DecryptionFailedException.class);
        for (Map<String, Object> p : parties) {
            assertThatThrownBy(() -> cipher.decrypt(id, new FieldRef("customer_parties", "name_ct", (String) p.get("id")),
                    (String) p.get("name_ct"))).isInstanceOf(DecryptionFailedException.class);
        }
        assertThat(jdbc.sql("select count(*) from data_keys where owner_id = ?").param(id).query(Long.class).single())
                .isZero();
        // restoring the backed-up row does not bring the data back
        jdbc.sql("update customers set name_ct = ? where id = ?").params(backup.get("name_ct"), id).update();
        assertThat(api.as("teller2").header("X-Access-Purpose", "review").get(CUSTOMERS + "/" + id + "?reveal=true")
                .status()).isEqualTo(500);
    }

    String column(String id, String column) {
        return jdbc.sql("select " + column + " from customers where id = ?").param(id).query(String.class).single();
    }

    /** Flips one ciphertext byte in the stored row; returns the original value. */
    String tamper(String id, String column) {
        String original = column(id, column);
        byte[] raw = Base64.getDecoder().decode(original);
        raw[raw.length - 5] ^= 0x01;
        jdbc.sql("update customers set " + column + " = ? where id = ?").params(enc(raw), id).update();
        return original;
    }

    static String enc(byte[] raw) {
        return Base64.getEncoder().withoutPadding().encodeToString(raw);
    }
}
