package com.kyckeeper.audit.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The audit policy (policies/audit.yml): retention of the log, and how it is sealed and signed. */
@Validated
@ConfigurationProperties("kyc.audit")
record AuditProperties(@NotNull @Valid Retention retention, @NotNull @Valid Sealing sealing, @NotNull Path keyDir,
                       @Min(1) @Max(1_000_000) int maxExportRows) {

    /**
     * How long access events are kept: independent of customer purges (events hold ids only), and
     * never shorter than the records they describe (domain.md §4–5), hence at least 5 years.
     */
    record Retention(@Min(5) @Max(100) int years) {
    }

    /**
     * @param interval         how often the sealer chains new events
     * @param batchSize        events sealed per transaction
     * @param checkpointEvery  sign a checkpoint after this many new entries at the latest …
     * @param checkpointInterval … or after this much time when there is anything new
     * @param lateCommitWindow how far below the highest sealed seq the regular pass looks for events
     *                         committed late (a full pass runs before every verification and export)
     */
    record Sealing(@NotNull Duration interval, @Min(1) @Max(100_000) int batchSize,
                   @Min(1) @Max(10_000_000) int checkpointEvery, @NotNull Duration checkpointInterval,
                   @Min(0) long lateCommitWindow) {
    }
}
