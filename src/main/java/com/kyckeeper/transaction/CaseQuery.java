package com.kyckeeper.transaction;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One page of the due-diligence queue: cases of a status (default OPEN), optionally of one customer,
 * oldest opened first (ties by case id), {@code page} counted from 0. Refuses what could not be a valid
 * query (400 naming the field), so a query never reaches the database malformed.
 */
public record CaseQuery(CaseStatus status, String customerId, int page, int size) {

    /** The most cases one page carries (also the default: the queue answered up to 1,000 before paging). */
    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = MAX_SIZE;
    public static final int MAX_PAGE = 1_000_000;

    public CaseQuery {
        List<FieldViolation> errors = new ArrayList<>();
        status = status == null ? CaseStatus.OPEN : status;
        customerId = customerId == null || customerId.isBlank() ? null : customerId.strip();
        if (customerId != null) {
            try {
                customerId = UUID.fromString(customerId).toString();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("customerId", "must be a customer id"));
            }
        }
        if (page < 0 || page > MAX_PAGE) {
            errors.add(new FieldViolation("page", "must be between 0 and " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The first page of a status, default size. */
    public static CaseQuery of(CaseStatus status) {
        return new CaseQuery(status, null, 0, DEFAULT_SIZE);
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) page * size;
    }
}
