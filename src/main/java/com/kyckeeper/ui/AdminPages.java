package com.kyckeeper.ui;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.crypto.KeyRotation;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.security.UserAdministration;
import com.kyckeeper.security.UserChange;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.BusinessClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's pages: users and roles (request a user or a role change, decide another
 * administrator's request, enable/disable, unlock)
 * and key rotation status (start one after a confirmation page). No customer data is reachable here.
 */
@Controller
class AdminPages {

    static final int ROTATIONS = 20;
    private final UserAdministration users;
    private final KeyRotation rotation;
    private final AccessLog accessLog;
    private final Problems problems;
    private final BusinessClock clock;

    /** A rotation with its instants in the business time zone. */
    record RotationRow(KeyRotation.Status status, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    /** A pending account change with its request time in the business time zone. */
    record ChangeRow(UserChange change, OffsetDateTime requestedAt) {
    }

    /** A user with the lock's end in the business time zone. */
    record UserRow(UserAdministration.ManagedUser user, OffsetDateTime lockedUntil) {
    }

    AdminPages(UserAdministration users, KeyRotation rotation, AccessLog accessLog, Problems problems,
               BusinessClock clock) {
        this.clock = clock;
        this.users = users;
        this.rotation = rotation;
        this.accessLog = accessLog;
        this.problems = problems;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        model.addAttribute("users", users.users().stream().map(u -> new UserRow(u, zoned(u.lockedUntil()))).toList());
        model.addAttribute("roles", Roles.ALL);
        model.addAttribute("changes", users.changes(UserChange.Status.PENDING_APPROVAL).stream()
                .map(c -> new ChangeRow(c, zoned(c.requestedAt().toInstant()))).toList());
        model.addAttribute("me", CurrentActor.get().username());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(name = "roles", required = false) List<String> roles, RedirectAttributes redirect,
                  Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        try {
            var requested = users.create(username, password, roles == null ? Set.of() : new HashSet<>(roles));
            redirect.addFlashAttribute("notice", "notice.userChangeRequested");
            redirect.addFlashAttribute("subject", requested.username());
        } catch (InvalidInputException | ConflictException e) {
            // The password is never sent back to the page.
            redirect.addFlashAttribute("problems", problems.of(e, locale));
            redirect.addFlashAttribute("username", username);
            redirect.addFlashAttribute("chosenRoles", roles == null ? List.of() : List.copyOf(roles));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(name = "roles", required = false) List<String> roles,
                 RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        return act(redirect, locale, "notice.userChangeRequested", username,
                () -> users.changeRoles(username, roles == null ? Set.of() : new HashSet<>(roles)));
    }

    /** The other administrator's approval; one's own request is an AccessDeniedException (the audited 403 page). */
    @PostMapping("/admin/user-changes/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                  RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        Boolean approve = "APPROVE".equals(decision) ? Boolean.TRUE : "REJECT".equals(decision) ? Boolean.FALSE : null;
        try {
            UserChange decided = users.decide(id, approve);
            redirect.addFlashAttribute("notice", decided.status() == UserChange.Status.APPROVED
                    ? "notice.userChangeApproved" : "notice.userChangeRejected");
            redirect.addFlashAttribute("subject", decided.username());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect,
                   Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        return act(redirect, locale, enabled ? "notice.userEnabled" : "notice.userDisabled", username,
                () -> users.setEnabled(username, enabled));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        return act(redirect, locale, "notice.userUnlocked", username, () -> users.unlock(username));
    }

    private String act(RedirectAttributes redirect, Locale locale, String notice, String username, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("subject", username);
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/keys")
    String keys(Model model) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        List<KeyRotation.Status> recent = rotation.recent(ROTATIONS);
        accessLog.appendIndependently(new AccessEvent("KEY_ROTATION_STATUS", null, null, Outcome.SUCCESS, "list"));
        model.addAttribute("rotations", recent.stream()
                .map(r -> new RotationRow(r, zoned(r.startedAt()), zoned(r.finishedAt()))).toList());
        model.addAttribute("running", recent.stream().anyMatch(s -> s.state() == KeyRotation.State.RUNNING));
        model.addAttribute("kinds", KeyRotation.Kind.values());
        return "admin/keys";
    }

    @GetMapping("/admin/keys/confirm")
    String confirm(@RequestParam String kind, Model model) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        model.addAttribute("kind", kind(kind));
        return "admin/key-confirm";
    }

    @PostMapping("/admin/keys/rotations")
    String start(@RequestParam String kind, @RequestParam(required = false) String confirm,
                 RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.SECURITY_ADMIN);
        KeyRotation.Kind k = kind(kind);
        if (!"yes".equals(confirm)) {
            return "redirect:/admin/keys/confirm?kind=" + k;
        }
        try {
            KeyRotation.Status started = rotation.start(k, CurrentActor.get().username());
            accessLog.appendIndependently(new AccessEvent("KEY_ROTATION_START", null, null, Outcome.SUCCESS,
                    k + " " + started.id()));
            redirect.addFlashAttribute("notice", "notice.rotationStarted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
        }
        return "redirect:/admin/keys";
    }

    private OffsetDateTime zoned(Instant at) {
        return at == null ? null : at.atZone(clock.zone()).toOffsetDateTime();
    }

    private static KeyRotation.Kind kind(String kind) {
        try {
            return KeyRotation.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("kind", "is required: KEK, DEK or INDEX");
        }
    }
}
