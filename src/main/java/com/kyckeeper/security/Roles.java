package com.kyckeeper.security;

import java.util.List;

/** The roles of domain.md §6. Authorities carry the {@code ROLE_} prefix. */
public final class Roles {

    public static final String TELLER = "TELLER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String AUDITOR = "AUDITOR";
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";

    public static final List<String> ALL = List.of(TELLER, SUPERVISOR, COMPLIANCE, AUDITOR, SECURITY_ADMIN);

    private Roles() {
    }
}
