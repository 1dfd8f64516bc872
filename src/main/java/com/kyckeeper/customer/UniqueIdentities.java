package com.kyckeeper.customer;

import com.kyckeeper.shared.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * One document number and one credit code belong to one customer: probed by blind index before a write, and
 * enforced by the unique indexes on the save (a concurrent duplicate), both answering a conflict naming the field.
 */
@Component
class UniqueIdentities {

    private final Customers customers;
    private final CustomerCipher fields;

    UniqueIdentities(Customers customers, CustomerCipher fields) {
        this.customers = customers;
        this.fields = fields;
    }

    /** Refuses a profile whose document or credit code already belongs to a customer other than {@code selfId}. */
    void ensureUnique(CustomerProfile profile, String selfId) {
        profile.primaryDocument().ifPresent(d -> customers
                .findFirstByDocTypeAndDocNumberBidxIn(d.type(), fields.documentIndexes(d.type(), d.number()))
                .filter(other -> !other.id.equals(selfId))
                .ifPresent(other -> {
                    throw new ConflictException("idDocument.number", "This document already belongs to another customer");
                }));
        if (profile instanceof CorporateProfile c && c.unifiedSocialCreditCode() != null) {
            customers.findFirstByCreditCodeBidxIn(fields.creditCodeIndexes(c.unifiedSocialCreditCode()))
                    .filter(other -> !other.id.equals(selfId))
                    .ifPresent(other -> {
                        throw new ConflictException("unifiedSocialCreditCode",
                                "This credit code already belongs to another customer");
                    });
        }
    }

    /** Saves and flushes so that a concurrent duplicate surfaces here as a 409, naming the field. */
    CustomerRecord saveUnique(CustomerRecord r, CustomerProfile profile) {
        try {
            return customers.saveAndFlush(r);
        } catch (DataIntegrityViolationException e) {
            String field = profile instanceof CorporateProfile ? "unifiedSocialCreditCode" : "idDocument.number";
            throw new ConflictException(field, "This identity already belongs to another customer");
        }
    }
}
