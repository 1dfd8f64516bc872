package com.kyckeeper.security.web;

import com.kyckeeper.security.UserAdministration;
import com.kyckeeper.security.UserChange;
import com.kyckeeper.shared.InvalidInputException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pending account creations and role changes, decided by a second SECURITY_ADMIN (api.md); the module API checks. */
@RestController
@RequestMapping("/api/v1/admin/user-changes")
class UserChangeController {

    record DecisionBody(String decision) {
    }

    private final UserAdministration admin;

    UserChangeController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    List<UserChange> list(@RequestParam(required = false, defaultValue = "PENDING_APPROVAL") String status) {
        return admin.changes(status(status));
    }

    @PostMapping("/{id}/decision")
    UserChange decide(@PathVariable String id, @RequestBody(required = false) DecisionBody body) {
        String d = body == null ? null : body.decision();
        return admin.decide(id, "APPROVE".equals(d) ? Boolean.TRUE : "REJECT".equals(d) ? Boolean.FALSE : null);
    }

    private static UserChange.Status status(String status) {
        for (UserChange.Status s : UserChange.Status.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        throw new InvalidInputException("status", "must be PENDING_APPROVAL, APPROVED or REJECTED");
    }
}
