package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.transaction.CaseDecision;
import com.kyckeeper.transaction.CasePage;
import com.kyckeeper.transaction.CaseQuery;
import com.kyckeeper.transaction.CaseResolution;
import com.kyckeeper.transaction.CaseStatus;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.DueDiligence;
import com.kyckeeper.transaction.DueDiligenceCase;
import com.kyckeeper.ui.form.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Compliance's due-diligence queue (open cases, oldest first, paged in the database) and case page: transaction facts,
 * masked customer link, resolution (decision, funds source, purpose, identity re-verified, note) and
 * a reasoned exemption of the transaction. Everything through {@link DueDiligence} / {@link CashTransactions}.
 */
@Controller
class CasePages {

    static final int PAGE_SIZE = 20;
    private final DueDiligence dueDiligence;
    private final CashTransactions transactions;
    private final CustomerRegistry registry;
    private final ServerMessages messages;

    CasePages(DueDiligence dueDiligence, CashTransactions transactions, CustomerRegistry registry,
              ServerMessages messages) {
        this.dueDiligence = dueDiligence;
        this.transactions = transactions;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/due-diligence/cases")
    String queue(@RequestParam(defaultValue = "OPEN") CaseStatus status, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        int wanted = Math.min(Math.max(page, 0), CaseQuery.MAX_PAGE);
        CasePage p = dueDiligence.cases(new CaseQuery(status, null, wanted, PAGE_SIZE));
        if (p.cases().isEmpty() && wanted >= p.pages()) {
            // beyond the last page (a crafted link, or cases resolved meanwhile): show the last one
            p = dueDiligence.cases(new CaseQuery(status, null, p.pages() - 1, PAGE_SIZE));
        }
        model.addAttribute("cases", p.cases());
        model.addAttribute("status", status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("page", p.page());
        model.addAttribute("pages", p.pages());
        model.addAttribute("total", p.total());
        return "cases/queue";
    }

    @GetMapping("/due-diligence/cases/{id}")
    String view(@PathVariable String id, Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        return page(dueDiligence.findCase(id), model);
    }

    @PostMapping("/due-diligence/cases/{id}/resolution")
    String resolve(@PathVariable String id, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String sourceOfFunds, @RequestParam(required = false) String purpose,
                   @RequestParam(defaultValue = "false") boolean reverified, @RequestParam(required = false) String note,
                   Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        Permissions.requireAny(Roles.COMPLIANCE);
        CaseDecision d = null;
        try {
            d = decision == null ? null : CaseDecision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            // refused below as a missing decision
        }
        List<String> actions = new ArrayList<>();
        if (!Forms.blank(sourceOfFunds) || !Forms.blank(purpose)) {
            actions.add("FUNDS_SOURCE_OBTAINED");
        }
        if (reverified) {
            actions.add("IDENTITY_REVERIFIED");
        }
        try {
            dueDiligence.resolve(id, new CaseResolution(d, actions, blankToNull(sourceOfFunds), blankToNull(purpose),
                    blankToNull(note)));
            redirect.addFlashAttribute("notice", "case.resolved");
            return "redirect:/due-diligence/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e.violations(), locale));
        } catch (ConflictException e) {
            model.addAttribute("problem", "case.notOpen");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(dueDiligence.findCase(id), model);
    }

    @PostMapping("/due-diligence/cases/{id}/exemption")
    String exempt(@PathVariable String id, @RequestParam(required = false) String reason, Model model, Locale locale,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Permissions.requireAny(Roles.COMPLIANCE);
        DueDiligenceCase c = dueDiligence.findCase(id);
        try {
            transactions.exempt(c.transactionId(), reason);
            redirect.addFlashAttribute("notice", "case.exempted");
            return "redirect:/due-diligence/cases/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("exemptionError", messages.translate(e.violations().getFirst().message(), locale));
        } catch (ConflictException e) {
            model.addAttribute("problem", "case.alreadyExempt");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(c, model);
    }

    private String page(DueDiligenceCase c, Model model) {
        model.addAttribute("ddCase", c);
        model.addAttribute("customer", registry.find(CustomerId.parse(c.customerId())));
        model.addAttribute("decisions", CaseDecision.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "cases/view";
    }

    private Map<String, String> errors(List<FieldViolation> violations, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            byField.merge(v.field(), messages.translate(v.message(), locale), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    private static String blankToNull(String s) {
        return Forms.blank(s) ? null : s.strip();
    }
}
