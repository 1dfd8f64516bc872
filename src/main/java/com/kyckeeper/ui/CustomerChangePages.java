package com.kyckeeper.ui;

import com.kyckeeper.customer.CorporateProfile;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerProfile;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.CustomerStatus;
import com.kyckeeper.customer.CustomerVersion;
import com.kyckeeper.customer.IdentityDocument;
import com.kyckeeper.customer.IndividualProfile;
import com.kyckeeper.customer.Licence;
import com.kyckeeper.customer.MaskedCustomer;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.PreconditionFailedException;
import com.kyckeeper.ui.form.ChangeForm;
import com.kyckeeper.ui.form.DocumentForm;
import com.kyckeeper.ui.form.Forms;
import com.kyckeeper.ui.form.LicenceForm;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Change of details and version history over {@link CustomerRegistry#change} and {@link CustomerRegistry#history}.
 * The change page never reveals the current values: it shows the masked view and applies only the fields
 * that were filled in, to the profile the registry holds, at the version the page was opened with.
 */
@Controller
class CustomerChangePages {

    /** Who may change details: the registry's {@code @PreAuthorize} on change. */
    static final String[] EDITORS = {Roles.TELLER, Roles.SUPERVISOR};
    /** Who may read the history: the registry's readers (auditors and administrators never see customer data). */
    static final String[] READERS = {Roles.TELLER, Roles.SUPERVISOR, Roles.COMPLIANCE};

    private final CustomerRegistry registry;
    private final ServerMessages messages;
    private final MessageSource bundle;

    CustomerChangePages(CustomerRegistry registry, ServerMessages messages, MessageSource bundle) {
        this.registry = registry;
        this.messages = messages;
        this.bundle = bundle;
    }

    @GetMapping("/customers/{id}/change")
    String changeForm(@PathVariable String id, Model model) {
        Permissions.requireAny(EDITORS);
        MaskedCustomer customer = registry.find(CustomerId.parse(id));
        ChangeForm form = new ChangeForm();
        form.setVersion(customer.version());
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        return "customers/change";
    }

    @PostMapping("/customers/{id}/change")
    String change(@PathVariable String id, @ModelAttribute("form") ChangeForm form, BindingResult errors,
                  Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        Permissions.requireAny(EDITORS);
        CustomerId customerId = CustomerId.parse(id);
        MaskedCustomer before = registry.find(customerId);
        model.addAttribute("customer", before);
        Changes changes = read(form, errors, locale);
        if (!errors.hasErrors()) {
            try {
                MaskedCustomer after = registry.change(customerId, form.getVersion(), changes::applyTo);
                if (after.version() == form.getVersion()) {
                    redirect.addFlashAttribute("notice", "notice.unchanged");
                } else if (after.status() == CustomerStatus.PENDING_VERIFICATION
                        && before.status() != CustomerStatus.PENDING_VERIFICATION) {
                    redirect.addFlashAttribute("notice", "notice.changedReverify");
                } else {
                    redirect.addFlashAttribute("notice", "notice.changed");
                }
                return "redirect:/customers/" + after.id();
            } catch (PreconditionFailedException e) {
                // Someone else saved a newer version: nothing was applied; the teller reloads and re-enters.
                model.addAttribute("stale", true);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return "customers/change";
            } catch (InvalidInputException e) {
                new ProfileForms(errors, messages, locale).reject(e.violations());
            } catch (ConflictException e) {
                new ProfileForms(errors, messages, locale)
                        .reject(List.of(new FieldViolation(e.field() == null ? "" : e.field(), e.getMessage())));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return "customers/change";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "customers/change";
    }

    @GetMapping("/customers/{id}/history")
    String history(@PathVariable String id, Model model, Locale locale) {
        Permissions.requireAny(READERS);
        List<CustomerVersion> versions = registry.history(CustomerId.parse(id));
        model.addAttribute("customerId", id);
        model.addAttribute("current", versions.isEmpty() ? null : versions.getFirst().snapshot());
        model.addAttribute("versions", versions.stream().map(v -> new HistoryRow(v.version(),
                bundle.getMessage("history.kind." + v.changeKind(), null, v.changeKind(), locale),
                v.status(), v.changedAt(), v.changedBy(), v.snapshot(),
                v.changedFields().stream().map(f -> label(f, locale)).toList())).toList());
        return "customers/history";
    }

    /** One line of the history page: masked snapshot plus the changed fields' labels in the page language. */
    record HistoryRow(long version, String kind, CustomerStatus status, OffsetDateTime changedAt,
                      String changedBy, MaskedCustomer snapshot, List<String> changedFields) {
    }

    /** The field's label in the page language; a nested path without its own label gets its top field's. */
    private String label(String field, Locale locale) {
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String topLabel = bundle.getMessage("history.field." + top, null, field, locale);
        return bundle.getMessage("history.field." + field, null, topLabel, locale);
    }

    /** What was filled in, already converted (dates parsed); blank means "keep". */
    private record Changes(String occupation, String address, String habitualResidence, String phone, String email,
                           String registeredAddress, String businessScope, Renewal document, Renewal licence) {

        CustomerProfile applyTo(CustomerProfile current) {
            return switch (current) {
                case IndividualProfile p -> new IndividualProfile(p.name(), p.gender(), p.nationality(),
                        or(occupation, p.occupation()), or(address, p.address()),
                        or(habitualResidence, p.habitualResidence()), or(phone, p.phone()), or(email, p.email()),
                        document == null || p.idDocument() == null ? p.idDocument() : document.applyTo(p.idDocument()),
                        p.customerSource(), p.customerCategory(), p.industry());
                case CorporateProfile c -> new CorporateProfile(c.name(), or(registeredAddress, c.registeredAddress()),
                        or(businessScope, c.businessScope()), c.unifiedSocialCreditCode(), c.legacyOrganizationCode(),
                        c.legacyTaxRegistrationNumber(),
                        licence == null || c.licence() == null ? c.licence() : licence.applyTo(c.licence()),
                        c.legalRepresentative(), c.controllingShareholder(), c.responsiblePerson(),
                        c.authorizedAgents(), c.beneficialOwners(), c.customerSource(), c.customerCategory(),
                        c.industry());
            };
        }

        private static String or(String typed, String current) {
            return Forms.blank(typed) ? current : typed.strip();
        }
    }

    /** A renewed document or licence: a new number and/or validity; what is left blank stays as it was. */
    private record Renewal(String number, LocalDate issuedOn, LocalDate expiresOn, boolean longTerm) {

        IdentityDocument applyTo(IdentityDocument d) {
            boolean newValidity = longTerm || expiresOn != null;
            return new IdentityDocument(d.type(), Forms.blank(number) ? d.number() : number.strip(),
                    issuedOn != null ? issuedOn : d.issuedOn(),
                    newValidity ? (longTerm ? null : expiresOn) : d.expiresOn(),
                    newValidity ? longTerm : d.longTerm());
        }

        Licence applyTo(Licence l) {
            boolean newValidity = longTerm || expiresOn != null;
            return new Licence(l.name(), Forms.blank(number) ? l.number() : number.strip(),
                    issuedOn != null ? issuedOn : l.issuedOn(),
                    newValidity ? (longTerm ? null : expiresOn) : l.expiresOn(),
                    newValidity ? longTerm : l.longTerm());
        }
    }

    private Changes read(ChangeForm f, BindingResult errors, Locale locale) {
        ProfileForms forms = new ProfileForms(errors, messages, locale);
        return new Changes(f.getOccupation(), f.getAddress(), f.getHabitualResidence(), f.getPhone(), f.getEmail(),
                f.getRegisteredAddress(), f.getBusinessScope(), document(f.getIdDocument(), forms),
                licence(f.getLicence(), forms));
    }

    private static Renewal document(DocumentForm d, ProfileForms forms) {
        if (d == null || d.isBlank()) {
            return null;
        }
        return new Renewal(d.getNumber(), forms.date(d.getIssuedOn(), "idDocument.issuedOn"),
                forms.date(d.getExpiresOn(), "idDocument.expiresOn"), d.isLongTerm());
    }

    private static Renewal licence(LicenceForm l, ProfileForms forms) {
        if (l == null || Forms.blank(l.getNumber()) && Forms.blank(l.getIssuedOn()) && Forms.blank(l.getExpiresOn())
                && !l.isLongTerm()) {
            return null;
        }
        return new Renewal(l.getNumber(), forms.date(l.getIssuedOn(), "licence.issuedOn"),
                forms.date(l.getExpiresOn(), "licence.expiresOn"), l.isLongTerm());
    }
}
