package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One reportable large-value event: a single transaction or a day's aggregate per customer,
 * direction and currency class. Exempt transactions are not part of it.
 */
public record ReportableEvent(String eventId, Kind kind, String customerId, Direction direction, LocalDate businessDay,
                              String currencyClass, String measureCurrency, BigDecimal measuredTotal,
                              LocalDate reportDueBy, List<Line> transactions) {

    public enum Kind { SINGLE, AGGREGATE }

    public record Line(String id, String reference, BigDecimal amount, String currency, OffsetDateTime occurredAt,
                       String branch, DueDiligenceStatus dueDiligence) {
    }
}
