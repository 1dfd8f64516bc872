package com.kyckeeper.customer;

import com.kyckeeper.support.Databases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole registry contract on the Oracle migrations, in H2's Oracle mode. */
@ActiveProfiles("oracle")
class RegistryOnOracleModeTest extends RegistryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2OracleMode(registry);
    }
}
