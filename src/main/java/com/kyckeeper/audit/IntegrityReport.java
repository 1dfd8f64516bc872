package com.kyckeeper.audit;

/**
 * Result of verifying the access log: {@code verifiedThrough} is the seq of the last entry found
 * intact (0 for an empty log), {@code firstBrokenSeq} the first entry that fails, else null.
 */
public record IntegrityReport(Status status, long verifiedThrough, Long firstBrokenSeq, long entries, String reason) {

    public enum Status { INTACT, BROKEN }

    public static IntegrityReport intact(long verifiedThrough, long entries) {
        return new IntegrityReport(Status.INTACT, verifiedThrough, null, entries, null);
    }

    public static IntegrityReport broken(long verifiedThrough, long firstBrokenSeq, long entries, String reason) {
        return new IntegrityReport(Status.BROKEN, verifiedThrough, firstBrokenSeq, entries, reason);
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
