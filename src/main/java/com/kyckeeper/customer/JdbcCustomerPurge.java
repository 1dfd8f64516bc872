package com.kyckeeper.customer;

import com.kyckeeper.shared.BusinessClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Plain JDBC: the purge touches many rows and needs no entity state. */
@Component
class JdbcCustomerPurge implements CustomerPurge {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    JdbcCustomerPurge(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Relationship> relationships(String afterId, int limit) {
        return jdbc.sql("select id, status, closed_on from customers where id > :after order by id")
                .param("after", after(afterId))
                .withMaxRows(limit)
                .query(JdbcCustomerPurge::relationship).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Relationship> closedBefore(LocalDate endedBefore, String afterId, int limit) {
        return jdbc.sql("""
                        select id, status, closed_on from customers
                        where status = 'CLOSED' and closed_on < :before and id > :after order by id""")
                .param("before", Date.valueOf(endedBefore))
                .param("after", after(afterId))
                .withMaxRows(limit)
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
    public void purge(CustomerId id, PurgeRef ref) {
        String key = id.toString();
        jdbc.sql("delete from customer_versions where customer_id = :id").param("id", key).update();
        jdbc.sql("delete from customer_parties where customer_id = :id").param("id", key).update();
        jdbc.sql("delete from customers where id = :id").param("id", key).update();
        jdbc.sql("""
                insert into customer_tombstones (customer_id, purge_run_id, policy, closed_on, eligible_from, purged_at)
                values (:id, :run, :policy, :closedOn, :eligibleFrom, :at)""")
                .param("id", key)
                .param("run", ref.purgeRunId())
                .param("policy", ref.policy())
                .param("closedOn", Date.valueOf(ref.closedOn()))
                .param("eligibleFrom", Date.valueOf(ref.eligibleFrom()))
                .param("at", Timestamp.from(clock.now()))
                .update();
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
                        from customer_tombstones where customer_id > :after order by customer_id""")
                .param("after", after(afterId))
                .withMaxRows(limit)
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
