package com.kyckeeper.transaction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which days are working days: not a weekend day unless a make-up working day (调休), and not a
 * public holiday. Plain Java; built from policies/working-calendar.yml.
 */
final class WorkingCalendar {

    private final String name;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeUpDays;
    private final Set<Integer> coveredYears;

    WorkingCalendar(String name, Set<DayOfWeek> weekend, List<CalendarProperties.Holiday> holidays,
                    List<LocalDate> makeUpWorkingDays, Set<Integer> coveredYears) {
        this.name = name;
        this.weekend = Set.copyOf(weekend);
        this.makeUpDays = makeUpWorkingDays == null ? Set.of() : Set.copyOf(makeUpWorkingDays);
        this.coveredYears = coveredYears == null ? Set.of() : Set.copyOf(coveredYears);
        for (CalendarProperties.Holiday h : holidays == null ? List.<CalendarProperties.Holiday>of() : holidays) {
            if (h.to().isBefore(h.from()) || h.from().plusDays(31).isBefore(h.to())) {
                throw new IllegalArgumentException("Holiday " + h.name() + ": 'to' must be on or after 'from', within 31 days");
            }
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                holidays(d);
            }
        }
        for (LocalDate d : makeUpDays) {
            if (this.holidays.contains(d)) {
                throw new IllegalArgumentException("Day " + d + " is both a holiday and a make-up working day");
            }
        }
    }

    private void holidays(LocalDate d) {
        holidays.add(d);
    }

    static WorkingCalendar of(CalendarProperties p) {
        return new WorkingCalendar(p.name(), p.weekend(), p.holidays(), p.makeUpWorkingDays(), p.coveredYears());
    }

    String name() {
        return name;
    }

    boolean covers(int year) {
        return coveredYears.contains(year);
    }

    boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        return makeUpDays.contains(day) || !weekend.contains(day.getDayOfWeek());
    }

    /** The n-th working day after {@code day}; the day itself is never counted (Civil Code Art. 201). */
    LocalDate plusWorkingDays(LocalDate day, int n) {
        LocalDate d = day;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
