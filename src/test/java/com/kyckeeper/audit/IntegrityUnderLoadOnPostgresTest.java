package com.kyckeeper.audit;

import com.kyckeeper.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class IntegrityUnderLoadOnPostgresTest extends IntegrityUnderLoadContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Override
    protected void tamperSeal(String sql, Object... args) {
        jdbc.sql("alter table access_event_seals disable trigger user").update();
        try {
            super.tamperSeal(sql, args);
        } finally {
            jdbc.sql("alter table access_event_seals enable trigger user").update();
        }
    }
}
