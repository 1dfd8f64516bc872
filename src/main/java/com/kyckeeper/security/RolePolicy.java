package com.kyckeeper.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * policies/roles.yml ({@code kyc.roles}): what each role may do, and the roles one person may never hold
 * together. Checked at start-up: exactly the roles of {@link Roles}, and at least the exclusions api.md demands
 * (AUDITOR with any other role, SECURITY_ADMIN with any business role), so a policy edit cannot weaken them.
 */
@Validated
@ConfigurationProperties("kyc.roles")
public record RolePolicy(@NotEmpty Map<String, List<String>> permissions,
                         @NotEmpty List<@Valid Exclusion> forbiddenCombinations) {

    /** Whoever holds {@code role} may hold none of {@code with}. */
    public record Exclusion(@NotBlank String role, @NotEmpty Set<String> with, @NotBlank String reason) {
    }

    public RolePolicy {
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
        forbiddenCombinations = forbiddenCombinations == null ? List.of() : List.copyOf(forbiddenCombinations);
        if (!permissions.isEmpty() && !permissions.keySet().equals(new HashSet<>(Roles.ALL))) {
            throw new IllegalArgumentException("kyc.roles.permissions must list exactly the roles " + Roles.ALL);
        }
        for (Exclusion e : forbiddenCombinations) {
            if (e.role() == null || e.with() == null || !Roles.ALL.contains(e.role())
                    || !Roles.ALL.containsAll(e.with())) {
                throw new IllegalArgumentException("kyc.roles.forbidden-combinations may name only " + Roles.ALL);
            }
        }
        for (String other : Roles.ALL) {
            if (!other.equals(Roles.AUDITOR) && !excluded(forbiddenCombinations, Roles.AUDITOR, other)) {
                throw new IllegalArgumentException("kyc.roles must forbid AUDITOR with " + other);
            }
        }
        for (String business : Roles.BUSINESS) {
            if (!excluded(forbiddenCombinations, Roles.SECURITY_ADMIN, business)) {
                throw new IllegalArgumentException("kyc.roles must forbid SECURITY_ADMIN with " + business);
            }
        }
    }

    /** The permissions of the given roles, sorted. */
    public Set<String> permissionsOf(Set<String> roles) {
        Set<String> all = new TreeSet<>();
        roles.forEach(r -> all.addAll(permissions.getOrDefault(r, List.of())));
        return all;
    }

    /** The broken exclusions, one sentence each naming the roles (empty when one person may hold them all). */
    List<String> conflicts(Set<String> roles) {
        List<String> broken = new ArrayList<>();
        for (Exclusion e : forbiddenCombinations) {
            if (roles.contains(e.role())) {
                for (String other : new TreeSet<>(e.with())) {
                    if (roles.contains(other)) {
                        broken.add(e.role() + " may not be combined with " + other + ": " + e.reason());
                    }
                }
            }
        }
        return broken;
    }

    private static boolean excluded(List<Exclusion> exclusions, String a, String b) {
        return exclusions.stream().anyMatch(e -> e.role().equals(a) && e.with().contains(b)
                || e.role().equals(b) && e.with().contains(a));
    }
}
