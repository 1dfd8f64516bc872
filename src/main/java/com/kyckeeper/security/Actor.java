package com.kyckeeper.security;

import java.util.Set;

/** Who is acting: the authenticated user name and roles (without prefix). */
public record Actor(String username, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The role shown in the access log: the single most privileged one held. */
    public String primaryRole() {
        return Roles.ALL.stream().filter(roles::contains).findFirst().orElse("NONE");
    }
}
