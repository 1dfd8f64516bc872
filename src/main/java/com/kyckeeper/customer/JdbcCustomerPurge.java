package com.kyckeeper.customer;

import com.kyckeeper.shared.BusinessClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Plain JDBC: the purge touches many rows and needs no entity state; set-based for batches. */
@Component
class JdbcCustomerPurge implements CustomerPurge {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final BusinessClock clock;
    private final ArchiveGrants archiveGrants;

    JdbcCustomerPurge(JdbcClient jdbc, JdbcTemplate jdbcTemplate, BusinessClock clock, ArchiveGrants archiveGrants) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
        this.archiveGrants = archiveGrants;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Relationship> relationships(String afterId, int limit) {
        // The limit in the SQL (as in closedBefore): the planner walks the primary key and stops after the page.
        return jdbc.sql("select id, status, closed_on from customers where id > :after order by id fetch first %d rows only"
                        .formatted(Math.max(1, limit)))
                .param("after", after(afterId))
                .query(JdbcCustomerPurge::relationship).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Relationship> closedBefore(LocalDate endedBefore, String afterId, int limit) {
        // The limit in the SQL (not only maxRows), so the planner walks the primary key in order and
        // stops after one page instead of sorting every closed customer for each page.
        return jdbc.sql("""
                        select id, status, closed_on from customers
                        where status = 'CLOSED' and closed_on < :before and id > :after order by id
                        fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("before", Date.valueOf(endedBefore))
                .param("after", after(afterId))
                .query(JdbcCustomerPurge::relationship).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Relationship> relationship(CustomerId id) {
        return jdbc.sql("select id, status, closed_on from customers where id = :id")
                .param("id", id.toString())
                .query(JdbcCustomerPurge::relationship).optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Relationship> lock(CustomerId id) {
        return jdbc.sql("select id, status, closed_on from customers where id = :id for update")
                .param("id", id.toString())
                .query(JdbcCustomerPurge::relationship).optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Relationship> lockAll(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, status, closed_on from customers where id in (:ids) order by id for update")
                .param("ids", keys(ids))
                .query(JdbcCustomerPurge::relationship).list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void purge(CustomerId id, PurgeRef ref) {
        purgeAll(Map.of(id, ref));
    }

    /**
     * Children before the record (foreign keys), then one batch of tombstones. Archive access requests
     * stay (the access trail) with their free-text purpose replaced by a fixed marker.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void purgeAll(Map<CustomerId, PurgeRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        List<String> ids = keys(refs.keySet());
        jdbc.sql("delete from customer_versions where customer_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from customer_parties where customer_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from customers where id in (:ids)").param("ids", ids).update();
        archiveGrants.redactPurposes(ids);
        Timestamp at = Timestamp.from(clock.now());
        List<Object[]> tombstones = new ArrayList<>(refs.size());
        refs.forEach((id, ref) -> tombstones.add(new Object[] {id.toString(), ref.purgeRunId(), ref.policy(),
                Date.valueOf(ref.closedOn()), Date.valueOf(ref.eligibleFrom()), at}));
        jdbcTemplate.batchUpdate("""
                insert into customer_tombstones (customer_id, purge_run_id, policy, closed_on, eligible_from, purged_at)
                values (?, ?, ?, ?, ?, ?)""", tombstones);
    }

    private static List<String> keys(Collection<CustomerId> ids) {
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " customers per call, not " + ids.size());
        }
        return ids.stream().map(CustomerId::toString).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Tombstone> tombstone(CustomerId id) {
        return jdbc.sql("""
                        select customer_id, purge_run_id, policy, closed_on, eligible_from, purged_at
                        from customer_tombstones where customer_id = :id""")
                .param("id", id.toString())
                .query(this::mapTombstone).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tombstone> tombstones(String afterId, int limit) {
        return jdbc.sql("""
                        select customer_id, purge_run_id, policy, closed_on, eligible_from, purged_at
                        from customer_tombstones where customer_id > :after order by customer_id
                        fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("after", after(afterId))
                .query(this::mapTombstone).list();
    }

    /** Keyset start: "0" sorts before every UUID string (not "", which Oracle reads as NULL). */
    private static String after(String afterId) {
        return afterId == null ? "0" : afterId;
    }

    private static Relationship relationship(ResultSet rs, int row) throws SQLException {
        Date closed = rs.getDate(3);
        return new Relationship(new CustomerId(UUID.fromString(rs.getString(1))), CustomerStatus.valueOf(rs.getString(2)),
                closed == null ? null : closed.toLocalDate());
    }

    private Tombstone mapTombstone(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp(6);
        return new Tombstone(new CustomerId(UUID.fromString(rs.getString(1))), rs.getString(2), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                OffsetDateTime.ofInstant(at.toInstant(), clock.zone()));
    }
}
