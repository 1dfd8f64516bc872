package com.kyckeeper.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.KycKeeperApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries hold, and the Oracle migrations of retention apply (checked in H2's Oracle mode). */
class RetentionModuleTest {

    @Test
    void modulesKeepTheirBoundaries() {
        ApplicationModules.of(KycKeeperApplication.class).verify();
    }

    @Test
    void oracleMigrationsApplyInH2OracleMode() {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:mem:oracle-check;MODE=Oracle;DB_CLOSE_DELAY=-1", "sa", "")
                .locations("classpath:db/oracle").load();
        flyway.migrate();
        // retention's own migrations are V41–V42; later modules' migrations apply after them
        assertThat(Integer.parseInt(flyway.info().current().getVersion().getVersion())).isGreaterThanOrEqualTo(42);
        assertThat(flyway.info().pending()).isEmpty();
    }
}
