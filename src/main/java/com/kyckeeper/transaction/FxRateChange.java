package com.kyckeeper.transaction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.SortedMap;

/**
 * One version of a day's FX rates (CNY per unit of the currencies it set): who proposed it and when,
 * and who approved or rejected it where a second COMPLIANCE user had to (null where none had to).
 * Rates are decimal strings, as in the API.
 */
public record FxRateChange(String id, LocalDate date, int version, Status status, SortedMap<String, String> rates,
                           String proposedBy, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt) {

    public enum Status {
        /** In force (the newest applied version of a currency is its current rate). */
        APPLIED,
        /** The day has reportable events: waits for a second COMPLIANCE user. */
        PENDING_APPROVAL,
        REJECTED
    }
}
