package com.kyckeeper.transaction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Cash transaction intake and evaluation (domain.md §3, api.md). Each method checks the caller's
 * role itself; refusals of bad input name the field and never echo the value.
 */
public interface CashTransactions {

    /** Stores and evaluates one transaction; a known reference returns the stored result ({@code created=false}). */
    RecordedTransaction record(CashTransactionRequest request);

    /** Up to the policy's batch size; every item gets its own outcome, in request order. */
    List<BatchOutcome> recordBatch(List<CashTransactionRequest> requests);

    RecordedTransaction find(String id);

    /**
     * Sets the day's rates (CNY per unit) as a new version and re-measures all that day's foreign-currency
     * transactions; where the day already has reportable foreign events, only after a second user approves.
     */
    FxRatesUpdated putRates(LocalDate date, String base, Map<String, String> rates);

    /** COMPLIANCE: the day's stored rates (CNY per unit) by currency code, sorted; empty when none. */
    java.util.SortedMap<String, java.math.BigDecimal> rates(LocalDate date);

    /** CSV lines {@code date,currency,cnyPerUnit} (header optional); all or nothing. */
    FxRatesUpdated importRates(String csv);

    /** The same, read record by record from a stream (never held whole); each day a version as for {@link #putRates}. */
    FxRatesUpdated importRates(java.io.Reader csv);

    /** COMPLIANCE: the day's current rates and every version, with who set, proposed or decided it. */
    FxRateHistory rateHistory(LocalDate date);

    /** A second COMPLIANCE user (never the proposer: 403) approves or rejects a change awaiting approval. */
    FxRatesUpdated decideRateChange(LocalDate date, String changeId, String decision);

    /** A reasoned exemption (Art. 7) by compliance: excluded from large-value reporting. */
    RecordedTransaction exempt(String id, String reason);

    /** Reportable events whose business day lies in [from, to]: for the large-value report. */
    List<ReportableEvent> reportableEvents(LocalDate from, LocalDate to);
}
