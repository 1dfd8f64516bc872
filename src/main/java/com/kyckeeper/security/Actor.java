package com.kyckeeper.security;

import java.util.Set;

/** Who is acting: the authenticated user name and roles (without prefix). */
public record Actor(String username, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }
}
