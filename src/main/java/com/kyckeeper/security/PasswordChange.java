package com.kyckeeper.security;

/**
 * A signed-in user replaces their own password (self-service, and the forced change of an initial password).
 * The current password must be given; the new one must satisfy {@code kyc.login.password}. Answers name the
 * field ({@code current}, {@code new}), never a password.
 */
public interface PasswordChange {

    void change(String current, String next);

    /** Whether the signed-in user must still replace their initial password. */
    boolean required();
}
