package com.kyckeeper.retention.internal;

import com.kyckeeper.retention.PurgeRun;
import com.kyckeeper.shared.BusinessClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** purge_runs and purge_run_entries (ids, dates, counts only). Joins the caller's transaction. */
@Component
class PurgeRunStore {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String ABANDONED = "ABANDONED";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;

    PurgeRunStore(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    void create(String id, String trigger, boolean dryRun, String policy, LocalDate asOf, String requestedBy,
                Instant firedAt) {
        jdbc.sql("""
                insert into purge_runs (id, run_trigger, dry_run, policy, as_of, status, requested_by, requested_at,
                                        fired_at, examined, eligible, purged, held, retained, errors)
                values (:id, :trigger, :dry, :policy, :asOf, 'QUEUED', :by, :at, :firedAt, 0, 0, 0, 0, 0, 0)""")
                .param("id", id).param("trigger", trigger).param("dry", dryRun).param("policy", policy)
                .param("asOf", Date.valueOf(asOf)).param("by", requestedBy)
                .param("at", Timestamp.from(clock.now()))
                .param("firedAt", firedAt == null ? null : Timestamp.from(firedAt))
                .update();
    }

    Optional<PurgeRun> find(String id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::run).optional();
    }

    List<PurgeRun> recent(int limit) {
        return jdbc.sql(SELECT + " order by requested_at desc, id fetch first " + limit + " rows only")
                .query(this::run).list();
    }

    Optional<String> scheduledRunFiredAt(Instant firedAt) {
        return jdbc.sql("select id from purge_runs where run_trigger = 'SCHEDULED' and fired_at = :at")
                .param("at", Timestamp.from(firedAt)).query(String.class).optional();
    }

    /** Runs left RUNNING by a node that crashed: the job never overlaps, so none of them is still alive. */
    int abandonOthers(String exceptId) {
        return jdbc.sql("update purge_runs set status = 'ABANDONED', finished_at = :at where status = 'RUNNING'"
                        + " and id <> :id")
                .param("at", Timestamp.from(clock.now())).param("id", exceptId).update();
    }

    void start(String id, String node) {
        jdbc.sql("""
                update purge_runs set status = 'RUNNING', node = :node, heartbeat_at = :at,
                       started_at = coalesce(started_at, :at) where id = :id""")
                .param("node", node).param("at", Timestamp.from(clock.now())).param("id", id).update();
    }

    void progress(String id, long examined, long retained) {
        jdbc.sql("update purge_runs set examined = :examined, retained = :retained, heartbeat_at = :at where id = :id")
                .param("examined", examined).param("retained", retained).param("at", Timestamp.from(clock.now()))
                .param("id", id).update();
    }

    void entry(String runId, String customerId, String outcome, LocalDate eligibleFrom) {
        jdbc.sql("""
                insert into purge_run_entries (purge_run_id, customer_id, outcome, eligible_from)
                values (:run, :customer, :outcome, :from)""")
                .param("run", runId).param("customer", customerId).param("outcome", outcome)
                .param("from", eligibleFrom == null ? null : Date.valueOf(eligibleFrom)).update();
    }

    /** One certificate line: a customer the run decided about. */
    record Entry(String customerId, String outcome, LocalDate eligibleFrom) {
    }

