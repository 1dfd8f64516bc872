package com.kyckeeper.transaction;

import java.util.List;

/** The compliance queue of due-diligence cases opened by large cash transactions. */
public interface DueDiligence {

    List<DueDiligenceCase> cases(CaseStatus status);

    DueDiligenceCase resolve(String caseId, CaseResolution resolution);
}
