package com.kyckeeper.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The clock and time zone business dates are counted in (a setting, default Asia/Shanghai). */
public record BusinessClock(Clock clock, ZoneId zone) {

    public Instant now() {
        return clock.instant();
    }

    public OffsetDateTime nowOffset() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
