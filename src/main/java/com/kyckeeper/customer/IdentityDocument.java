package com.kyckeeper.customer;

import java.time.LocalDate;
import java.util.Optional;

/** An identity document: type, number, validity. {@code expiresOn} is absent only when long-term (长期). */
public record IdentityDocument(DocumentType type, String number, LocalDate issuedOn, LocalDate expiresOn,
                               Boolean longTerm) {

    public boolean hasNoExpiry() {
        return Boolean.TRUE.equals(longTerm);
    }

    public Optional<LocalDate> expiry() {
        return hasNoExpiry() ? Optional.empty() : Optional.ofNullable(expiresOn);
    }

    /** Validates and normalises; violations are reported under {@code path}. */
    static IdentityDocument validated(IdentityDocument raw, String path, Violations v, LocalDate today) {
        if (raw == null) {
            v.add(path, "is required");
            return null;
        }
        if (raw.type() == null) {
            v.add(path + ".type", "is required");
        }
        String number = raw.type() == null ? null
                : v.check(path + ".number", () -> DocumentNumbers.normalise(raw.type(), raw.number(), today));
        Validity validity = Validity.validated(raw.issuedOn(), raw.expiresOn(), raw.longTerm(), path, v, today);
        return new IdentityDocument(raw.type(), number, raw.issuedOn(), validity.expiresOn(), validity.longTerm());
    }

    /** Shared validity rules of documents and licences. */
    record Validity(LocalDate expiresOn, boolean longTerm) {

        static Validity validated(LocalDate issuedOn, LocalDate expiresOn, Boolean longTermFlag, String path,
                                  Violations v, LocalDate today) {
            boolean longTerm = Boolean.TRUE.equals(longTermFlag);
            if (issuedOn != null && issuedOn.isAfter(today)) {
                v.add(path + ".issuedOn", "must not be in the future");
            }
            if (longTerm && expiresOn != null) {
                v.add(path + ".expiresOn", "must be absent when longTerm is true");
            } else if (!longTerm && expiresOn == null) {
                v.add(path + ".expiresOn", "is required unless longTerm is true");
            } else if (expiresOn != null && expiresOn.isBefore(today)) {
                v.add(path + ".expiresOn", "the document has expired");
            } else if (expiresOn != null && issuedOn != null && !expiresOn.isAfter(issuedOn)) {
                v.add(path + ".expiresOn", "must be after issuedOn");
            } else if (expiresOn != null && expiresOn.isAfter(today.plusYears(100))) {
                v.add(path + ".expiresOn", "is too far in the future");
            }
            return new Validity(expiresOn, longTerm);
        }
    }
}
