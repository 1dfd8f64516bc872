package com.kyckeeper.customer;

import com.kyckeeper.shared.InvalidFieldException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Resident identity card number, GB 11643-1999: 6-digit address code, birth date YYYYMMDD,
 * 3-digit sequence (odd male, even female), check character. Lower-case x is accepted and
 * normalised; 15-digit legacy numbers are refused.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** Province-level codes of GB/T 2260 (83: Taiwan residents' residence permits). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    public static ResidentIdNumber parse(String raw, LocalDate today) {
        return parse(raw, today, true);
    }

    /** @param checkRegion false for numbers of the same layout issued to foreigners (prefix 9) */
    static ResidentIdNumber parse(String raw, LocalDate today, boolean checkRegion) {
        if (raw == null) {
            throw new InvalidFieldException("is required");
        }
        String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
            throw new InvalidFieldException("15-digit legacy resident ID numbers are not accepted; use the 18-character number");
        }
        if (!v.matches("\\d{17}[\\dX]")) {
            throw new InvalidFieldException("must be 17 digits followed by a digit or X");
        }
        if (checkRegion && !PROVINCES.contains(v.substring(0, 2))) {
            throw new InvalidFieldException("has an unknown address code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidFieldException("contains an impossible birth date");
        }
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1880, 1, 1))) {
            throw new InvalidFieldException("contains a birth date outside the possible range");
        }
        if (v.charAt(17) != checkCharacter(v)) {
            throw new InvalidFieldException("has a wrong check character");
        }
        return new ResidentIdNumber(v, birth);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[****]";
    }
}
