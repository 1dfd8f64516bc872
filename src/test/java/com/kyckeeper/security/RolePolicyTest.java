package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/** policies/roles.yml as shipped, and the start-up checks that keep an edit from weakening it. */
class RolePolicyTest {

    static RolePolicy shipped() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("roles", new FileSystemResource(Path.of("policies/roles.yml")))
                .forEach(env.getPropertySources()::addFirst);
        return new Binder(ConfigurationPropertySources.get(env)).bind("kyc.roles", RolePolicy.class).get();
    }

    @Test
    void theShippedPolicyListsEveryRoleAndForbidsTheCombinationsOfApiMd() throws Exception {
        RolePolicy policy = shipped();
        assertThat(policy.permissions().keySet()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(policy.conflicts(Set.of("COMPLIANCE", "AUDITOR"))).singleElement().asString()
                .startsWith("AUDITOR may not be combined with COMPLIANCE");
        assertThat(policy.conflicts(Set.of("COMPLIANCE", "AUDITOR", "SECURITY_ADMIN"))).hasSize(3);
        for (String business : Roles.BUSINESS) {
            assertThat(policy.conflicts(Set.of("SECURITY_ADMIN", business))).as(business).isNotEmpty();
            assertThat(policy.conflicts(Set.of("AUDITOR", business))).as(business).isNotEmpty();
        }
        assertThat(policy.conflicts(Set.of("TELLER", "COMPLIANCE"))).isNotEmpty();
        assertThat(policy.conflicts(Set.of("TELLER", "SUPERVISOR"))).isEmpty();
        assertThat(policy.conflicts(Set.of("SECURITY_ADMIN"))).isEmpty();
        assertThat(policy.permissionsOf(Set.of("SUPERVISOR"))).contains("customer.verify");
        assertThat(policy.permissionsOf(Set.of("TELLER"))).doesNotContain("customer.verify");
        assertThat(policy.permissionsOf(Set.of("SENIOR_MANAGER"))).containsExactly("sign-in");
    }

    @Test
    void refusesToStartWithAPolicyThatAllowsAnAuditorOrAnAdministratorToHoldBusinessRoles() {
        Map<String, List<String>> all = Map.of("TELLER", List.of(), "SUPERVISOR", List.of(), "COMPLIANCE", List.of(),
                "AUDITOR", List.of(), "SECURITY_ADMIN", List.of(), "SENIOR_MANAGER", List.of());
        var auditor = new RolePolicy.Exclusion("AUDITOR",
                Set.of("TELLER", "SUPERVISOR", "COMPLIANCE", "SECURITY_ADMIN", "SENIOR_MANAGER"), "independent");
        var admin = new RolePolicy.Exclusion("SECURITY_ADMIN",
                Set.of("TELLER", "SUPERVISOR", "COMPLIANCE", "SENIOR_MANAGER"), "who grants does not use");
        assertThat(new RolePolicy(all, List.of(auditor, admin)).conflicts(Set.of("AUDITOR", "TELLER"))).isNotEmpty();
        assertThatThrownBy(() -> new RolePolicy(all, List.of(admin))).hasMessageContaining("AUDITOR");
        assertThatThrownBy(() -> new RolePolicy(all, List.of(auditor))).hasMessageContaining("SECURITY_ADMIN");
        var partial = new RolePolicy.Exclusion("SECURITY_ADMIN", Set.of("TELLER"), "partial");
        assertThatThrownBy(() -> new RolePolicy(all, List.of(auditor, partial))).hasMessageContaining("SUPERVISOR");
        assertThatThrownBy(() -> new RolePolicy(Map.of("TELLER", List.of()), List.of(auditor, admin)))
                .hasMessageContaining("exactly the roles");
        var unknown = new RolePolicy.Exclusion("TELLER", Set.of("JANITOR"), "typo");
        assertThatThrownBy(() -> new RolePolicy(all, List.of(auditor, admin, unknown))).hasMessageContaining("may name only");
    }
}
