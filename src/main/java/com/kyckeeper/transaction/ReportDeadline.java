package com.kyckeeper.transaction;

import java.time.LocalDate;

/** When the large-value report is due: N working (or calendar) days after the transaction day. */
record ReportDeadline(int days, LargeCashProperties.Counting counting, WorkingCalendar calendar) {

    LocalDate dueBy(LocalDate businessDay) {
        return counting == LargeCashProperties.Counting.WORKING_DAYS
                ? calendar.plusWorkingDays(businessDay, days) : businessDay.plusDays(days);
    }
}
