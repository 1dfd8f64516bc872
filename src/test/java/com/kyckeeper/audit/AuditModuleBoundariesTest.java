package com.kyckeeper.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.kyckeeper.KycKeeperApplication;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The audit module depends on nothing of ours but shared, and the modules' boundaries hold. */
class AuditModuleBoundariesTest {

    @Test
    void modulesKeepTheirBoundaries() {
        ApplicationModules.of(KycKeeperApplication.class).verify();
    }

    @Test
    void auditDependsOnNothingOfOursButShared() {
        noClasses().that().resideInAPackage("com.kyckeeper.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("com.kyckeeper.customer..", "com.kyckeeper.crypto..",
                        "com.kyckeeper.security..", "com.kyckeeper.web..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.kyckeeper"));
    }
}
