package com.kyckeeper.crypto;

import com.kyckeeper.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL the proof reads every text column of every table (the server's files are its own). */
class FieldProtectionOnPostgresTest extends FieldProtectionContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Override
    byte[] databaseFiles() {
        return null;
    }
}
