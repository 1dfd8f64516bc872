package com.kyckeeper.shared;

/** Checks on free text shared by every module: length limits and no control characters. */
public final class Text {

    private Text() {
    }

    /** A required, trimmed, printable value of at most {@code max} characters. */
    public static String required(String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException("is required");
        }
        return optional(value, max);
    }

    /** Like {@link #required} but null or blank gives null. */
    public static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidFieldException("must be at most " + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.UNASSIGNED)) {
            throw new InvalidFieldException("contains control or unassigned characters");
        }
        return trimmed;
    }
}
