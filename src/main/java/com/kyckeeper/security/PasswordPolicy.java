package com.kyckeeper.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * policies/login.yml ({@code kyc.login.password}): what an initial password set by a security
 * administrator, and a password a user chooses, must satisfy. The answers name the rule, never the password.
 */
@Validated
@ConfigurationProperties("kyc.login.password")
record PasswordPolicy(@Min(8) @Max(64) int minLength, @Min(16) @Max(1024) int maxLength,
                      @Min(1) @Max(4) int minCharacterClasses) {

    static final int MAX_BYTES = 72;

    /** The rules the password breaks (empty when it is acceptable). */
    List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("is required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            problems.add("must have at least " + minLength + " characters");
        }
        if (length > maxLength) {
            problems.add("must have at most " + maxLength + " characters");
        }
        if (PasswordHashes.tooLong(password)) {
            // bcrypt's limit, in bytes: a Chinese character is 3 of them
            problems.add("must be at most " + PasswordHashes.MAX_BYTES + " bytes in UTF-8");
        }
        if (classes(password) < minCharacterClasses) {
            problems.add("must mix at least " + minCharacterClasses
                    + " of lower-case letters, upper-case letters, digits and other characters");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the user name");
        }
        if (!password.isEmpty() && password.chars().distinct().count() < 5) {
            problems.add("must use at least 5 different characters");
        }
        return problems;
    }

    private static int classes(String p) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
