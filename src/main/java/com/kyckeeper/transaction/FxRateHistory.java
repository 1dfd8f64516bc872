package com.kyckeeper.transaction;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** A day's current rates and every version that set or proposed them, newest first. */
public record FxRateHistory(LocalDate date, SortedMap<String, String> rates, List<FxRateChange> versions) {
}
