package com.kyckeeper.retention.internal;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The retention clocks of a page of customers, read set-based (one statement per module) for the purge
 * and the retention report alike; the identity clock comes from the customer's own row.
 */
final class PageClocks {

    private final List<Map<CustomerId, RecordClock>> byModule;

    private PageClocks(List<Map<CustomerId, RecordClock>> byModule) {
        this.byModule = byModule;
    }

    /** Reads every module's clocks of {@code ids} (none when {@code ids} is empty). */
    static PageClocks read(List<RetainedRecords> otherRecords, List<CustomerId> ids) {
        return new PageClocks(ids.isEmpty() ? List.of() : otherRecords.stream().map(r -> r.clocks(ids)).toList());
    }

    /** The customer's clocks for {@link RetentionPolicy#assess}: every module's it has, then its identity clock. */
    List<RecordClock> of(CustomerId id, RecordClock identity) {
        List<RecordClock> clocks = new ArrayList<>(byModule.size() + 1);
        for (Map<CustomerId, RecordClock> module : byModule) {
            RecordClock clock = module.get(id);
            if (clock != null) {
                clocks.add(clock);
            }
        }
        clocks.add(identity);
        return clocks;
    }
}
