package com.kyckeeper.customer;

import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A natural person (自然人). */
public record IndividualProfile(String name, Gender gender, String nationality, String occupation, String address,
                                String habitualResidence, String phone, String email, IdentityDocument idDocument,
                                String customerSource, String customerCategory, String industry)
        implements CustomerProfile {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    @Override
    public CustomerType customerType() {
        return CustomerType.INDIVIDUAL;
    }

    @Override
    public Optional<IdentityDocument> primaryDocument() {
        return Optional.ofNullable(idDocument);
    }

    @Override
    public List<LocalDate> expiryDates() {
        return idDocument == null ? List.of() : idDocument.expiry().stream().toList();
    }

    @Override
    public IndividualProfile validated(LocalDate today, ProfileLimits limits) {
        Violations v = new Violations();
        String n = v.check("name", () -> Text.required(name, 100));
        if (gender == null) {
            v.add("gender", "is required");
        }
        String nat = v.check("nationality", () -> Fields.country(nationality, COUNTRIES));
        String occ = v.check("occupation", () -> Text.required(occupation, 100));
        String addr = v.check("address", () -> Text.required(address, 300));
        String habitual = v.check("habitualResidence", () -> Text.optional(habitualResidence, 300));
        String tel = v.check("phone", () -> Fields.phone(phone));
        String mail = v.check("email", () -> Fields.email(email));
        IdentityDocument doc = IdentityDocument.validated(idDocument, "idDocument", v, today);
        if (gender != null && doc != null && doc.type() == DocumentType.RESIDENT_ID_CARD && doc.number() != null
                && ResidentIdNumber.parse(doc.number(), today).gender() != gender) {
            v.add("gender", "does not agree with the sequence digit of the resident ID number");
        }
        String source = v.check("customerSource", () -> Text.optional(customerSource, 100));
        String category = v.check("customerCategory", () -> Fields.code(customerCategory));
        String ind = v.check("industry", () -> Text.optional(industry, 100));
        v.throwIfAny();
        return new IndividualProfile(n, gender, nat, occ, addr, habitual, tel, mail, doc, source, category, ind);
    }

    /** Field rules shared by both profile kinds. */
    static final class Fields {

        private Fields() {
        }

        static String country(String raw, Set<String> countries) {
            String c = Text.required(raw, 3).toUpperCase(Locale.ROOT);
            if (!countries.contains(c)) {
                throw new InvalidFieldException("must be an ISO 3166-1 alpha-3 country code");
            }
            return c;
        }

        static String phone(String raw) {
            String p = Text.required(raw, 20);
            if (!p.matches("\\+?\\d{5,19}")) {
                throw new InvalidFieldException("must be digits with an optional leading +");
            }
            return p;
        }

        static String email(String raw) {
            String e = Text.optional(raw, 254);
            if (e != null && !e.matches("[^@\\s]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
                throw new InvalidFieldException("must be an e-mail address");
            }
            return e;
        }

        static String code(String raw) {
            String c = Text.optional(raw, 64);
            if (c != null && !c.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidFieldException("must be letters, digits, '-' or '_'");
            }
            return c;
        }
    }
}
