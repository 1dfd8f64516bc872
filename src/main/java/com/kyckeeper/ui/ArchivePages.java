package com.kyckeeper.ui;

import com.kyckeeper.customer.ArchiveAccess;
import com.kyckeeper.customer.ArchiveAccessRequest;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.VerificationDecision;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Archive lending (借阅): counter staff ask to read a closed customer and follow their requests;
 * compliance approves or rejects them, never its own (the module refuses too).
 */
@Controller
class ArchivePages {

    private final ArchiveAccess archive;
    private final Problems problems;

    ArchivePages(ArchiveAccess archive, Problems problems) {
        this.archive = archive;
        this.problems = problems;
    }

    @GetMapping("/archive-access")
    String mine(@RequestParam(required = false) String customerId, Model model) {
        Permissions.requireAny(Roles.TELLER, Roles.SUPERVISOR);
        model.addAttribute("requests", archive.mine());
        if (!model.containsAttribute("customerId")) {
            model.addAttribute("customerId", customerId == null ? "" : customerId.strip());
        }
        return "archive/mine";
    }

    @PostMapping("/archive-access")
    String request(@RequestParam(required = false) String customerId, @RequestParam(required = false) String purpose,
                   RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.TELLER, Roles.SUPERVISOR);
        try {
            if (customerId == null || customerId.isBlank()) {
                throw new InvalidInputException("customerId", "is required");
            }
            archive.request(CustomerId.parse(customerId.strip()), purpose);
            redirect.addFlashAttribute("notice", "notice.archiveRequested");
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
            redirect.addFlashAttribute("customerId", customerId == null ? "" : customerId.strip());
            redirect.addFlashAttribute("purpose", purpose);
        }
        return "redirect:/archive-access";
    }

    @GetMapping("/compliance/archive-access")
    String pending(Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        model.addAttribute("requests", archive.list(ArchiveAccessRequest.Status.PENDING));
        model.addAttribute("me", CurrentActor.get().username());
        return "archive/approvals";
    }

    @PostMapping("/compliance/archive-access/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision, RedirectAttributes redirect,
                  Locale locale) {
        Permissions.requireAny(Roles.COMPLIANCE);
        VerificationDecision d = "APPROVE".equals(decision) ? VerificationDecision.APPROVE
                : "REJECT".equals(decision) ? VerificationDecision.REJECT : null;
        try {
            archive.decide(id, d);
            redirect.addFlashAttribute("notice", d == VerificationDecision.APPROVE
                    ? "notice.archiveApproved" : "notice.archiveRejected");
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        }
        return "redirect:/compliance/archive-access";
    }
}
