package com.kyckeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.support.Databases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditOnPostgresTest extends AuditContract {

    private static final String[] TABLES = {"access_events", "access_event_seals", "audit_checkpoints"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    /** As a superuser would: switch the append-only triggers off, change the rows, switch them on. */
    @Override
    protected void tamper(String sql, Object... args) {
        for (String t : TABLES) {
            jdbc.sql("alter table " + t + " disable trigger user").update();
        }
        try {
            super.tamper(sql, args);
        } finally {
            for (String t : TABLES) {
                jdbc.sql("alter table " + t + " enable trigger user").update();
            }
        }
    }

    private void refused(String sql) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.getMostSpecificCause().getMessage()).contains("the audit log is append-only"));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveLoggedEventsSealsAndCheckpoints() {
        api.as("auditor1").get(INTEGRITY);
        api.as("auditor1").get(INTEGRITY);
        refused("update access_events set purpose = 'x'");
        refused("delete from access_events");
        refused("delete from access_event_seals");
        refused("update access_event_seals set customer_id = null");
        refused("truncate access_event_seals");
        refused("update audit_checkpoints set signature = 'x'");
        refused("truncate access_events");
    }
}