    private static final int[] ENTRY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE};

    /** Certificate lines for a batch, as one JDBC batch (the PURGED ones commit with their purge). */
    void entries(String runId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {runId, e.customerId(), e.outcome(),
                    e.eligibleFrom() == null ? null : Date.valueOf(e.eligibleFrom())});
        }
        template.batchUpdate("""
                insert into purge_run_entries (purge_run_id, customer_id, outcome, eligible_from)
                values (?, ?, ?, ?)""", rows, ENTRY_TYPES);
    }

    /** {@link #replaceEntry} for a batch (at most 1,000): one delete, one insert batch. */
    void replaceEntries(String runId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("delete from purge_run_entries where purge_run_id = :run and customer_id in (:customers)")
                .param("run", runId).param("customers", entries.stream().map(Entry::customerId).toList()).update();
        entries(runId, entries);
    }

    /** For outcomes that leave the customer in place: a resumed run decides about it again. */
    void replaceEntry(String runId, String customerId, String outcome, LocalDate eligibleFrom) {
        jdbc.sql("delete from purge_run_entries where purge_run_id = :run and customer_id = :customer")
                .param("run", runId).param("customer", customerId).update();
        entry(runId, customerId, outcome, eligibleFrom);
    }

    /** Final counts come from the entries, which commit with each customer's purge: exact after a resume. */
    void complete(String id, long examined, long retained) {
        Map<String, Long> counts = jdbc.sql("""
                        select outcome, count(*) from purge_run_entries where purge_run_id = :id group by outcome""")
                .param("id", id)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long purged = counts.getOrDefault("PURGED", 0L);
        long eligible = purged + counts.getOrDefault("ELIGIBLE", 0L);
        jdbc.sql("""
                update purge_runs set status = 'COMPLETED', finished_at = :at, heartbeat_at = :at,
                       examined = :examined, retained = :retained, eligible = :eligible, purged = :purged,
                       held = :held, errors = :errors where id = :id""")
                .param("at", Timestamp.from(clock.now())).param("examined", examined).param("retained", retained)
                .param("eligible", eligible).param("purged", purged)
                .param("held", counts.getOrDefault("HELD", 0L)).param("errors", counts.getOrDefault("ERROR", 0L))
                .param("id", id).update();
        PurgeRun run = find(id).orElseThrow();
        jdbc.sql("update purge_runs set digest = :digest where id = :id")
                .param("digest", digest(run)).param("id", id).update();
    }

    /** Entry ids by outcome, ordered. */
    List<String> entries(String runId, String outcome) {
        return jdbc.sql("select customer_id from purge_run_entries where purge_run_id = :id and outcome = :outcome"
                        + " order by customer_id")
                .param("id", runId).param("outcome", outcome).query(String.class).list();
    }

    /** Streams the entry ids with one outcome, ordered, without holding them in memory. */
    void forEachEntry(String runId, String outcome, Consumer<String> customerId) {
        jdbc.sql("select customer_id from purge_run_entries where purge_run_id = :id and outcome = :outcome"
                        + " order by customer_id")
                .param("id", runId).param("outcome", outcome).withFetchSize(1000)
                .query(rs -> {
                    customerId.accept(rs.getString(1));
                });
    }

    /**
     * SHA-256 over a canonical text: the run's identity, policy, date and counts, then one line per
     * entry ("OUTCOME customerId"), ordered by customer id.
     */
    String digest(PurgeRun run) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Consumer<String> line = s -> sha.update((s + "\n").getBytes(StandardCharsets.UTF_8));
        line.accept("kyc-keeper purge certificate v1");
        line.accept("run " + run.id());
        line.accept("policy " + run.policy());
        line.accept("asOf " + run.asOf());
        line.accept("dryRun " + run.dryRun());
        line.accept("counts eligible=" + run.eligible() + " purged=" + run.purged() + " held=" + run.held()
                + " errors=" + run.errors());
        jdbc.sql("select outcome, customer_id from purge_run_entries where purge_run_id = :id order by customer_id")
                .param("id", run.id()).withFetchSize(1000)
                .query(rs -> {
                    line.accept(rs.getString(1) + " " + rs.getString(2));
                });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static final String SELECT = """
            select id, run_trigger, dry_run, policy, as_of, status, requested_by, requested_at, started_at,
                   finished_at, examined, eligible, purged, held, retained, errors, digest
            from purge_runs""";

    private PurgeRun run(ResultSet rs, int row) throws SQLException {
        return new PurgeRun(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), at(rs.getTimestamp(8)),
                at(rs.getTimestamp(9)), at(rs.getTimestamp(10)), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getString(17));
    }

    private OffsetDateTime at(Timestamp t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.toInstant(), clock.zone());
    }
}
