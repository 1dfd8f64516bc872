package com.kyckeeper.retention.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.customer.CustomerPurge;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import com.kyckeeper.retention.RetentionAssessment;
import com.kyckeeper.retention.RetentionPolicy;
import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.retention.RetentionStatus;
import com.kyckeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes every customer's clocks on {@code asOf} from facts (nothing stored), page by page. */
@Service
class RetentionReportService implements RetentionReport {

    private static final int PAGE = 1000;
    private final CustomerPurge customers;
    private final List<RetainedRecords> records;
    private final JdbcLegalHolds holds;
    private final RetentionPolicy policy;
    private final AccessLog accessLog;

    RetentionReportService(CustomerPurge customers, List<RetainedRecords> records, JdbcLegalHolds holds,
                           RetentionPolicy policy, AccessLog accessLog) {
        this.customers = customers;
        this.records = records;
        this.holds = holds;
        this.policy = policy;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public long write(LocalDate asOf, Consumer<RetentionReportRow> sink) {
        if (asOf == null) {
            throw new InvalidInputException("asOf", "is required");
        }
        long rows = 0;
        String after = null;
        List<CustomerPurge.Relationship> page;
        while (!(page = customers.relationships(after, PAGE)).isEmpty()) {
            for (CustomerPurge.Relationship r : page) {
                List<RecordClock> clocks = records.stream().map(x -> x.clock(r.id())).flatMap(Optional::stream)
                        .toList();
                boolean held = holds.held(r.id());
                RetentionAssessment a = policy.assess(clocks, held, asOf);
                sink.accept(new RetentionReportRow(r.id().toString(), a.status(), a.basis(), a.clockStart(),
                        a.eligibleFrom(), held, a.policy(), null));
                rows++;
            }
            after = page.getLast().id().toString();
        }
        after = null;
        List<CustomerPurge.Tombstone> gone;
        while (!(gone = customers.tombstones(after, PAGE)).isEmpty()) {
            for (CustomerPurge.Tombstone t : gone) {
                sink.accept(new RetentionReportRow(t.id().toString(), RetentionStatus.PURGED,
                        "CUSTOMER_IDENTITY: relationship ended " + t.closedOn() + "; purged " + t.purgedAt().toLocalDate(),
                        t.closedOn(), t.eligibleFrom(), false, t.policy(), t.purgeRunId()));
                rows++;
            }
            after = gone.getLast().id().toString();
        }
        accessLog.append(new AccessEvent("RETENTION_REPORT", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "asOf " + asOf + ", rows: " + rows));
        return rows;
    }
}
