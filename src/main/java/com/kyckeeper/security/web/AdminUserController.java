package com.kyckeeper.security.web;

import com.kyckeeper.security.UserAdministration;
import com.kyckeeper.security.UserChange;
import com.kyckeeper.security.UserAdministration.ManagedUser;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles for SECURITY_ADMIN (docs/ui.md, "Security administrator"); the module API checks the role. */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUserController {

    record NewUser(String username, String password, Set<String> roles) {
    }

    record RolesBody(Set<String> roles) {
    }

    record EnabledBody(Boolean enabled) {
    }

    private final UserAdministration admin;

    AdminUserController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    List<ManagedUser> list() {
        return admin.users();
    }

    @GetMapping("/{username}")
    ManagedUser get(@PathVariable String username) {
        return admin.user(username);
    }

    /** 202: the account exists only once a different security administrator approves the change. */
    @PostMapping
    ResponseEntity<UserChange> create(@RequestBody NewUser body) {
        UserChange requested = body == null ? admin.create(null, null, null)
                : admin.create(body.username(), body.password(), body.roles());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/user-changes/" + requested.id()))
                .body(requested);
    }

    @PutMapping("/{username}/roles")
    ResponseEntity<UserChange> roles(@PathVariable String username, @RequestBody RolesBody body) {
        UserChange requested = admin.changeRoles(username, body == null ? null : body.roles());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/user-changes/" + requested.id()))
                .body(requested);
    }

    @PutMapping("/{username}/enabled")
    ManagedUser enabled(@PathVariable String username, @RequestBody EnabledBody body) {
        if (body == null || body.enabled() == null) {
            throw new com.kyckeeper.shared.InvalidInputException("enabled", "is required: true or false");
        }
        return admin.setEnabled(username, body.enabled());
    }

    @PostMapping("/{username}/unlock")
    ManagedUser unlock(@PathVariable String username) {
        return admin.unlock(username);
    }
}
