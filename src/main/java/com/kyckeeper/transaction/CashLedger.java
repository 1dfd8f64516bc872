package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/** SQL of the transaction module (JDBC batches: intake is the hot path). */
@Repository
class CashLedger {

    static final int IN_LIMIT = 500;

    /** A stored transaction row, as evaluation and answers need it (ciphertext not included). */
    record TxRow(String id, String reference, String customerId, Direction direction, BigDecimal amount, String currency,
                 OffsetDateTime occurredAt, LocalDate businessDay, String branch, boolean sourceOrPurpose,
                 String currencyClass, BigDecimal measuredAmount, TransactionStatus status, String dayTotalId,
                 boolean largeValue, DueDiligenceStatus dueDiligence, String caseId, LocalDate reportDueBy,
                 boolean exempt) {
    }

    record DayRow(String id, BigDecimal total, int count, boolean reportable, LocalDate reportDueBy) {
    }

    /** A new row to insert (the source and purpose already encrypted). */
    record NewTx(TxRow row, String sourceCt, String purposeCt, OffsetDateTime recordedAt, String recordedBy) {
    }

    record NewCase(String id, String transactionId, String customerId, String reasons, OffsetDateTime openedAt) {
    }

    private static final String TX_COLUMNS = "id, reference, customer_id, direction, amount, currency, occurred_at, "
            + "business_day, branch, source_or_purpose, currency_class, measured_amount, status, day_total_id, "
            + "large_value, due_diligence, case_id, report_due_by, exempt";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final boolean postgres;

    CashLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
        } catch (Exception e) {
            product = "";
        }
        this.postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    private static final RowMapper<TxRow> TX = (rs, n) -> new TxRow(rs.getString("id"), rs.getString("reference"),
            rs.getString("customer_id"), Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("amount"),
            rs.getString("currency"), rs.getObject("occurred_at", OffsetDateTime.class),
            rs.getObject("business_day", LocalDate.class), rs.getString("branch"), rs.getBoolean("source_or_purpose"),
            rs.getString("currency_class"), rs.getBigDecimal("measured_amount"),
            TransactionStatus.valueOf(rs.getString("status")), rs.getString("day_total_id"),
            rs.getBoolean("large_value"), DueDiligenceStatus.valueOf(rs.getString("due_diligence")),
            rs.getString("case_id"), rs.getObject("report_due_by", LocalDate.class), rs.getBoolean("exempt"));

    // ---- transactions

    Map<String, TxRow> byReferences(Collection<String> references) {
        Map<String, TxRow> found = new HashMap<>();
        List<String> all = new ArrayList<>(references);
        if (postgres) {
            // One statement with an array parameter instead of IN lists.
            jdbc.query("select " + TX_COLUMNS + " from cash_transactions where reference = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", all.toArray())), TX)
                    .forEach(r -> found.put(r.reference(), r));
            return found;
        }
        for (int i = 0; i < all.size(); i += IN_LIMIT) {
            List<String> part = all.subList(i, Math.min(all.size(), i + IN_LIMIT));
            named.query("select " + TX_COLUMNS + " from cash_transactions where reference in (:refs)",
                    new MapSqlParameterSource("refs", part), TX).forEach(r -> found.put(r.reference(), r));
        }
        return found;
    }

    java.util.Optional<TxRow> byId(String id) {
        return jdbc.query("select " + TX_COLUMNS + " from cash_transactions where id = ?", TX, id).stream().findFirst();
    }

    java.util.Optional<TxRow> byIdForUpdate(String id) {
        return jdbc.query("select " + TX_COLUMNS + " from cash_transactions where id = ? for update", TX, id).stream().findFirst();
    }

    /** Transactions of a day aggregate, in the order they happened. */
    List<TxRow> ofDay(String dayTotalId) {
        return jdbc.query("select " + TX_COLUMNS + " from cash_transactions where day_total_id = ? order by occurred_at, recorded_at, id",
                TX, dayTotalId);
    }

    /**
     * Counted transactions of these (locked) days that are not large-value yet: to promote when a day crosses.
     * The statement selects by day only and the other conditions are applied here: with a condition on
     * {@code status} PostgreSQL, on statistics taken while the table was small, chose the status index
     * and filtered every stored transaction against the id array (hundreds of ms per chunk, growing with
     * the table). Selecting by {@code day_total_id} alone leaves it one index.
     */
    List<TxRow> notYetLarge(Collection<String> dayIds) {
        List<TxRow> out = new ArrayList<>();
        for (TxRow t : ofDays(dayIds)) {
            if (!t.largeValue() && !t.exempt() && t.status() == TransactionStatus.EVALUATED) {
                out.add(t);
            }
        }
        return out;
    }

    List<TxRow> foreignOfDay(LocalDate day) {
        return jdbc.query("select " + TX_COLUMNS + " from cash_transactions where business_day = ? and currency_class is not null"
                + " and (status = 'RATE_MISSING' or currency <> 'CNY') order by id", TX, day);
    }

    /** Days with transactions still missing their rate, after {@code after} (null: from the first), at most {@code limit}. */
    List<LocalDate> daysWithMissingRates(LocalDate after, int limit) {
        return jdbc.query("select distinct business_day from cash_transactions where status = 'RATE_MISSING'"
                        + " and business_day > ? order by business_day fetch first " + Math.max(1, limit) + " rows only",
                (rs, n) -> rs.getObject(1, LocalDate.class), after == null ? LocalDate.of(1, 1, 1) : after);
    }

    void insert(List<NewTx> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into cash_transactions (" + TX_COLUMNS + ", source_of_funds_ct, purpose_ct, recorded_at, recorded_by)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, 1000, (ps, n) -> {
                    TxRow r = n.row();
                    ps.setString(1, r.id());
                    ps.setString(2, r.reference());
                    ps.setString(3, r.customerId());
                    ps.setString(4, r.direction().name());
                    ps.setBigDecimal(5, r.amount());
                    ps.setString(6, r.currency());
                    ps.setObject(7, r.occurredAt());
                    ps.setObject(8, r.businessDay());
                    ps.setString(9, r.branch());
                    ps.setBoolean(10, r.sourceOrPurpose());
                    ps.setString(11, r.currencyClass());
                    ps.setBigDecimal(12, r.measuredAmount());
                    ps.setString(13, r.status().name());
                    ps.setString(14, r.dayTotalId());
                    ps.setBoolean(15, r.largeValue());
                    ps.setString(16, r.dueDiligence().name());
                    ps.setString(17, r.caseId());
                    setDate(ps, 18, r.reportDueBy());
                    ps.setBoolean(19, r.exempt());
                    ps.setString(20, n.sourceCt());
                    ps.setString(21, n.purposeCt());
                    ps.setObject(22, n.recordedAt());
                    ps.setString(23, n.recordedBy());
                });
    }

    /** Writes the evaluation of stored transactions (after promotion, re-measurement or re-evaluation). */
    void updateEvaluation(List<TxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            // One statement for all rows (batched single-row updates are not rewritten by the driver).
            jdbc.update("update cash_transactions t set currency_class = v.cls, measured_amount = v.measured, status = v.status,"
                    + " day_total_id = v.day, large_value = v.large, due_diligence = v.dd, case_id = v.case_id, report_due_by = v.due"
                    + " from unnest(?::varchar[], ?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[], ?::boolean[], ?::varchar[],"
                    + " ?::varchar[], ?::date[]) as v(id, cls, measured, status, day, large, dd, case_id, due) where t.id = v.id", ps -> {
                        java.sql.Connection c = ps.getConnection();
                        ps.setArray(1, c.createArrayOf("varchar", rows.stream().map(TxRow::id).toArray()));
                        ps.setArray(2, c.createArrayOf("varchar", rows.stream().map(TxRow::currencyClass).toArray()));
                        ps.setArray(3, c.createArrayOf("numeric", rows.stream().map(TxRow::measuredAmount).toArray()));
                        ps.setArray(4, c.createArrayOf("varchar", rows.stream().map(r -> r.status().name()).toArray()));
                        ps.setArray(5, c.createArrayOf("varchar", rows.stream().map(TxRow::dayTotalId).toArray()));
                        ps.setArray(6, c.createArrayOf("bool", rows.stream().map(TxRow::largeValue).toArray()));
                        ps.setArray(7, c.createArrayOf("varchar", rows.stream().map(r -> r.dueDiligence().name()).toArray()));
                        ps.setArray(8, c.createArrayOf("varchar", rows.stream().map(TxRow::caseId).toArray()));
                        ps.setArray(9, c.createArrayOf("date", rows.stream()
                                .map(r -> r.reportDueBy() == null ? null : java.sql.Date.valueOf(r.reportDueBy())).toArray()));
                    });
            return;
        }
        jdbc.batchUpdate("update cash_transactions set currency_class = ?, measured_amount = ?, status = ?, day_total_id = ?,"
                + " large_value = ?, due_diligence = ?, case_id = ?, report_due_by = ? where id = ?", rows, 1000, (ps, r) -> {
                    ps.setString(1, r.currencyClass());
                    ps.setBigDecimal(2, r.measuredAmount());
                    ps.setString(3, r.status().name());
                    ps.setString(4, r.dayTotalId());
                    ps.setBoolean(5, r.largeValue());
                    ps.setString(6, r.dueDiligence().name());
                    ps.setString(7, r.caseId());
                    setDate(ps, 8, r.reportDueBy());
                    ps.setString(9, r.id());
                });
    }

    void exempt(String id, String reason, String by, OffsetDateTime at) {
        jdbc.update("update cash_transactions set exempt = ?, exemption_reason = ?, exempted_by = ?, exempted_at = ? where id = ?",
                true, reason, by, at, id);
    }

    void recordSourceAndPurpose(String id, String sourceCt, String purposeCt) {
        jdbc.update("update cash_transactions set source_of_funds_ct = coalesce(?, source_of_funds_ct),"
                + " purpose_ct = coalesce(?, purpose_ct), source_or_purpose = ? where id = ?", sourceCt, purposeCt, true, id);
    }

    void setDueDiligence(String id, DueDiligenceStatus status) {
        jdbc.update("update cash_transactions set due_diligence = ? where id = ?", status.name(), id);
    }

    // ---- day aggregates

    /** Creates the day rows that do not exist yet, in id order (the lock order), without touching existing ones. */
    void ensureDays(List<DayKey> keys, Map<String, String> measureCurrencies) {
        List<DayKey> sorted = keys.stream().sorted(java.util.Comparator.comparing(DayKey::id)).toList();
        if (postgres) {
            if (sorted.isEmpty()) {
                return;
            }
            jdbc.update("insert into cash_day_totals (id, customer_id, direction, currency_class, business_day, measure_currency,"
                    + " total, tx_count, reportable) select v.id, v.customer_id, v.direction, v.currency_class, v.business_day,"
                    + " v.measure_currency, 0, 0, false from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::date[], ?::varchar[]) as v(id, customer_id, direction, currency_class, business_day, measure_currency)"
                    + " order by v.id on conflict do nothing", ps -> {
                        java.sql.Connection c = ps.getConnection();
                        ps.setArray(1, c.createArrayOf("varchar", sorted.stream().map(DayKey::id).toArray()));
                        ps.setArray(2, c.createArrayOf("varchar", sorted.stream().map(DayKey::customerId).toArray()));
                        ps.setArray(3, c.createArrayOf("varchar", sorted.stream().map(k -> k.direction().name()).toArray()));
                        ps.setArray(4, c.createArrayOf("varchar", sorted.stream().map(DayKey::currencyClass).toArray()));
                        ps.setArray(5, c.createArrayOf("date", sorted.stream().map(k -> java.sql.Date.valueOf(k.businessDay())).toArray()));
                        ps.setArray(6, c.createArrayOf("varchar", sorted.stream().map(k -> measureCurrencies.get(k.currencyClass())).toArray()));
                    });
            return;
        }
        for (DayKey k : sorted) {
            try {
                jdbc.update("merge into cash_day_totals t using (select cast(? as varchar(36)) as id from dual) s on (t.id = s.id)"
                        + " when not matched then insert (id, customer_id, direction, currency_class, business_day, measure_currency,"
                        + " total, tx_count, reportable) values (?,?,?,?,?,?,0,0,?)", ps -> {
                            ps.setString(1, k.id());
                            ps.setString(2, k.id());
                            ps.setString(3, k.customerId());
                            ps.setString(4, k.direction().name());
                            ps.setString(5, k.currencyClass());
                            ps.setObject(6, k.businessDay());
                            ps.setString(7, measureCurrencies.get(k.currencyClass()));
                            ps.setBoolean(8, false);
                        });
            } catch (DuplicateKeyException raced) {
                // another transaction created it meanwhile: it exists, which is all we need
            }
        }
    }

    /** Locks the day rows (SELECT ... FOR UPDATE) in id order, so concurrent intakes serialise per day without deadlock. */
    Map<String, DayRow> lockDays(Collection<String> ids) {
        List<String> sorted = ids.stream().distinct().sorted().toList();
        Map<String, DayRow> rows = new HashMap<>();
        if (postgres && !sorted.isEmpty()) {
            jdbc.query("select id, total, tx_count, reportable, report_due_by from cash_day_totals where id = any(?)"
                    + " order by id for update", ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", sorted.toArray())),
                    DAY).forEach(d -> rows.put(d.id(), d));
            return rows;
        }
        for (int i = 0; i < sorted.size(); i += IN_LIMIT) {
            List<String> part = sorted.subList(i, Math.min(sorted.size(), i + IN_LIMIT));
            named.query("select id, total, tx_count, reportable, report_due_by from cash_day_totals where id in (:ids)"
                    + " order by id for update", new MapSqlParameterSource("ids", part), DAY).forEach(d -> rows.put(d.id(), d));
        }
        return rows;
    }

    private static final RowMapper<DayRow> DAY = (rs, n) -> new DayRow(rs.getString("id"), rs.getBigDecimal("total"),
            rs.getInt("tx_count"), rs.getBoolean("reportable"), rs.getObject("report_due_by", LocalDate.class));

    void updateDays(Collection<DayRow> days) {
        if (days.isEmpty()) {
            return;
        }
        if (postgres) {
            List<DayRow> all = new ArrayList<>(days);
            jdbc.update("update cash_day_totals d set total = v.total, tx_count = v.cnt, reportable = v.rep, report_due_by = v.due"
                    + " from unnest(?::varchar[], ?::numeric[], ?::int[], ?::boolean[], ?::date[]) as v(id, total, cnt, rep, due)"
                    + " where d.id = v.id", ps -> {
                        java.sql.Connection c = ps.getConnection();
                        ps.setArray(1, c.createArrayOf("varchar", all.stream().map(DayRow::id).toArray()));
                        ps.setArray(2, c.createArrayOf("numeric", all.stream().map(DayRow::total).toArray()));
                        ps.setArray(3, c.createArrayOf("int4", all.stream().map(DayRow::count).toArray()));
                        ps.setArray(4, c.createArrayOf("bool", all.stream().map(DayRow::reportable).toArray()));
                        ps.setArray(5, c.createArrayOf("date", all.stream()
                                .map(d -> d.reportDueBy() == null ? null : java.sql.Date.valueOf(d.reportDueBy())).toArray()));
                    });
            return;
        }
        jdbc.batchUpdate("update cash_day_totals set total = ?, tx_count = ?, reportable = ?, report_due_by = ? where id = ?",
                new ArrayList<>(days), 1000, (ps, d) -> {
                    ps.setBigDecimal(1, d.total());
                    ps.setInt(2, d.count());
                    ps.setBoolean(3, d.reportable());
                    setDate(ps, 4, d.reportDueBy());
                    ps.setString(5, d.id());
                });
    }

    record ReportableDay(String id, String customerId, Direction direction, String currencyClass, LocalDate businessDay,
                         String measureCurrency, BigDecimal total, int count, LocalDate reportDueBy) {
    }

    List<ReportableDay> reportableDays(LocalDate from, LocalDate to) {
        return jdbc.query("select id, customer_id, direction, currency_class, business_day, measure_currency, total, tx_count,"
                + " report_due_by from cash_day_totals where business_day between ? and ? and reportable = ?"
                + " order by business_day, customer_id, direction, currency_class", (rs, n) -> new ReportableDay(
                rs.getString(1), rs.getString(2), Direction.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBigDecimal(7), rs.getInt(8),
                rs.getObject(9, LocalDate.class)), from, to, true);
    }

    /** Large, non-exempt transactions of classes without day aggregation (window SINGLE). */
    List<TxRow> reportableSingles(LocalDate from, LocalDate to, Collection<String> singleClasses) {
        if (singleClasses.isEmpty()) {
            return List.of();
        }
        return named.query("select " + TX_COLUMNS + " from cash_transactions where business_day between :from and :to"
                + " and large_value = :t and exempt = :f and currency_class in (:classes) order by business_day, occurred_at",
                new MapSqlParameterSource("from", from).addValue("to", to).addValue("t", true).addValue("f", false)
                        .addValue("classes", singleClasses), TX);
    }

    /** Transactions of these days, by occurrence; one statement on PostgreSQL, else {@value #IN_LIMIT} days per statement. */
    List<TxRow> ofDays(Collection<String> dayIds) {
        List<TxRow> out = new ArrayList<>();
        List<String> all = new ArrayList<>(dayIds);
        if (all.isEmpty()) {
            return out;
        }
        if (postgres) {
            return jdbc.query("select " + TX_COLUMNS + " from cash_transactions where day_total_id = any(?) order by occurred_at, id",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", all.toArray())), TX);
        }
        for (int i = 0; i < all.size(); i += IN_LIMIT) {
            out.addAll(named.query("select " + TX_COLUMNS + " from cash_transactions where day_total_id in (:ids)"
                    + " order by occurred_at, id", new MapSqlParameterSource("ids", all.subList(i, Math.min(all.size(), i + IN_LIMIT))), TX));
        }
        return out;
    }

    // ---- FX rates

    Map<String, BigDecimal> rates(LocalDate day) {
        Map<String, BigDecimal> r = new HashMap<>();
        jdbc.query("select currency, cny_per_unit from fx_rates where rate_date = ?",
                (ResultSet rs) -> {
                    r.put(rs.getString(1), rs.getBigDecimal(2));
                }, day);
        return r;
    }

    /** The rates of several days (CNY per unit by currency), one statement per {@value #IN_LIMIT} days. */
    Map<LocalDate, Map<String, BigDecimal>> rates(Collection<LocalDate> days) {
        Map<LocalDate, Map<String, BigDecimal>> r = new HashMap<>();
        List<LocalDate> all = new ArrayList<>(days);
        for (int i = 0; i < all.size(); i += IN_LIMIT) {
            named.query("select rate_date, currency, cny_per_unit from fx_rates where rate_date in (:days)",
                    new MapSqlParameterSource("days", all.subList(i, Math.min(all.size(), i + IN_LIMIT))), (ResultSet rs) -> {
                        r.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                    });
        }
        return r;
    }

    void putRate(LocalDate day, String currency, BigDecimal cnyPerUnit, OffsetDateTime at, String by) {
        int n = jdbc.update("update fx_rates set cny_per_unit = ?, updated_at = ?, updated_by = ? where rate_date = ? and currency = ?",
                cnyPerUnit, at, by, day, currency);
        if (n == 0) {
            jdbc.update("insert into fx_rates (rate_date, currency, cny_per_unit, updated_at, updated_by) values (?,?,?,?,?)",
                    day, currency, cnyPerUnit, at, by);
        }
    }

    // ---- cases

    void insertCases(List<NewCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into dd_cases (id, transaction_id, customer_id, status, reasons, opened_at) values (?,?,?,?,?,?)",
                cases, 1000, (ps, c) -> {
                    ps.setString(1, c.id());
                    ps.setString(2, c.transactionId());
                    ps.setString(3, c.customerId());
                    ps.setString(4, CaseStatus.OPEN.name());
                    ps.setString(5, c.reasons());
                    ps.setObject(6, c.openedAt());
                });
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The system closes a case only with a reason (a rate change and who approved it, an exemption). */
    void closeCase(String caseId, OffsetDateTime at, String reason) {
        jdbc.update("update dd_cases set status = ?, resolved_at = ?, resolved_by = ?, closed_reason = ? where id = ? and status = ?",
                CaseStatus.CLOSED.name(), at, "system", clip(reason, 200), caseId, CaseStatus.OPEN.name());
    }

    void resolveCase(String caseId, CaseDecision decision, String actions, String noteCt, OffsetDateTime at, String by) {
        jdbc.update("update dd_cases set status = ?, resolved_at = ?, resolved_by = ?, decision = ?, actions = ?, note_ct = ?"
                + " where id = ?", CaseStatus.RESOLVED.name(), at, by, decision.name(), actions, noteCt, caseId);
    }

    private static final String CASE_SELECT = "select c.id, c.status, c.transaction_id, t.reference, c.customer_id, t.direction,"
            + " t.amount, t.currency, t.business_day, t.report_due_by, c.reasons, c.opened_at, c.resolved_at, c.resolved_by,"
            + " c.decision, c.actions from dd_cases c join cash_transactions t on t.id = c.transaction_id";

    private static final RowMapper<DueDiligenceCase> CASE = (rs, n) -> new DueDiligenceCase(rs.getString(1),
            CaseStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
            Direction.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8), rs.getObject(9, LocalDate.class),
            rs.getObject(10, LocalDate.class), split(rs.getString(11)), rs.getObject(12, OffsetDateTime.class),
            rs.getObject(13, OffsetDateTime.class), rs.getString(14),
            rs.getString(15) == null ? null : CaseDecision.valueOf(rs.getString(15)), split(rs.getString(16)));

    /**
     * One page of cases in the database: the filters in the WHERE clause, a stable order (opened_at, id:
     * index ix_dd_cases_queue, V32) and OFFSET/FETCH, so only the page's rows are read and joined; the
     * total is one count over the same filters. Offset paging: a deep page walks the index up to its
     * offset (cheap for a queue worked from the front); rows opened meanwhile shift later pages only.
     */
    CasePage cases(CaseQuery q) {
        StringBuilder where = new StringBuilder(" where c.status = ?");
        List<Object> args = new ArrayList<>(List.of(q.status().name()));
        if (q.customerId() != null) {
            where.append(" and c.customer_id = ?");
            args.add(q.customerId());
        }
        Long total = jdbc.queryForObject("select count(*) from dd_cases c" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.offset());
        pageArgs.add(q.size());
        List<DueDiligenceCase> rows = total == null || total <= q.offset() ? List.of()
                : jdbc.query(CASE_SELECT + where + " order by c.opened_at, c.id offset ? rows fetch next ? rows only",
                        CASE, pageArgs.toArray());
        return new CasePage(rows, total == null ? 0 : total, q.page(), q.size());
    }

    java.util.Optional<DueDiligenceCase> caseById(String id) {
        return jdbc.query(CASE_SELECT + " where c.id = ?", CASE, id).stream().findFirst();
    }

    java.util.Optional<DueDiligenceCase> caseForUpdate(String id) {
        jdbc.query("select id from dd_cases where id = ? for update", (ResultSet rs) -> { }, id);
        return jdbc.query(CASE_SELECT + " where c.id = ?", CASE, id).stream().findFirst();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }
}
