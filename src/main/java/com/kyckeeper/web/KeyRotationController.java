package com.kyckeeper.web;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.crypto.KeyRotation;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation for SECURITY_ADMIN (checked in {@link KeyRotation}): start one, watch its status.
 * Lives in web because it joins crypto with the audit log, and crypto depends on no other module.
 */
@RestController
@RequestMapping("/api/v1/admin/keys/rotations")
class KeyRotationController {

    record RotationRequest(String kind) {
    }

    private final KeyRotation rotation;
    private final AccessLog accessLog;

    KeyRotationController(KeyRotation rotation, AccessLog accessLog) {
        this.rotation = rotation;
        this.accessLog = accessLog;
    }

    @PostMapping
    ResponseEntity<KeyRotation.Status> start(@RequestBody RotationRequest request) {
        KeyRotation.Kind kind = kind(request);
        KeyRotation.Status started = rotation.start(kind, CurrentActor.get().username());
        accessLog.appendIndependently(new AccessEvent("KEY_ROTATION_START", null, null, Outcome.SUCCESS,
                kind + " " + started.id()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/keys/rotations/" + started.id())).body(started);
    }

    /** Newest first, one page ({@code size} at most 100; the default first 20 are what the list showed before paging). */
    @GetMapping
    List<KeyRotation.Status> recent(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        List<com.kyckeeper.shared.FieldViolation> bad = new java.util.ArrayList<>();
        if (page < 0 || page > 1_000_000) {
            bad.add(new com.kyckeeper.shared.FieldViolation("page", "must be between 0 and 1000000"));
        }
        if (size < 1 || size > 100) {
            bad.add(new com.kyckeeper.shared.FieldViolation("size", "must be between 1 and 100"));
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        List<KeyRotation.Status> all = rotation.recent(page, size);
        accessLog.appendIndependently(new AccessEvent("KEY_ROTATION_STATUS", null, null, Outcome.SUCCESS, "list"));
        return all;
    }

    @GetMapping("/{id}")
    KeyRotation.Status status(@PathVariable String id) {
        KeyRotation.Status s = rotation.status(id).orElseThrow(() -> new NotFoundException("Key rotation"));
        accessLog.appendIndependently(new AccessEvent("KEY_ROTATION_STATUS", null, null, Outcome.SUCCESS, id));
        return s;
    }

    private static KeyRotation.Kind kind(RotationRequest request) {
        String kind = request == null ? null : request.kind();
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind", "is required: KEK, DEK or INDEX");
        }
        try {
            return KeyRotation.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be KEK, DEK or INDEX");
        }
    }
}
