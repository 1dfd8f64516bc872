package com.kyckeeper.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reading stored events. */
final class EventRows {

    static final String COLUMNS = "e.seq, e.at, e.actor, e.actor_role, e.action, e.customer_id, e.purpose, e.outcome, "
            + "e.client_address, e.request_id, e.detail, e.event_id, e.mac";

    private EventRows() {
    }

    /** The event in the current row, or null when the (outer-joined) event is missing. */
    static EventFields read(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        if (rs.wasNull()) {
            return null;
        }
        OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
        return new EventFields(seq, at.toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                rs.getString("action"), rs.getString("customer_id"), rs.getString("purpose"), rs.getString("outcome"),
                rs.getString("client_address"), rs.getString("request_id"), rs.getString("detail"),
                rs.getString("event_id"), rs.getString("mac"));
    }
}
