package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.MaskedCustomer;
import com.kyckeeper.customer.VerificationDecision;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisor's four-eyes queue. Own registrations are listed but cannot be decided (the registry refuses too). */
@Controller
class VerificationPages {

    static final int QUEUE_SIZE = 200;
    private final CustomerRegistry registry;

    VerificationPages(CustomerRegistry registry) {
        this.registry = registry;
    }

    record QueueItem(MaskedCustomer customer, boolean own) {
    }

    @GetMapping("/verification")
    String queue(Model model) {
        Permissions.requireAny(Roles.SUPERVISOR);
        String me = CurrentActor.get().username();
        List<QueueItem> items = registry.pendingVerification(QUEUE_SIZE).stream()
                .map(c -> new QueueItem(c, me.equals(c.createdBy()) || me.equals(c.updatedBy())))
                .toList();
        model.addAttribute("items", items);
        return "verification/queue";
    }

    @PostMapping("/verification/{id}")
    String decide(@PathVariable String id, @RequestParam String decision, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        Permissions.requireAny(Roles.SUPERVISOR);
        VerificationDecision d;
        try {
            d = VerificationDecision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("decision", "is required");
        }
        try {
            MaskedCustomer result = registry.verify(CustomerId.parse(id), d, note);
            redirect.addFlashAttribute("notice", d == VerificationDecision.APPROVE ? "notice.verified" : "notice.rejected");
            return "redirect:/customers/" + result.id();
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", "queue.notPending");
            return "redirect:/verification";
        }
    }
}
