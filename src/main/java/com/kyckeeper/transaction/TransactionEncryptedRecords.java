package com.kyckeeper.transaction;

import com.kyckeeper.crypto.EncryptedRecords;
import com.kyckeeper.crypto.FieldRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells key rotation where a customer's transaction ciphertext lives: source of funds and purpose
 * of cash transactions, the notes of due-diligence cases. Locks the rows it rewrites (a case being
 * resolved meanwhile waits, then encrypts under the new key). No blind indexes here.
 */
@Component
class TransactionEncryptedRecords implements EncryptedRecords {

    private static final String TRANSACTIONS = "cash_transactions";
    private static final String CASES = "dd_cases";

    private final JdbcClient jdbc;

    TransactionEncryptedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> encryptedColumns() {
        return Set.of(TRANSACTIONS + ".source_of_funds_ct", TRANSACTIONS + ".purpose_ct", CASES + ".note_ct");
    }

    @Override
    public int reencrypt(String owner, FieldRewriter rewrite) {
        int n = 0;
        List<Map<String, Object>> rows = jdbc.sql("select id, source_of_funds_ct, purpose_ct from cash_transactions"
                + " where customer_id = :owner and (source_of_funds_ct is not null or purpose_ct is not null)"
                + " order by id for update").param("owner", owner).query().listOfRows();
        for (Map<String, Object> row : rows) {
            String id = (String) value(row, "id");
            n += jdbc.sql("update cash_transactions set source_of_funds_ct = :source, purpose_ct = :purpose where id = :id")
                    .param("source", rewritten(rewrite, TRANSACTIONS, "source_of_funds_ct", id, row))
                    .param("purpose", rewritten(rewrite, TRANSACTIONS, "purpose_ct", id, row))
                    .param("id", id).update();
        }
        List<Map<String, Object>> cases = jdbc.sql("select id, note_ct from dd_cases where customer_id = :owner"
                + " and note_ct is not null order by id for update").param("owner", owner).query().listOfRows();
        for (Map<String, Object> row : cases) {
            String id = (String) value(row, "id");
            n += jdbc.sql("update dd_cases set note_ct = :note where id = :id")
                    .param("note", rewritten(rewrite, CASES, "note_ct", id, row)).param("id", id).update();
        }
        return n;
    }

    @Override
    public int reindex(String owner) {
        return 0;
    }

    private static String rewritten(FieldRewriter rewrite, String table, String column, String id, Map<String, Object> row) {
        return value(row, column) instanceof String ct ? rewrite.apply(new FieldRef(table, column, id), ct) : null;
    }

    /** Column values by name, whatever case the database reports them in. */
    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
