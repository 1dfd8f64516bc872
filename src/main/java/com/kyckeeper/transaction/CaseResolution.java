package com.kyckeeper.transaction;

import java.util.List;

/**
 * What was done to resolve a due-diligence case: the decision, the actions taken (e.g.
 * FUNDS_SOURCE_OBTAINED, IDENTITY_REVERIFIED), funds source/purpose when obtained, and a note.
 */
public record CaseResolution(CaseDecision decision, List<String> actions, String sourceOfFunds, String purpose,
                             String note) {
}
