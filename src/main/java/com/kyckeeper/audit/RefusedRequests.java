package com.kyckeeper.audit;

/**
 * Refusals of anonymous requests (no or wrong credentials), which anyone can send in any number: counted per
 * client address and minute in a short-lived table instead of one permanent access-log row each, so a scan
 * or a flood cannot grow the ten-year log. Kept for {@code kyc.audit.refusals.keep-days} (policies/audit.yml).
 */
public interface RefusedRequests {

    /** Counts one refusal of the current request (its client address, this minute); {@code action} is its route. */
    void count(String action);
}
