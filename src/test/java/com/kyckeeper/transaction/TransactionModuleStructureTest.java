package com.kyckeeper.transaction;

import com.kyckeeper.KycKeeperApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The transaction and reporting modules keep Spring Modulith's rules: only public API types used across modules, no cycles. */
class TransactionModuleStructureTest {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules.of(KycKeeperApplication.class).verify();
    }
}
