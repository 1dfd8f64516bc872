package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerDetails;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.DocumentType;
import com.kyckeeper.customer.MaskedCustomer;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.ui.form.CompanyForm;
import com.kyckeeper.ui.form.Forms;
import com.kyckeeper.ui.form.IndividualForm;
import com.kyckeeper.ui.form.PartyForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Counter staff pages over {@link CustomerRegistry}: register, find, customer page (masked, reveal), due list. */
@Controller
class CustomerPages {

    static final List<DocumentType> DOCUMENT_TYPES = List.of(DocumentType.values());
    private static final String[] REGISTRARS = {Roles.TELLER, Roles.SUPERVISOR};
    private static final String[] READERS = {Roles.TELLER, Roles.SUPERVISOR, Roles.COMPLIANCE};

    private final CustomerRegistry registry;
    private final ServerMessages messages;

    CustomerPages(CustomerRegistry registry, ServerMessages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @ModelAttribute("documentTypes")
    List<DocumentType> documentTypes() {
        return DOCUMENT_TYPES;
    }

    @GetMapping("/customers/new/individual")
    String individualForm(Model model) {
        Permissions.requireAny(REGISTRARS);
        model.addAttribute("form", new IndividualForm());
        return "customers/individual";
    }

    @PostMapping("/customers/new/individual")
    String registerIndividual(@ModelAttribute("form") IndividualForm form, BindingResult errors, Locale locale,
                              RedirectAttributes redirect, HttpServletResponse response) {
        Permissions.requireAny(REGISTRARS);
        ProfileForms forms = new ProfileForms(errors, messages, locale);
        var profile = forms.individual(form);
        if (!errors.hasErrors()) {
            try {
                MaskedCustomer created = registry.register(profile);
                redirect.addFlashAttribute("notice", "notice.registered");
                return "redirect:/customers/" + created.id();
            } catch (InvalidInputException e) {
                forms.reject(e.violations());
            } catch (ConflictException e) {
                forms.reject(List.of(new FieldViolation(e.field() == null ? "" : e.field(), e.getMessage())));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "customers/individual";
    }

    @GetMapping("/customers/new/company")
    String companyForm(Model model) {
        Permissions.requireAny(REGISTRARS);
        CompanyForm form = new CompanyForm();
        model.addAttribute("form", form);
        return "customers/company";
    }

    @PostMapping("/customers/new/company")
    String registerCompany(@ModelAttribute("form") CompanyForm form, BindingResult errors, Locale locale,
                           @RequestParam(required = false) String addRow, RedirectAttributes redirect,
                           HttpServletResponse response) {
        Permissions.requireAny(REGISTRARS);
        form.dropBlankRows();
        if ("agent".equals(addRow) || "owner".equals(addRow)) {
            // "Add another" re-shows the form with one more empty row; nothing is registered yet.
            form.ensureRows();
            ("agent".equals(addRow) ? form.getAuthorizedAgents() : form.getBeneficialOwners()).add(new PartyForm());
            return "customers/company";
        }
        ProfileForms forms = new ProfileForms(errors, messages, locale);
        var profile = forms.company(form);
        if (!errors.hasErrors()) {
            try {
                MaskedCustomer created = registry.register(profile);
                redirect.addFlashAttribute("notice", "notice.registered");
                return "redirect:/customers/" + created.id();
            } catch (InvalidInputException e) {
                forms.reject(e.violations());
            } catch (ConflictException e) {
                forms.reject(List.of(new FieldViolation(e.field() == null ? "" : e.field(), e.getMessage())));
            }
        }
        form.ensureRows();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "customers/company";
    }

    /** Search form. Numbers are posted, not put in the URL, so they stay out of logs and browser history. */
    @GetMapping("/customers/search")
    String searchForm(Model model) {
        Permissions.requireAny(READERS);
        model.addAttribute("idType", DocumentType.RESIDENT_ID_CARD.name());
        return "customers/search";
    }

    @PostMapping("/customers/search")
    String search(@RequestParam(defaultValue = "document") String by, @RequestParam(required = false) String idType,
                  @RequestParam(required = false) String idNumber, @RequestParam(required = false) String creditCode,
                  Model model, Locale locale) {
        Permissions.requireAny(READERS);
        model.addAttribute("by", by);
        model.addAttribute("idType", idType);
        try {
            List<MaskedCustomer> found;
            if ("creditCode".equals(by)) {
                found = registry.findByCreditCode(creditCode);
            } else {
                DocumentType type;
                try {
                    type = DocumentType.valueOf(idType);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new InvalidInputException("idType", "is required");
                }
                found = registry.findByDocument(type, idNumber);
            }
            model.addAttribute("results", found);
        } catch (InvalidInputException e) {
            FieldViolation v = e.violations().getFirst();
            model.addAttribute("searchError", v.field());
            model.addAttribute("searchErrorText", messages.translate(v.message(), locale));
        }
        return "customers/search";
    }

    @GetMapping("/customers/{id}")
    String customer(@PathVariable String id, Model model) {
        Permissions.requireAny(READERS);
        model.addAttribute("customer", registry.find(CustomerId.parse(id)));
        return "customers/view";
    }

    /** Reveal needs a purpose, which the registry records in the access log. The page is not cached. */
    @PostMapping("/customers/{id}/reveal")
    String reveal(@PathVariable String id, @RequestParam(required = false) String purpose, Model model, Locale locale,
                  HttpServletResponse response) {
        Permissions.requireAny(READERS);
        CustomerId customerId = CustomerId.parse(id);
        response.setHeader("Cache-Control", "no-store");
        if (Forms.blank(purpose)) {
            model.addAttribute("purposeError", messages.translate("is required", locale));
            model.addAttribute("customer", registry.find(customerId));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "customers/view";
        }
        try {
            CustomerDetails details = registry.reveal(customerId, purpose);
            model.addAttribute("details", details);
            model.addAttribute("customer", registry.find(customerId));
        } catch (InvalidInputException e) {
            model.addAttribute("purposeError", messages.translate(e.violations().getFirst().message(), locale));
            model.addAttribute("customer", registry.find(customerId));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "customers/view";
    }

    @GetMapping("/customers/reverification-due")
    String due(@RequestParam(defaultValue = "30") int within, Model model) {
        Permissions.requireAny(READERS);
        model.addAttribute("within", within);
        model.addAttribute("due", registry.reverificationDue(within));
        return "customers/due";
    }
}
