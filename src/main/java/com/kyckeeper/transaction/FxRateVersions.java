package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The fx_rate_changes table: every version of a day's rates, kept; none is ever updated except its decision. */
@Component
class FxRateVersions {

    private final JdbcTemplate jdbc;

    FxRateVersions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    FxRateChange add(String id, LocalDate day, FxRateChange.Status status, Map<String, BigDecimal> rates,
                     OffsetDateTime at, String by) {
        Integer last = jdbc.queryForObject("select max(version) from fx_rate_changes where rate_date = ?", Integer.class, day);
        int version = last == null ? 1 : last + 1;
        // a concurrent proposal for the same day takes the same number: the unique key refuses one, the caller retries
        jdbc.update("insert into fx_rate_changes (id, rate_date, version, status, proposed_at, proposed_by) values (?,?,?,?,?,?)",
                id, day, version, status.name(), at, by);
        List<Object[]> rows = new ArrayList<>();
        rates.forEach((ccy, rate) -> rows.add(new Object[] {id, ccy, rate}));
        jdbc.batchUpdate("insert into fx_rate_change_rates (change_id, currency, cny_per_unit) values (?,?,?)", rows);
        return byId(id).orElseThrow();
    }

    /** Records the second user's decision, only on a change still pending; false when it was not. */
    boolean decide(String id, FxRateChange.Status outcome, OffsetDateTime at, String by) {
        return jdbc.update("update fx_rate_changes set status = ?, decided_at = ?, decided_by = ? where id = ? and status = ?",
                outcome.name(), at, by, id, FxRateChange.Status.PENDING_APPROVAL.name()) == 1;
    }

    Optional<FxRateChange> byId(String id) {
        return read("where c.id = ?", id).stream().findFirst();
    }

    List<FxRateChange> ofDay(LocalDate day) {
        return read("where c.rate_date = ?", day);
    }

    /** Whether the day has reportable (large-value) foreign-currency transactions, the ones a rate measures. */
    boolean hasReportableForeignEvents(LocalDate day) {
        Integer n = jdbc.queryForObject("select count(*) from cash_transactions where business_day = ? and large_value = ?"
                + " and currency <> 'CNY' and status = 'EVALUATED'", Integer.class, day, true);
        return n != null && n > 0;
    }

    /** At least 4 decimals, no trailing zeros beyond them: 7.10000000 → "7.1000". */
    static String plain(BigDecimal rate) {
        BigDecimal s = rate.stripTrailingZeros();
        return s.setScale(Math.max(4, s.scale())).toPlainString();
    }

    private List<FxRateChange> read(String where, Object arg) {
        Map<String, Object[]> heads = new LinkedHashMap<>();
        Map<String, TreeMap<String, String>> rates = new LinkedHashMap<>();
        jdbc.query("select c.id, c.rate_date, c.version, c.status, c.proposed_by, c.proposed_at, c.decided_by, c.decided_at,"
                + " r.currency, r.cny_per_unit from fx_rate_changes c join fx_rate_change_rates r on r.change_id = c.id "
                + where + " order by c.version desc, r.currency", (ResultSet rs) -> {
                    String id = rs.getString(1);
                    heads.computeIfAbsent(id, k -> {
                        try {
                            return new Object[] {rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getString(4), rs.getString(5),
                                    rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class)};
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    rates.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(9), plain(rs.getBigDecimal(10)));
                }, arg);
        List<FxRateChange> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new FxRateChange(id, (LocalDate) h[0], (Integer) h[1],
                FxRateChange.Status.valueOf((String) h[2]), rates.get(id), (String) h[3], (OffsetDateTime) h[4],
                (String) h[5], (OffsetDateTime) h[6])));
        return out;
    }
}
