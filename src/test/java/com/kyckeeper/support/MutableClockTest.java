package com.kyckeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aZonedViewGivesTheDateInThatZoneAtEveryHour() {
        MutableClock clock = new MutableClock();
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));
        assertThat(LocalDate.now(clock.withZone(SHANGHAI))).isEqualTo(LocalDate.of(2026, 12, 5));
        clock.set(Instant.parse("2026-12-04T15:59:00Z"));
        assertThat(LocalDate.now(clock.withZone(SHANGHAI))).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void aZonedViewFollowsTheClocksMoves() {
        MutableClock clock = new MutableClock();
        clock.set(Instant.parse("2026-12-04T15:00:00Z"));
        var view = clock.withZone(SHANGHAI);
        clock.advance(Duration.ofHours(1));
        assertThat(view.instant()).isEqualTo(Instant.parse("2026-12-04T16:00:00Z"));
        assertThat(view.getZone()).isEqualTo(SHANGHAI);
    }
}
