package com.kyckeeper.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds many due-diligence cases straight in SQL (two JDBC batches), far quicker than intake: one
 * large-value transaction per case, all of one customer id, opened from {@code firstOpenedAt} on with
 * every two cases sharing an {@code opened_at} (so the queue's tie-break by id is exercised).
 */
public final class CaseSeeds {

    /** A seeded case: its id, reference and when it was opened. */
    public record Seeded(String id, String reference, Instant openedAt) {
    }

    private CaseSeeds() {
    }

    /** Inserts {@code count} cases of {@code status}; returns them in queue order (opened_at, id). */
    public static List<Seeded> seed(DataSource dataSource, String customerId, String status, int count,
                                    Instant firstOpenedAt) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Object[]> txs = new ArrayList<>(count);
        List<Object[]> cases = new ArrayList<>(count);
        List<Seeded> seeded = new ArrayList<>(count);
        String prefix = "SEED-" + customerId.substring(0, 8) + "-" + status.charAt(0) + "-";
        for (int i = 0; i < count; i++) {
            String txId = UUID.randomUUID().toString();
            String caseId = UUID.randomUUID().toString();
            Instant opened = firstOpenedAt.plusSeconds(i / 2);
            Timestamp at = Timestamp.from(opened);
            LocalDate day = LocalDate.of(2026, 11, 2);
            String reference = prefix + i;
            txs.add(new Object[] {txId, reference, customerId, "DEPOSIT", new java.math.BigDecimal("60000.0000"), "CNY",
                    at, java.sql.Date.valueOf(day), "BJ-001", false, "RMB", new java.math.BigDecimal("60000.0000"),
                    "EVALUATED", true, "REQUIRED", caseId, java.sql.Date.valueOf(day.plusDays(5)), false, at, "seed"});
            cases.add(new Object[] {caseId, txId, customerId, status, "SOURCE_OR_PURPOSE_MISSING", at});
            seeded.add(new Seeded(caseId, reference, opened));
        }
        jdbc.batchUpdate("insert into cash_transactions (id, reference, customer_id, direction, amount, currency,"
                + " occurred_at, business_day, branch, source_or_purpose, currency_class, measured_amount, status,"
                + " large_value, due_diligence, case_id, report_due_by, exempt, recorded_at, recorded_by)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", txs);
        jdbc.batchUpdate("insert into dd_cases (id, transaction_id, customer_id, status, reasons, opened_at)"
                + " values (?,?,?,?,?,?)", cases);
        seeded.sort(Comparator.comparing(Seeded::openedAt).thenComparing(Seeded::id));
        return seeded;
    }

    /** Removes what {@link #seed} inserted for the customer (cases first: they reference the transactions). */
    public static void remove(DataSource dataSource, String customerId) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("delete from dd_cases where customer_id = ?", customerId);
        jdbc.update("delete from cash_transactions where customer_id = ?", customerId);
    }
}
