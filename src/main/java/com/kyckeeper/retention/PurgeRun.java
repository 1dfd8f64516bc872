package com.kyckeeper.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A purge run and its counts. {@code eligible} counts customers found due (a dry run purges none). */
public record PurgeRun(String id, String trigger, boolean dryRun, String policy, LocalDate asOf, String status,
                       String requestedBy, OffsetDateTime requestedAt, OffsetDateTime startedAt,
                       OffsetDateTime finishedAt, long examined, long eligible, long purged, long held, long retained,
                       long errors, String digest) {

    @JsonIgnore
    public boolean finished() {
        return "COMPLETED".equals(status) || "ABANDONED".equals(status);
    }
}
