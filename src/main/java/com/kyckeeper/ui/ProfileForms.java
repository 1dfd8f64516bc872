package com.kyckeeper.ui;

import com.kyckeeper.customer.CorporateProfile;
import com.kyckeeper.customer.DocumentType;
import com.kyckeeper.customer.Gender;
import com.kyckeeper.customer.IdentityDocument;
import com.kyckeeper.customer.IndividualProfile;
import com.kyckeeper.customer.Licence;
import com.kyckeeper.customer.RelatedParty;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.ui.form.CompanyForm;
import com.kyckeeper.ui.form.DocumentForm;
import com.kyckeeper.ui.form.Forms;
import com.kyckeeper.ui.form.IndividualForm;
import com.kyckeeper.ui.form.LicenceForm;
import com.kyckeeper.ui.form.PartyForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/**
 * Turns what was typed into the registry's profile records. Only text-to-type conversion happens
 * here (a date that is not a date); every rule is the registry's, whose violations come back
 * per field through {@link #reject}.
 */
final class ProfileForms {

    private final BindingResult errors;
    private final ServerMessages messages;
    private final Locale locale;

    ProfileForms(BindingResult errors, ServerMessages messages, Locale locale) {
        this.errors = errors;
        this.messages = messages;
        this.locale = locale;
    }

    IndividualProfile individual(IndividualForm f) {
        return new IndividualProfile(f.getName(), gender(f.getGender()), f.getNationality(), f.getOccupation(),
                f.getAddress(), f.getHabitualResidence(), f.getPhone(), f.getEmail(),
                document(f.getIdDocument(), "idDocument"), f.getCustomerSource(), blankToNull(f.getCustomerCategory()),
                f.getIndustry());
    }

    CorporateProfile company(CompanyForm f) {
        List<RelatedParty> agents = new ArrayList<>();
        for (int i = 0; i < f.getAuthorizedAgents().size(); i++) {
            agents.add(party(f.getAuthorizedAgents().get(i), "authorizedAgents[" + i + "]", false));
        }
        List<RelatedParty> owners = new ArrayList<>();
        for (int i = 0; i < f.getBeneficialOwners().size(); i++) {
            owners.add(party(f.getBeneficialOwners().get(i), "beneficialOwners[" + i + "]", true));
        }
        PartyForm responsible = f.getResponsiblePerson();
        return new CorporateProfile(f.getName(), f.getRegisteredAddress(), f.getBusinessScope(),
                blankToNull(f.getUnifiedSocialCreditCode()), null, null, licence(f.getLicence()),
                party(f.getLegalRepresentative(), "legalRepresentative", false),
                party(f.getControllingShareholder(), "controllingShareholder", false),
                responsible == null || responsible.isBlank() ? null : party(responsible, "responsiblePerson", false),
                agents, owners, f.getCustomerSource(), blankToNull(f.getCustomerCategory()), f.getIndustry());
    }

    /** Shows the registry's violations next to their fields; those without a field at the top. */
    void reject(List<FieldViolation> violations) {
        for (FieldViolation v : violations) {
            String text = messages.translate(v.message(), locale);
            try {
                errors.getFieldType(v.field());
                errors.rejectValue(v.field(), "server", text);
            } catch (NotReadablePropertyException | IllegalArgumentException e) {
                errors.reject("server", text);
            }
        }
    }

    private RelatedParty party(PartyForm p, String path, boolean owner) {
        if (p == null) {
            return null;
        }
        BigDecimal share = null;
        if (owner && !Forms.blank(p.getOwnershipPercent())) {
            try {
                share = new BigDecimal(p.getOwnershipPercent().strip());
            } catch (NumberFormatException e) {
                errors.rejectValue(path + ".ownershipPercent", "number", messages.translate("must be a number", locale));
            }
        }
        return new RelatedParty(p.getName(), document(p.getIdDocument(), path + ".idDocument"), share);
    }

    private IdentityDocument document(DocumentForm d, String path) {
        if (d == null) {
            return null;
        }
        DocumentType type = null;
        if (!Forms.blank(d.getType())) {
            try {
                type = DocumentType.valueOf(d.getType());
            } catch (IllegalArgumentException e) {
                errors.rejectValue(path + ".type", "type", messages.translate("is required", locale));
            }
        }
        return new IdentityDocument(type, d.getNumber(), date(d.getIssuedOn(), path + ".issuedOn"),
                date(d.getExpiresOn(), path + ".expiresOn"), d.isLongTerm());
    }

    private Licence licence(LicenceForm l) {
        if (l == null) {
            return null;
        }
        return new Licence(l.getName(), l.getNumber(), date(l.getIssuedOn(), "licence.issuedOn"),
                date(l.getExpiresOn(), "licence.expiresOn"), l.isLongTerm());
    }

    /** A date field, or null when blank; a malformed one is rejected at {@code path}. */
    LocalDate date(String raw, String path) {
        if (Forms.blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(path, "date", messages.translate("must be a date YYYY-MM-DD", locale));
            return null;
        }
    }

    private static Gender gender(String raw) {
        if (Forms.blank(raw)) {
            return null;
        }
        try {
            return Gender.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return Forms.blank(s) ? null : s.strip();
    }
}
