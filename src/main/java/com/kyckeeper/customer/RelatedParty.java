package com.kyckeeper.customer;

import com.kyckeeper.shared.Text;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A natural person related to a corporate customer, with an identity document. */
public record RelatedParty(String name, IdentityDocument idDocument, BigDecimal ownershipPercent) {

    static RelatedParty validated(RelatedParty raw, String path, Violations v, LocalDate today, boolean owner) {
        if (raw == null) {
            v.add(path, "is required");
            return null;
        }
        String name = v.check(path + ".name", () -> Text.required(raw.name(), 100));
        IdentityDocument doc = IdentityDocument.validated(raw.idDocument(), path + ".idDocument", v, today);
        BigDecimal share = raw.ownershipPercent();
        if (!owner && share != null) {
            v.add(path + ".ownershipPercent", "is only for beneficial owners");
        } else if (share != null && (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0
                || share.stripTrailingZeros().scale() > 2)) {
            v.add(path + ".ownershipPercent", "must be more than 0 and at most 100, with at most 2 decimals");
        }
        return new RelatedParty(name, doc, share == null ? null : share.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }
}
