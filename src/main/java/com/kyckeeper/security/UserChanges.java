package com.kyckeeper.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table user_changes: pending and decided account changes, the state every node of a cluster shares. */
@Repository
class UserChanges {

    /** A stored change with the waiting password hash (creations only, until decided). */
    record Row(UserChange change, String passwordHash) {
    }

    private static final String SELECT = "select id, kind, username, roles, password_hash, status, requested_by,"
            + " requested_at, decided_by, decided_at from user_changes";
    private final JdbcClient jdbc;

    UserChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, UserChange.Kind kind, String username, Set<String> roles, String passwordHash,
                String requestedBy, Instant at) {
        jdbc.sql("insert into user_changes (id, kind, username, roles, password_hash, status, requested_by,"
                        + " requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, kind.name(), username, String.join(",", roles), passwordHash,
                        UserChange.Status.PENDING_APPROVAL.name(), requestedBy, Timestamp.from(at)).update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> lock(String id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::row).optional();
    }

    boolean pending(String username, UserChange.Kind kind) {
        return jdbc.sql("select count(*) from user_changes where username = ? and kind = ? and status = ?")
                .params(username, kind.name(), UserChange.Status.PENDING_APPROVAL.name()).query(Long.class).single() > 0;
    }

    /** Whether {@code username}'s account was created through a change that {@code requester} requested. */
    boolean created(String username, String requester) {
        return jdbc.sql("select count(*) from user_changes where username = ? and kind = ? and status = ?"
                        + " and requested_by = ?")
                .params(username, UserChange.Kind.CREATE.name(), UserChange.Status.APPROVED.name(), requester)
                .query(Long.class).single() > 0;
    }

    List<UserChange> byStatus(UserChange.Status status, int limit) {
        return jdbc.sql(SELECT + " where status = ? order by requested_at, id fetch first " + limit + " rows only")
                .param(status.name()).query(this::row).list().stream().map(Row::change).toList();
    }

    /** Decides a pending change and forgets its password hash; false when it was no longer pending. */
    boolean decide(String id, UserChange.Status status, String decidedBy, Instant at) {
        return jdbc.sql("update user_changes set status = ?, decided_by = ?, decided_at = ?, password_hash = null"
                        + " where id = ? and status = ?")
                .params(status.name(), decidedBy, Timestamp.from(at), id, UserChange.Status.PENDING_APPROVAL.name())
                .update() == 1;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String roles = rs.getString("roles");
        return new Row(new UserChange(rs.getString("id"), UserChange.Status.valueOf(rs.getString("status")),
                rs.getString("username"), roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                UserChange.Kind.valueOf(rs.getString("kind")), rs.getString("requested_by"),
                utc(rs.getTimestamp("requested_at")), rs.getString("decided_by"), utc(rs.getTimestamp("decided_at"))),
                rs.getString("password_hash"));
    }

    private static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
