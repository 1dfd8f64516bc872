package com.kyckeeper.audit;

import java.io.Writer;

/** Tamper evidence of the access log: verification, the full export for offline checks, the public key. */
public interface AuditIntegrity {

    /**
     * Seals what is pending, then verifies the whole hash chain, every event's MAC and every
     * checkpoint signature (AUDITOR only; the check is itself logged).
     */
    IntegrityReport verify();

    /**
     * Writes the whole sealed log with its checkpoints in the format {@link OfflineVerifier} reads
     * (AUDITOR only; logged). Returns the number of entries written.
     */
    long exportLog(Writer out);

    /** The checkpoint verification key as {@code <suite> <base64>}: the second argument of {@link OfflineVerifier}. */
    String publicKey();

    /** The retention policy of the log and how many events are past it (AUDITOR). */
    AuditRetention retention();

    /** Seals every committed, unsealed event now (the scheduler also does it every second). */
    void sealNow();
}
