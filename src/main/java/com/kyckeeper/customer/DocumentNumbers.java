package com.kyckeeper.customer;

import com.kyckeeper.shared.InvalidFieldException;
import java.time.LocalDate;
import java.util.Locale;

/** Format (and, where defined, check-character) rules per document type; returns the normalised number. */
final class DocumentNumbers {

    private DocumentNumbers() {
    }

    static String normalise(DocumentType type, String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("is required");
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        return switch (type) {
            case RESIDENT_ID_CARD -> ResidentIdNumber.parse(v, today).value();
            case PASSPORT -> require(v, "[A-Z0-9]{5,17}", "must be 5 to 17 letters or digits");
            case HK_MACAO_PERMIT -> require(v, "[A-Z]{1,2}\\d{7,10}", "must be 1–2 letters followed by 7–10 digits");
            case TAIWAN_PERMIT -> require(v, "[A-Z]{0,2}\\d{8,10}", "must be 8–10 digits, optionally after 1–2 letters");
            case FOREIGN_PERMANENT_RESIDENT_ID -> foreignPermanentResident(v, today);
            case OTHER -> require(v, "[A-Z0-9-]{1,40}", "must be 1 to 40 letters, digits or hyphens");
        };
    }

    /** Old 15-character cards (3-letter country code + 12 digits) or the 2023 18-character card starting with 9. */
    private static String foreignPermanentResident(String v, LocalDate today) {
        if (v.matches("[A-Z]{3}\\d{12}")) {
            return v;
        }
        if (v.length() == 18 && v.charAt(0) == '9') {
            return ResidentIdNumber.parse(v, today, false).value();
        }
        throw new InvalidFieldException("must be 3 letters and 12 digits, or the 18-character number starting with 9");
    }

    private static String require(String v, String pattern, String message) {
        if (!v.matches(pattern)) {
            throw new InvalidFieldException(message);
        }
        return v;
    }
}
