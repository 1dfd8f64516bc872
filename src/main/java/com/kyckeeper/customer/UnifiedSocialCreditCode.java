package com.kyckeeper.customer;

import com.kyckeeper.shared.InvalidFieldException;

/**
 * Unified social credit code, GB 32100-2015: 18 characters over 0-9 and upper-case letters
 * without I, O, S, V, Z; check = 31 − (Σ value×weight mod 31), 31 → 0; positions 9–17 are an
 * organisation code with its own check character.
 */
public final class UnifiedSocialCreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    public static UnifiedSocialCreditCode parse(String raw) {
        if (raw == null) {
            throw new InvalidFieldException("is required");
        }
        String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() != 18) {
            throw new InvalidFieldException("must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(v.charAt(i)) < 0) {
                throw new InvalidFieldException("may only contain digits and upper-case letters other than I, O, S, V, Z");
            }
        }
        if (!v.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw new InvalidFieldException("has a malformed administrative division code");
        }
        if (v.charAt(17) != checkCharacter(v)) {
            throw new InvalidFieldException("has a wrong check character");
        }
        try {
            OrganizationCode.parse(v.substring(8, 17));
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("embeds an invalid organisation code");
        }
        return new UnifiedSocialCreditCode(v);
    }

    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    public String value() {
        return value;
    }

    /** The embedded organisation code (positions 9–17). */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
