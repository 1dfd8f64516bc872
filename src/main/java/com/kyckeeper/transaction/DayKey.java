package com.kyckeeper.transaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Customer, direction, currency class and business day: the unit of same-day aggregation. */
record DayKey(String customerId, Direction direction, String currencyClass, LocalDate businessDay) {

    /** A stable id derived from the key, so that the row can be created idempotently by any node. */
    String id() {
        return UUID.nameUUIDFromBytes((customerId + "|" + direction + "|" + currencyClass + "|" + businessDay)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
