package com.kyckeeper.transaction;

import com.kyckeeper.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class LateFeedPurgeRaceOnH2Test extends LateFeedPurgeRaceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
