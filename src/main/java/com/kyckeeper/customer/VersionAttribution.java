package com.kyckeeper.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who last changed and who last verified the record as of one kept version, derived from the versions up to it
 * (a snapshot must carry its own verifier and times, not the current record's). Follows the registry's rules: a
 * change sets the editor; a decision sets the verifier; an identity change back to pending clears the verifier.
 */
record VersionAttribution(OffsetDateTime updatedAt, String updatedBy, OffsetDateTime verifiedAt, String verifiedBy,
                          LocalDate closedOn) {

    /** One attribution per version, in the order given (oldest first); {@code closedOn} is the record's own. */
    static List<VersionAttribution> walk(List<VersionRecord> oldestFirst, LocalDate closedOn) {
        List<VersionAttribution> out = new ArrayList<>(oldestFirst.size());
        VersionAttribution a = new VersionAttribution(null, null, null, null, null);
        for (VersionRecord v : oldestFirst) {
            a = switch (v.changeKind) {
                case "REGISTERED", "DETAILS_CHANGED" -> a.edited(v);
                case "IDENTITY_CHANGED" -> v.status == CustomerStatus.PENDING_VERIFICATION
                        ? new VersionAttribution(v.changedAt, v.changedBy, null, null, a.closedOn) : a.edited(v);
                case "VERIFIED", "REJECTED" -> new VersionAttribution(a.updatedAt, a.updatedBy, v.changedAt,
                        v.changedBy, a.closedOn);
                case "CLOSED" -> new VersionAttribution(a.updatedAt, a.updatedBy, a.verifiedAt, a.verifiedBy, closedOn);
                default -> a;
            };
            out.add(a);
        }
        return out;
    }

    private VersionAttribution edited(VersionRecord v) {
        return new VersionAttribution(v.changedAt, v.changedBy, verifiedAt, verifiedBy, closedOn);
    }
}
