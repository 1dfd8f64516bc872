package com.kyckeeper.retention.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerPurge;
import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RetainedRecords;
import com.kyckeeper.retention.RetentionAssessment;
import com.kyckeeper.retention.RetentionPolicy;
import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.retention.RetentionStatus;
import com.kyckeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the customers' clocks on {@code asOf} from facts (nothing stored), set-based page by page:
 * SQL selects a page of customers (keyset by id, the limit in the statement) — every customer, or only
 * the purge's candidates (closed before {@code asOf − N years}, a superset of the due and held) when only
 * DUE/HELD rows are asked for — then one statement per module reads the clocks of the page's closed
 * customers and one the active holds of the page; {@link RetentionPolicy#assess} decides each customer,
 * exactly as the purge does. Rows go to the sink as they are made, so memory holds one page.
 */
@Service
class RetentionReportService implements RetentionReport {

    /** Customers per page: at most {@link CustomerPurge#MAX_BATCH} (the IN lists of the clock and hold reads). */
    static final int PAGE = CustomerPurge.MAX_BATCH;
    private static final Set<RetentionStatus> CANDIDATE_STATUSES = EnumSet.of(RetentionStatus.DUE, RetentionStatus.HELD);

    private final CustomerPurge customers;
    private final List<RetainedRecords> otherRecords;
    private final JdbcLegalHolds holds;
    private final RetentionPolicy policy;
    private final AccessLog accessLog;

    RetentionReportService(CustomerPurge customers, List<RetainedRecords> records, JdbcLegalHolds holds,
                           RetentionPolicy policy, AccessLog accessLog) {
        this.customers = customers;
        // the identity clock comes from the page's own rows (CustomerIdentityRecords.clockOf), as in the purge
        this.otherRecords = records.stream().filter(r -> r.recordClass() != RecordClass.CUSTOMER_IDENTITY).toList();
        this.holds = holds;
        this.policy = policy;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public long write(LocalDate asOf, Consumer<RetentionReportRow> sink) {
        return report(asOf, EnumSet.allOf(RetentionStatus.class), sink);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public long write(LocalDate asOf, Set<RetentionStatus> statuses, Consumer<RetentionReportRow> sink) {
        return report(asOf, statuses == null || statuses.isEmpty() ? EnumSet.allOf(RetentionStatus.class)
                : EnumSet.copyOf(statuses), sink);
    }

    private long report(LocalDate asOf, Set<RetentionStatus> wanted, Consumer<RetentionReportRow> sink) {
        if (asOf == null) {
            throw new InvalidInputException("asOf", "is required");
        }
        long rows = 0;
        boolean everyone = wanted.contains(RetentionStatus.OPEN) || wanted.contains(RetentionStatus.RETAINED);
        if (everyone || wanted.stream().anyMatch(CANDIDATE_STATUSES::contains)) {
            // Only when every wanted status needs an ended relationship and a run identity period can SQL
            // narrow to the purge's candidates; assess still decides each of them.
            LocalDate endedBefore = asOf.minusYears(policy.periodFor(RecordClass.CUSTOMER_IDENTITY).years()).plusDays(1);
            String after = null;
            List<CustomerPurge.Relationship> page;
            while (!(page = everyone ? customers.relationships(after, PAGE)
                    : customers.closedBefore(endedBefore, after, PAGE)).isEmpty()) {
                for (RetentionReportRow row : assessPage(page, asOf)) {
                    if (wanted.contains(row.status())) {
                        sink.accept(row);
                        rows++;
                    }
                }
                after = page.getLast().id().toString();
            }
        }
        if (wanted.contains(RetentionStatus.PURGED)) {
            String after = null;
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
        }
        accessLog.append(new AccessEvent("RETENTION_REPORT", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "asOf " + asOf + (wanted.size() == RetentionStatus.values().length ? "" : ", " + wanted) + ", rows: " + rows));
        return rows;
    }

    /**
     * One page, set-based: the active holds of all its customers (one statement) and, for the closed ones
     * only, every other module's clocks (one statement each) — an open relationship is OPEN whatever the
     * other clocks say ({@link RetentionPolicy#assess} looks at the identity clock first).
     */
    private List<RetentionReportRow> assessPage(List<CustomerPurge.Relationship> page, LocalDate asOf) {
        List<CustomerId> ids = page.stream().map(CustomerPurge.Relationship::id).toList();
        Set<CustomerId> held = holds.heldAmong(ids);
        List<CustomerId> closed = page.stream().filter(r -> CustomerIdentityRecords.clockOf(r).started())
                .map(CustomerPurge.Relationship::id).toList();
        PageClocks clocks = PageClocks.read(otherRecords, closed);
        List<RetentionReportRow> out = new ArrayList<>(page.size());
        for (CustomerPurge.Relationship r : page) {
            RetentionAssessment a = policy.assess(clocks.of(r.id(), CustomerIdentityRecords.clockOf(r)),
                    held.contains(r.id()), asOf);
            out.add(new RetentionReportRow(r.id().toString(), a.status(), a.basis(), a.clockStart(), a.eligibleFrom(),
                    held.contains(r.id()), a.policy(), null));
        }
        return out;
    }
}
