package com.kyckeeper.transaction;

import java.time.LocalDate;
import java.util.List;

/**
 * What a rate update did: the dates, the number of rates that took effect, transactions re-evaluated,
 * {@code APPLIED} or {@code PENDING_APPROVAL} (some change waits for a second COMPLIANCE user), and the
 * versions made, each with its id (for the decision endpoint) and status.
 */
public record FxRatesUpdated(List<LocalDate> dates, int rates, int reevaluated, String status, List<FxRateChange> changes) {

    /** The single change of a one-day update (PUT), whose id a second user decides on. */
    public String id() {
        return changes.size() == 1 ? changes.getFirst().id() : null;
    }
}
