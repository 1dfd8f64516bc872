package com.kyckeeper.transaction;

import java.util.List;

/** The compliance queue of due-diligence cases opened by large cash transactions. */
public interface DueDiligence {

    List<DueDiligenceCase> cases(CaseStatus status);

    /**
     * One case with its reasons (ids and facts only, no personal data): for compliance, and for the
     * counter staff who recorded the transaction to see what is still needed. Audited as DD_CASE_READ.
     */
    DueDiligenceCase findCase(String caseId);

    DueDiligenceCase resolve(String caseId, CaseResolution resolution);
}
