package com.kyckeeper.customer;

import static com.kyckeeper.customer.CustomerColumn.*;

import com.kyckeeper.crypto.Masking;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The masked view of a customer: which values are shown and how each is masked follows
 * {@link CustomerColumn#mask()}; a corporate name is public and shown as it is.
 */
@Component
class CustomerMasking {

    private final Masking masking;

    CustomerMasking(Masking masking) {
        this.masking = masking;
    }

    /** The current record as of its own version. */
    MaskedCustomer masked(CustomerRecord r, CustomerStatus status, CustomerProfile p) {
        return mask(r, r.version, status, p, new VersionAttribution(r.updatedAt, r.updatedBy, r.verifiedAt,
                r.verifiedBy, r.closedOn), r.nextDocumentExpiry);
    }

    /** A kept version: its own editor, verifier and document expiry, not the current record's. */
    MaskedCustomer mask(CustomerRecord r, long version, CustomerStatus status, CustomerProfile p,
                        VersionAttribution a, LocalDate nextExpiry) {
        MaskedCustomer.MaskedDocument doc = null;
        String phone = null;
        String creditCode = null;
        MaskedCustomer.MaskedDocument licence = null;
        String name;
        switch (p) {
            case IndividualProfile i -> {
                name = mask(NAME, i.name());
                IdentityDocument d = i.idDocument();
                doc = new MaskedCustomer.MaskedDocument(d.type().name(), mask(DOC_NUMBER, d.number()),
                        d.expiresOn(), d.hasNoExpiry() ? Boolean.TRUE : null);
                phone = mask(PHONE, i.phone());
            }
            case CorporateProfile c -> {
                name = c.name();
                creditCode = mask(CREDIT_CODE, c.unifiedSocialCreditCode());
                Licence l = c.licence();
                licence = new MaskedCustomer.MaskedDocument(l.name(), mask(LICENCE_NUMBER, l.number()),
                        l.expiresOn(), Boolean.TRUE.equals(l.longTerm()) ? Boolean.TRUE : null);
            }
        }
        return new MaskedCustomer(r.id, r.type, status, version, name, doc, phone, creditCode, licence,
                nextExpiry, r.createdAt, r.createdBy, a.updatedAt(), a.updatedBy(), a.verifiedAt(), a.verifiedBy(),
                a.closedOn());
    }

    private String mask(CustomerColumn column, String value) {
        return masking.mask(column.mask().orElseThrow(() -> new IllegalStateException(column + " has no mask")), value);
    }
}
