package com.kyckeeper.retention;

import java.time.LocalDate;

/**
 * The product's conservative reading of "N years counted from the year of the event" (domain.md §4):
 * eligible on the later of (event date + N years) and (1 January of the year after event-year + N).
 * Ended 2020-06-15, N = 5 → 2026-01-01.
 */
public final class ConservativeYearRule {

    private ConservativeYearRule() {
    }

    public static LocalDate eligibleFrom(LocalDate event, int years) {
        LocalDate anniversary = event.plusYears(years);
        LocalDate afterYearEnd = LocalDate.of(event.getYear() + years + 1, 1, 1);
        return anniversary.isAfter(afterYearEnd) ? anniversary : afterYearEnd;
    }
}
