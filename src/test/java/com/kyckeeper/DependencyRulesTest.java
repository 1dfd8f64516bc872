package com.kyckeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java: value objects and profiles know nothing of Spring, JPA or HTTP. */
class DependencyRulesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kyckeeper");

    @Test
    void identityValueObjectsAndProfilesAreFreeOfFrameworks() {
        noClasses().that().haveSimpleNameEndingWith("Profile")
                .or().haveSimpleNameEndingWith("Number")
                .or().haveSimpleNameEndingWith("Code")
                .or().haveSimpleName("IdentityDocument").or().haveSimpleName("RelatedParty")
                .or().haveSimpleName("Licence").or().haveSimpleName("DocumentNumbers")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void nothingButCommandLineToolsPrintsToTheConsole() {
        // OfflineVerifier is a command-line tool: its console output is its interface.
        noClasses().that().doNotHaveSimpleName("OfflineVerifier")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
