package com.kyckeeper.transaction;

/** What compliance decided on a due-diligence case. */
public enum CaseDecision {
    /** Due diligence completed (e.g. funds source obtained, identity re-verified). */
    CLEARED,
    /** Escalated as suspicious (可疑交易): reported separately; records go under legal hold. */
    ESCALATED,
    /** Business refused or relationship ended because due diligence could not be completed. */
    REFUSED
}
