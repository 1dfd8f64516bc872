package com.kyckeeper.ui;

import com.kyckeeper.retention.PurgeRun;
import com.kyckeeper.retention.PurgeRuns;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Purge runs: compliance starts a dry run, or a real run after a confirmation page; the run page shows
 * the purge certificate once the run has completed. Auditors read runs and certificates, nothing more.
 */
@Controller
class PurgeRunPages {

    static final int LISTED = 50;
    private final PurgeRuns runs;

    PurgeRunPages(PurgeRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/purge-runs")
    String list(Model model) {
        Permissions.requireAny(Roles.COMPLIANCE, Roles.AUDITOR);
        model.addAttribute("runs", runs.recent(LISTED));
        model.addAttribute("mayStart", CurrentActor.get().has(Roles.COMPLIANCE));
        return "compliance/purge-runs";
    }

    @GetMapping("/purge-runs/confirm")
    String confirm() {
        Permissions.requireAny(Roles.COMPLIANCE);
        return "compliance/purge-confirm";
    }

    @PostMapping("/purge-runs")
    String start(@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String confirm) {
        Permissions.requireAny(Roles.COMPLIANCE);
        if (!dryRun && !"yes".equals(confirm)) {
            return "redirect:/purge-runs/confirm";
        }
        PurgeRun run = runs.request(dryRun);
        return "redirect:/purge-runs/" + run.id();
    }

    @GetMapping("/purge-runs/{id}")
    String run(@PathVariable String id, Model model, HttpServletResponse response) {
        Permissions.requireAny(Roles.COMPLIANCE, Roles.AUDITOR);
        PurgeRun run = runs.get(id);
        model.addAttribute("run", run);
        if ("COMPLETED".equals(run.status())) {
            model.addAttribute("certificate", runs.certificate(id));
        } else if (!run.finished()) {
            // Queued or running: the page reloads itself (a header, no script) until the run ends.
            response.setHeader("Refresh", "2");
        }
        return "compliance/purge-run";
    }
}
