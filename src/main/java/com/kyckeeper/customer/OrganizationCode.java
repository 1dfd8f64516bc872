package com.kyckeeper.customer;

import com.kyckeeper.shared.InvalidFieldException;

/**
 * Organisation code, GB 11714: 8 body characters (digits, upper-case letters) and a check
 * character, weights 3 7 9 10 5 8 4 2, C = 11 − (S mod 11), 10 → X, 11 → 0. Accepts "12345678-9".
 */
public final class OrganizationCode {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private final String value;

    private OrganizationCode(String value) {
        this.value = value;
    }

    public static OrganizationCode parse(String raw) {
        if (raw == null) {
            throw new InvalidFieldException("is required");
        }
        String v = raw.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        if (!v.matches("[0-9A-Z]{8}[0-9X]")) {
            throw new InvalidFieldException("must be 8 digits or letters and a check character");
        }
        if (v.charAt(8) != checkCharacter(v)) {
            throw new InvalidFieldException("has a wrong check character");
        }
        return new OrganizationCode(v);
    }

    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
