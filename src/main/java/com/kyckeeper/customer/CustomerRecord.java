package com.kyckeeper.customer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Row of {@code customers}. Columns ending in Ct hold ciphertext, Bidx blind indexes. The version
 * is the business version (1 on registration) and changes only under a row lock.
 */
@Entity
@Table(name = "customers")
class CustomerRecord implements Persistable<String> {

    @Id
    String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type")
    CustomerType type;
    @Enumerated(EnumType.STRING)
    CustomerStatus status;
    long version;

    String nameCt;
    String genderCt;
    String nationalityCt;
    String occupationCt;
    String addressCt;
    String habitualResidenceCt;
    String phoneCt;
    String emailCt;
    String businessScopeCt;
    String creditCodeCt;
    String creditCodeBidx;
    String legacyOrgCodeCt;
    String legacyTaxNumberCt;
    @Enumerated(EnumType.STRING)
    DocumentType docType;
    String docNumberCt;
    String docNumberBidx;
    LocalDate docIssuedOn;
    LocalDate docExpiresOn;
    Boolean docLongTerm;
    String licenceNameCt;
    String licenceNumberCt;
    LocalDate licenceIssuedOn;
    LocalDate licenceExpiresOn;
    Boolean licenceLongTerm;
    String customerSourceCt;
    String customerCategory;
    String industryCt;
    LocalDate nextDocumentExpiry;

    OffsetDateTime createdAt;
    String createdBy;
    OffsetDateTime updatedAt;
    String updatedBy;
    OffsetDateTime verifiedAt;
    String verifiedBy;
    String verificationNoteCt;
    LocalDate closedOn;
    OffsetDateTime closedAt;
    String closedBy;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, position")
    List<PartyRecord> parties = new ArrayList<>();

    @Transient
    boolean fresh;

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
