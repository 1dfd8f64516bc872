package com.kyckeeper.customer.web;

import com.kyckeeper.customer.ArchiveAccess;
import com.kyckeeper.customer.ArchiveAccessRequest;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.VerificationDecision;
import com.kyckeeper.shared.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Archive access (借阅) part of api.md. */
@RestController
@RequestMapping("/api/v1/archive-access-requests")
class ArchiveAccessController {

    private final ArchiveAccess archive;

    ArchiveAccessController(ArchiveAccess archive) {
        this.archive = archive;
    }

    record NewRequest(String customerId, String purpose) {
    }

    record Decision(VerificationDecision decision) {
    }

    @PostMapping
    ResponseEntity<ArchiveAccessRequest> request(@RequestBody NewRequest body) {
        CustomerId customerId;
        try {
            customerId = body.customerId() == null ? null : new CustomerId(UUID.fromString(body.customerId()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("customerId", "must be a customer id");
        }
        ArchiveAccessRequest created = archive.request(customerId, body.purpose());
        return ResponseEntity.created(URI.create("/api/v1/archive-access-requests/" + created.id())).body(created);
    }

    @PostMapping("/{id}/decision")
    ArchiveAccessRequest decide(@PathVariable String id, @RequestBody Decision body) {
        return archive.decide(id, body.decision());
    }

    @GetMapping("/{id}")
    ArchiveAccessRequest get(@PathVariable String id) {
        return archive.get(id);
    }

    @GetMapping
    List<ArchiveAccessRequest> list(@RequestParam(defaultValue = "PENDING") ArchiveAccessRequest.Status status) {
        return archive.list(status);
    }
}
