package com.kyckeeper.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Row of {@code customer_parties}: one related party of a corporate customer. */
@Entity
@Table(name = "customer_parties")
class PartyRecord {

    @Id
    String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    CustomerRecord customer;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_role")
    PartyRole role;
    int position;
    String nameCt;
    @Enumerated(EnumType.STRING)
    DocumentType docType;
    String docNumberCt;
    String docNumberBidx;
    LocalDate docIssuedOn;
    LocalDate docExpiresOn;
    boolean docLongTerm;
    BigDecimal ownershipPercent;
}
