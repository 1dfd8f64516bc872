package com.kyckeeper.retention.web;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.retention.LegalHold;
import com.kyckeeper.retention.LegalHolds;
import com.kyckeeper.shared.InvalidInputException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Legal holds (api.md, Retention). */
@RestController
@RequestMapping("/api/v1/legal-holds")
class LegalHoldController {

    record PlaceHold(String customerId, String reason, String caseReference) {
    }

    private final LegalHolds holds;

    LegalHoldController(LegalHolds holds) {
        this.holds = holds;
    }

    @PostMapping
    ResponseEntity<LegalHold> place(@RequestBody PlaceHold body) {
        LegalHold hold = holds.place(customerId(body.customerId()), body.reason(), body.caseReference());
        return ResponseEntity.created(URI.create("/api/v1/legal-holds/" + hold.id())).body(hold);
    }

    @PostMapping("/{id}/release")
    LegalHold release(@PathVariable String id) {
        return holds.release(id);
    }

    @GetMapping("/{id}")
    LegalHold get(@PathVariable String id) {
        return holds.get(id);
    }

    private static CustomerId customerId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("customerId", "is required");
        }
        try {
            return new CustomerId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("customerId", "must be a customer id (UUID)");
        }
    }
}
