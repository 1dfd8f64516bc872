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

    /** The customers row's ciphertext columns, straight from {@link CustomerColumn}: rotation cannot miss one. */
    static final List<String> CUSTOMER_COLUMNS = CustomerColumn.ofCustomerRow().stream().map(c -> c.column).toList();

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final CustomerCipher fields;

    CustomerEncryptedRecords(JdbcClient jdbc, FieldCipher cipher, CustomerCipher fields) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.fields = fields;
    }

    @Override
    public java.util.Set<String> encryptedColumns() {
        return CustomerColumn.qualifiedNames();
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
                updated.put(column, rewrite.apply(new FieldRef(CustomerColumn.Table.CUSTOMERS.sqlName, column, owner), ct));
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
                    .param("name", rewrite.apply(CustomerCipher.partyField(CustomerColumn.PARTY_NAME, id), (String) value(party, "name_ct")))
                    .param("doc", rewrite.apply(CustomerCipher.partyField(CustomerColumn.PARTY_DOC_NUMBER, id),
                            (String) value(party, "doc_number_ct")))
                    .param("id", id).update();
            n += 2;
        }
        for (Map<String, Object> version : jdbc.sql("select version, snapshot_ct from customer_versions where customer_id = :id")
                .param("id", owner).query().listOfRows()) {
            long v = ((Number) value(version, "version")).longValue();
            jdbc.sql("update customer_versions set snapshot_ct = :ct where customer_id = :id and version = :v")
                    .param("ct", rewrite.apply(CustomerSnapshots.field(owner, v),
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
            String number = fields.decrypt(owner, CustomerColumn.DOC_NUMBER, ct);
            n += jdbc.sql("update customers set doc_number_bidx = :b where id = :id")
                    .param("b", fields.documentIndex(DocumentType.valueOf(type), number)).param("id", owner).update();
        }
        if (value(row.get(), "credit_code_ct") instanceof String ct) {
            String code = fields.decrypt(owner, CustomerColumn.CREDIT_CODE, ct);
            n += jdbc.sql("update customers set credit_code_bidx = :b where id = :id")
                    .param("b", fields.creditCodeIndex(code)).param("id", owner).update();
        }
        for (Map<String, Object> party : jdbc.sql("select id, doc_type, doc_number_ct from customer_parties where customer_id = :id")
                .param("id", owner).query().listOfRows()) {
            String id = (String) value(party, "id");
            String number = cipher.decrypt(owner, CustomerCipher.partyField(CustomerColumn.PARTY_DOC_NUMBER, id),
                    (String) value(party, "doc_number_ct"));
            n += jdbc.sql("update customer_parties set doc_number_bidx = :b where id = :id")
                    .param("b", fields.documentIndex(DocumentType.valueOf((String) value(party, "doc_type")), number))
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
