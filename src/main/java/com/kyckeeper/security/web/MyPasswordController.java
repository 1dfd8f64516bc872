package com.kyckeeper.security.web;

import com.kyckeeper.security.PasswordChange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Any signed-in user changes their own password (api.md); also the forced change of an initial password. */
@RestController
class MyPasswordController {

    record PasswordBody(String current, @com.fasterxml.jackson.annotation.JsonProperty("new") String next) {
    }

    private final PasswordChange passwords;

    MyPasswordController(PasswordChange passwords) {
        this.passwords = passwords;
    }

    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> change(@RequestBody(required = false) PasswordBody body) {
        passwords.change(body == null ? null : body.current(), body == null ? null : body.next());
        return ResponseEntity.noContent().build();
    }
}
