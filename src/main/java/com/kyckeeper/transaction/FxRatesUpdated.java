package com.kyckeeper.transaction;

import java.time.LocalDate;
import java.util.List;

/** What a rate update did: the dates and number of rates stored and transactions re-evaluated. */
public record FxRatesUpdated(List<LocalDate> dates, int rates, int reevaluated) {
}
