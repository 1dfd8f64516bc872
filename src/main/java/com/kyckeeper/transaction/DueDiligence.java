package com.kyckeeper.transaction;

/** The compliance queue of due-diligence cases opened by large cash transactions. */
public interface DueDiligence {

    /**
     * One page of the queue, paged and filtered in the database: oldest opened first (ties by id), with
     * the total number of matching cases. Audited as DD_CASE_LIST.
     */
    CasePage cases(CaseQuery query);

    /**
     * One case with its reasons (ids and facts only, no personal data): for compliance, and for the
     * counter staff who recorded the transaction to see what is still needed. Audited as DD_CASE_READ.
     */
    DueDiligenceCase findCase(String caseId);

    DueDiligenceCase resolve(String caseId, CaseResolution resolution);
}
