package com.kyckeeper.customer;

import com.kyckeeper.crypto.EncryptedRecords;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells key rotation where a customer's ciphertext and blind indexes live (customers, related
 * parties, version snapshots). Locks the customer row first, like every change does, so a
 * concurrent change waits for the batch and then sees the re-encrypted row.
 */
@Component
class CustomerEncryptedRecords implements EncryptedRecords {

    static final List<String> CUSTOMER_COLUMNS = List.of("name_ct", "gender_ct", "nationality_ct", "occupation_ct",
            "address_ct", "habitual_residence_ct", "phone_ct", "email_ct", "business_scope_ct", "credit_code_ct",
            "legacy_org_code_ct", "legacy_tax_number_ct", "doc_number_ct", "licence_name_ct", "licence_number_ct",
            "customer_source_ct", "industry_ct", "verification_note_ct");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final CustomerCodec codec;

    CustomerEncryptedRecords(JdbcClient jdbc, FieldCipher cipher, CustomerCodec codec) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.codec = codec;
    }

    @Override
    public java.util.Set<String> encryptedColumns() {
        java.util.Set<String> columns = new java.util.TreeSet<>();
        CUSTOMER_COLUMNS.forEach(c -> columns.add(CustomerCodec.CUSTOMERS + "." + c));
        columns.add(CustomerCodec.PARTIES + ".name_ct");
        columns.add(CustomerCodec.PARTIES + ".doc_number_ct");
        columns.add(CustomerCodec.VERSIONS + ".snapshot_ct");
        return columns;
    }

    @Override
    public int reencrypt(String owner, FieldRewriter rewrite) {
        Optional<Map<String, Object>> row = lock(owner, String.join(", ", CUSTOMER_COLUMNS));
        if (row.isEmpty()) {
            return 0;
        }
        int n = 0;
        Map<String, Object> updated = new LinkedHashMap<>();
        for (String column : CUSTOMER_COLUMNS) {
            if (value(row.get(), column) instanceof String ct) {
                updated.put(column, rewrite.apply(new FieldRef(CustomerCodec.CUSTOMERS, column, owner), ct));
            }
        }
        if (!updated.isEmpty()) {
            StringBuilder sql = new StringBuilder("update customers set ");
            updated.keySet().forEach(c -> sql.append(c).append(" = :").append(c).append(", "));
            sql.setLength(sql.length() - 2);
            var spec = jdbc.sql(sql.append(" where id = :id").toString()).param("id", owner);
            for (var e : updated.entrySet()) {
                spec = spec.param(e.getKey(), e.getValue());
            }
            n += spec.update() * updated.size();
        }
        for (Map<String, Object> party : jdbc.sql("select id, name_ct, doc_number_ct from customer_parties where customer_id = :id")
                .param("id", owner).query().listOfRows()) {
            String id = (String) value(party, "id");
            jdbc.sql("update customer_parties set name_ct = :name, doc_number_ct = :doc where id = :id")
                    .param("name", rewrite.apply(new FieldRef(CustomerCodec.PARTIES, "name_ct", id), (String) value(party, "name_ct")))
                    .param("doc", rewrite.apply(new FieldRef(CustomerCodec.PARTIES, "doc_number_ct", id),
                            (String) value(party, "doc_number_ct")))
                    .param("id", id).update();
            n += 2;
        }
        for (Map<String, Object> version : jdbc.sql("select version, snapshot_ct from customer_versions where customer_id = :id")
                .param("id", owner).query().listOfRows()) {
            long v = ((Number) value(version, "version")).longValue();
            jdbc.sql("update customer_versions set snapshot_ct = :ct where customer_id = :id and version = :v")
                    .param("ct", rewrite.apply(new FieldRef(CustomerCodec.VERSIONS, "snapshot_ct", owner + "#" + v),
                            (String) value(version, "snapshot_ct")))
                    .param("id", owner).param("v", v).update();
            n++;
        }
        return n;
    }

    @Override
    public int reindex(String owner) {
        Optional<Map<String, Object>> row = lock(owner, "doc_type, doc_number_ct, credit_code_ct");
        if (row.isEmpty()) {
            return 0;
        }
        int n = 0;
        if (value(row.get(), "doc_type") instanceof String type && value(row.get(), "doc_number_ct") instanceof String ct) {
            String number = cipher.decrypt(owner, new FieldRef(CustomerCodec.CUSTOMERS, "doc_number_ct", owner), ct);
            n += jdbc.sql("update customers set doc_number_bidx = :b where id = :id")
                    .param("b", codec.documentIndex(DocumentType.valueOf(type), number)).param("id", owner).update();
        }
        if (value(row.get(), "credit_code_ct") instanceof String ct) {
            String code = cipher.decrypt(owner, new FieldRef(CustomerCodec.CUSTOMERS, "credit_code_ct", owner), ct);
            n += jdbc.sql("update customers set credit_code_bidx = :b where id = :id")
                    .param("b", codec.creditCodeIndex(code)).param("id", owner).update();
        }
        for (Map<String, Object> party : jdbc.sql("select id, doc_type, doc_number_ct from customer_parties where customer_id = :id")
                .param("id", owner).query().listOfRows()) {
            String id = (String) value(party, "id");
            String number = cipher.decrypt(owner, new FieldRef(CustomerCodec.PARTIES, "doc_number_ct", id),
                    (String) value(party, "doc_number_ct"));
            n += jdbc.sql("update customer_parties set doc_number_bidx = :b where id = :id")
                    .param("b", codec.documentIndex(DocumentType.valueOf((String) value(party, "doc_type")), number))
                    .param("id", id).update();
        }
        return n;
    }

    private Optional<Map<String, Object>> lock(String owner, String columns) {
        return jdbc.sql("select " + columns + " from customers where id = :id for update").param("id", owner)
                .query().listOfRows().stream().findFirst();
    }

    /** Column values by name, whatever case the database reports them in. */
    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
