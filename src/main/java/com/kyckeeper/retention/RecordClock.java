package com.kyckeeper.retention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A fact reported by a module holding records about a customer: from which date its records of
 * this class run their retention clock (the latest such date: the relationship end, the latest
 * booking date). {@code startsFrom} null means the clock has not started (the records are still in use).
 */
public record RecordClock(RecordClass recordClass, LocalDate startsFrom) {

    public RecordClock {
        Objects.requireNonNull(recordClass, "recordClass");
    }

    public static RecordClock notStarted(RecordClass recordClass) {
        return new RecordClock(recordClass, null);
    }

    public boolean started() {
        return startsFrom != null;
    }
}
