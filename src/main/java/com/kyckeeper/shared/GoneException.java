package com.kyckeeper.shared;

/** The record was purged under a retention policy (410). Carries ids only. */
public class GoneException extends RuntimeException {

    private final String purgeRunId;
    private final String policy;

    public GoneException(String purgeRunId, String policy) {
        super("The record was purged under the retention policy");
        this.purgeRunId = purgeRunId;
        this.policy = policy;
    }

    public String purgeRunId() {
        return purgeRunId;
    }

    public String policy() {
        return policy;
    }
}
