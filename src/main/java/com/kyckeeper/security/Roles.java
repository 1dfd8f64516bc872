package com.kyckeeper.security;

import java.util.List;

/** The roles of domain.md §6 and api.md; what each may do is policies/roles.yml. Authorities carry {@code ROLE_}. */
public final class Roles {

    public static final String TELLER = "TELLER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String AUDITOR = "AUDITOR";
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    /** 高级管理层: approves relationships with politically exposed persons. */
    public static final String SENIOR_MANAGER = "SENIOR_MANAGER";

    public static final List<String> ALL = List.of(TELLER, SUPERVISOR, COMPLIANCE, AUDITOR, SECURITY_ADMIN,
            SENIOR_MANAGER);
    /** The roles that handle customers (everything but the auditor's and the security administrator's). */
    public static final List<String> BUSINESS = List.of(TELLER, SUPERVISOR, COMPLIANCE, SENIOR_MANAGER);

    private Roles() {
    }
}
