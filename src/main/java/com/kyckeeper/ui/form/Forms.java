package com.kyckeeper.ui.form;

import com.kyckeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Small helpers shared by the form beans and pages. */
public final class Forms {

    private Forms() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A date parameter of a page (yyyy-mm-dd); anything else is a 400 naming {@code field}. */
    public static LocalDate date(String field, String raw) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date YYYY-MM-DD");
        }
    }
}
