package com.kyckeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries (architecture.md): verified on every build; the diagram goes to docs/modules. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(KycKeeperApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(Path.of("target/modulith-docs/components.puml")).content().contains("Customer", "Crypto", "Audit");
    }
}
