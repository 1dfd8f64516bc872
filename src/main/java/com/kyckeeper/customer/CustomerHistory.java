package com.kyckeeper.customer;

import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.BusinessClock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The kept versions of a customer: one written per stored change, read back as masked, attributed pages. */
@Component
class CustomerHistory {

    private final Versions versions;
    private final CustomerSnapshots snapshots;
    private final CustomerMasking masks;
    private final BusinessClock clock;

    CustomerHistory(Versions versions, CustomerSnapshots snapshots, CustomerMasking masks, BusinessClock clock) {
        this.versions = versions;
        this.snapshots = snapshots;
        this.masks = masks;
        this.clock = clock;
    }

    /** Keeps the stored row's version with an encrypted snapshot of its profile, attributed to the current actor. */
    void keep(CustomerRecord r, ChangeKind kind, CustomerProfile profile) {
        VersionRecord v = new VersionRecord();
        v.customerId = r.id;
        v.version = r.version;
        v.status = r.status;
        v.changeKind = kind.name();
        v.changedAt = clock.nowOffset();
        v.changedBy = CurrentActor.get().username();
        v.snapshotCt = snapshots.snapshot(r.id, r.version, profile);
        versions.save(v);
    }

    /** One page of versions, newest first; {@code page} and {@code size} are already checked. */
    CustomerRegistry.HistoryPage page(CustomerRecord r, int page, int size) {
        // Every version, newest first, read once: a snapshot's own editor and verifier follow from all versions
        // up to it, so the page is a slice of this list rather than queries of its own.
        List<VersionRecord> all = versions.findByCustomerIdOrderByVersionDesc(r.id);
        int total = all.size();
        int from = (int) Math.min(total, (long) page * size);
        int shown = Math.min(total - from, size);
        // One row past the page: the version before the page's last one, to tell what that one changed.
        List<VersionRecord> kept = all.subList(from, Math.min(total, from + shown + 1));
        List<CustomerProfile> profiles = kept.stream().map(snapshots::read).toList();
        List<VersionAttribution> attributions = VersionAttribution.walk(all.reversed(), r.closedOn).reversed();
        List<CustomerVersion> answer = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            VersionRecord v = kept.get(i);
            // Newest first: the version before this one is the next in the list.
            CustomerProfile before = i + 1 < kept.size() ? profiles.get(i + 1) : null;
            answer.add(new CustomerVersion(v.version, v.changeKind, v.status, v.changedAt, v.changedBy,
                    masks.mask(r, v.version, v.status, profiles.get(i), attributions.get(from + i),
                            profiles.get(i).nextExpiry().orElse(null)),
                    snapshots.changedFields(before, profiles.get(i))));
        }
        return new CustomerRegistry.HistoryPage(answer, total);
    }
}
