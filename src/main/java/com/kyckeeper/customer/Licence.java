package com.kyckeeper.customer;

import com.kyckeeper.shared.Text;
import java.time.LocalDate;
import java.util.Optional;

/** The licence or document proving lawful establishment (e.g. 营业执照). */
public record Licence(String name, String number, LocalDate issuedOn, LocalDate expiresOn, Boolean longTerm) {

    public Optional<LocalDate> expiry() {
        return Boolean.TRUE.equals(longTerm) ? Optional.empty() : Optional.ofNullable(expiresOn);
    }

    static Licence validated(Licence raw, String path, Violations v, LocalDate today) {
        if (raw == null) {
            v.add(path, "is required");
            return null;
        }
        String name = v.check(path + ".name", () -> Text.required(raw.name(), 100));
        String number = v.check(path + ".number", () -> {
            String n = Text.required(raw.number(), 40).toUpperCase(java.util.Locale.ROOT);
            if (!n.matches("[0-9A-Z-]{5,40}")) {
                throw new com.kyckeeper.shared.InvalidFieldException("must be 5 to 40 letters, digits or hyphens");
            }
            return n;
        });
        IdentityDocument.Validity validity = IdentityDocument.Validity.validated(
                raw.issuedOn(), raw.expiresOn(), raw.longTerm(), path, v, today);
        return new Licence(name, number, raw.issuedOn(), validity.expiresOn(), validity.longTerm());
    }
}
