package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.retention.LegalHolds;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Legal holds: compliance places them with a reason and case reference; a different officer releases them. */
@Controller
class LegalHoldPages {

    static final int LISTED = 200;
    private final LegalHolds holds;
    private final Problems problems;
    private final MessageSource messages;

    LegalHoldPages(LegalHolds holds, Problems problems, MessageSource messages) {
        this.holds = holds;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/compliance/legal-holds")
    String list(Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        model.addAttribute("holds", holds.recent(LISTED));
        model.addAttribute("me", CurrentActor.get().username());
        return "compliance/legal-holds";
    }

    @PostMapping("/compliance/legal-holds")
    String place(@RequestParam(required = false) String customerId, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String caseReference, RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.COMPLIANCE);
        try {
            if (customerId == null || customerId.isBlank()) {
                throw new InvalidInputException("customerId", "is required");
            }
            holds.place(CustomerId.parse(customerId.strip()), reason, caseReference);
            redirect.addFlashAttribute("notice", "notice.holdPlaced");
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            keep(redirect, customerId, reason, caseReference);
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        } catch (GoneException e) {
            keep(redirect, customerId, reason, caseReference);
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("hold.gone", null, locale)));
        }
        return "redirect:/compliance/legal-holds";
    }

    @PostMapping("/compliance/legal-holds/{id}/release")
    String release(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.COMPLIANCE);
        try {
            holds.release(id);
            redirect.addFlashAttribute("notice", "notice.holdReleased");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        }
        // The placer's own attempt is an AccessDeniedException: the audited 403 page.
        return "redirect:/compliance/legal-holds";
    }

    private static void keep(RedirectAttributes redirect, String customerId, String reason, String caseReference) {
        redirect.addFlashAttribute("customerId", customerId);
        redirect.addFlashAttribute("reason", reason);
        redirect.addFlashAttribute("caseReference", caseReference);
    }
}
