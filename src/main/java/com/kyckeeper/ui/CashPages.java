package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.transaction.CashTransactionRequest;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.DueDiligence;
import com.kyckeeper.transaction.DueDiligenceStatus;
import com.kyckeeper.transaction.RecordedTransaction;
import com.kyckeeper.ui.form.CashForm;
import com.kyckeeper.ui.form.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's cash transaction page over {@link CashTransactions}: the answer shows at once whether
 * the transaction is large-value, its due-diligence status with what is still needed, and reportDueBy.
 * Rejected values are never logged; the server's violations come back under their fields.
 */
@Controller
class CashPages {

    private static final String[] RECORDERS = {Roles.TELLER, Roles.SUPERVISOR};
    private static final String[] READERS = {Roles.TELLER, Roles.SUPERVISOR, Roles.COMPLIANCE};
    static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR", "HKD", "JPY", "GBP");

    private final CashTransactions transactions;
    private final DueDiligence dueDiligence;
    private final CustomerRegistry registry;
    private final ServerMessages messages;
    private final BusinessClock clock;

    CashPages(CashTransactions transactions, DueDiligence dueDiligence, CustomerRegistry registry,
              ServerMessages messages, BusinessClock clock) {
        this.transactions = transactions;
        this.dueDiligence = dueDiligence;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("currencies")
    List<String> currencies() {
        return CURRENCIES;
    }

    @GetMapping("/cash/new")
    String form(@RequestParam(required = false) String customerId, Model model) {
        Permissions.requireAny(RECORDERS);
        CashForm form = new CashForm();
        form.setReference("UI-" + UUID.randomUUID());
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.now(), clock.zone());
        form.setDate(now.toLocalDate().toString());
        form.setTime(now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("HH:mm")));
        if (customerId != null && customerId.matches("[0-9a-fA-F-]{36}")) {
            form.setCustomerId(customerId);
            model.addAttribute("customer", registry.find(CustomerId.parse(customerId)));
        }
        model.addAttribute("form", form);
        return "cash/new";
    }

    @PostMapping("/cash")
    String record(@ModelAttribute("form") CashForm form, BindingResult errors, Locale locale, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Permissions.requireAny(RECORDERS);
        String occurredAt = occurredAt(form, errors, locale);
        if (!errors.hasErrors()) {
            try {
                RecordedTransaction r = transactions.record(new CashTransactionRequest(form.getReference(),
                        blankToNull(form.getCustomerId()), form.getDirection(), blankToNull(form.getAmount()),
                        form.getCurrency(), occurredAt, blankToNull(form.getBranch()),
                        blankToNull(form.getSourceOfFunds()), blankToNull(form.getPurpose())));
                redirect.addFlashAttribute("notice", r.created() ? "cash.recorded" : "cash.repeated");
                return "redirect:/cash/" + r.id();
            } catch (InvalidInputException e) {
                reject(errors, e.violations(), locale);
            } catch (ConflictException e) {
                reject(errors, List.of(new FieldViolation(e.field() == null ? "" : e.field(), e.getMessage())), locale);
            }
        }
        if (form.getCustomerId() != null && form.getCustomerId().matches("[0-9a-fA-F-]{36}")
                && !errors.hasFieldErrors("customerId")) {
            try {
                model.addAttribute("customer", registry.find(CustomerId.parse(form.getCustomerId())));
            } catch (RuntimeException notReadable) {
                // the form is shown without the customer's name
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "cash/new";
    }

    /** The result: large-value or not, due diligence and what is still needed, report deadline. */
    @GetMapping("/cash/{id}")
    String result(@PathVariable String id, Model model) {
        Permissions.requireAny(READERS);
        RecordedTransaction r = transactions.find(id);
        model.addAttribute("tx", r);
        model.addAttribute("customer", registry.find(CustomerId.parse(r.customerId())));
        if (r.dueDiligence() == DueDiligenceStatus.REQUIRED && r.caseId() != null) {
            model.addAttribute("ddCase", dueDiligence.findCase(r.caseId()));
        }
        return "cash/result";
    }

    private String occurredAt(CashForm form, BindingResult errors, Locale locale) {
        LocalDate date = null;
        LocalTime time = null;
        try {
            date = LocalDate.parse(form.getDate() == null ? "" : form.getDate().strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("date", "date", messages.translate("must be a date (yyyy-mm-dd)", locale));
        }
        try {
            time = Forms.blank(form.getTime()) ? LocalTime.NOON : LocalTime.parse(form.getTime().strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("time", "time", messages.translate("must be a time (hh:mm)", locale));
        }
        if (date == null || time == null) {
            return null;
        }
        return ZonedDateTime.of(date, time, clock.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private void reject(BindingResult errors, List<FieldViolation> violations, Locale locale) {
        for (FieldViolation v : violations) {
            String text = messages.translate(v.message(), locale);
            String field = "occurredAt".equals(v.field()) ? "date" : v.field();
            try {
                errors.getFieldType(field);
                errors.rejectValue(field, "server", text);
            } catch (RuntimeException notAField) {
                errors.reject("server", text);
            }
        }
    }

    private static String blankToNull(String s) {
        return Forms.blank(s) ? null : s.strip();
    }
}
