package com.kyckeeper.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** Row of {@code customer_versions}: an encrypted snapshot of one version. Never updated. */
@Entity
@Table(name = "customer_versions")
@IdClass(VersionRecord.Key.class)
class VersionRecord {

    record Key(String customerId, long version) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    String customerId;
    @Id
    long version;
    @Enumerated(EnumType.STRING)
    CustomerStatus status;
    String changeKind;
    OffsetDateTime changedAt;
    String changedBy;
    @Column(name = "snapshot_ct")
    String snapshotCt;
}
