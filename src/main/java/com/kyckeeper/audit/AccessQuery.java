package com.kyckeeper.audit;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Filters for the access log; every one optional. {@code from} inclusive, {@code to} exclusive.
 * Refuses what could not be a valid filter (400), so a query never reaches the database malformed.
 */
public record AccessQuery(String customerId, String actor, String action, Outcome outcome, Instant from,
                          Instant to, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;
    private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    public AccessQuery {
        List<FieldViolation> errors = new ArrayList<>();
        customerId = blankToNull(customerId);
        actor = blankToNull(actor);
        action = blankToNull(action);
        if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
            errors.add(new FieldViolation("customerId", "must be a customer id"));
        }
        if (actor != null && actor.length() > 64) {
            errors.add(new FieldViolation("actor", "must be at most 64 characters"));
        }
        if (action != null && action.length() > 64) {
            errors.add(new FieldViolation("action", "must be at most 64 characters"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldViolation("to", "must be after from"));
        }
        if (page < 0 || page > 1_000_000) {
            errors.add(new FieldViolation("page", "must be between 0 and 1000000"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Everything, first page. */
    public static AccessQuery all() {
        return new AccessQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
