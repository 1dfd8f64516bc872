package com.kyckeeper.customer;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.Actor;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.Text;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ArchiveAccessService implements ArchiveAccess {

    private static final int MAX_LIST = 500;
    private static final int MAX_OWN = 100;
    private final ArchiveGrants grants;
    private final Customers customers;
    private final AccessLog accessLog;
    private final BusinessClock clock;
    private final ArchiveAccessPolicy policy;

    ArchiveAccessService(ArchiveGrants grants, Customers customers, AccessLog accessLog, BusinessClock clock,
                         ArchiveAccessPolicy policy) {
        this.grants = grants;
        this.customers = customers;
        this.accessLog = accessLog;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR')")
    public ArchiveAccessRequest request(CustomerId customerId, String purpose) {
        if (customerId == null) {
            throw new InvalidInputException("customerId", "is required");
        }
        String why;
        try {
            why = Text.required(purpose, 200);
        } catch (InvalidFieldException e) {
            throw new InvalidInputException("purpose", e.getMessage());
        }
        CustomerRecord r = customers.findById(customerId.toString()).orElseThrow(() -> new NotFoundException("Customer"));
        if (r.status != CustomerStatus.CLOSED) {
            throw new ConflictException("customerId", "The customer is not archived; it can be read without a request");
        }
        String id = UUID.randomUUID().toString();
        grants.insert(id, r.id, CurrentActor.get().username(), why, clock.now());
        accessLog.append(new AccessEvent("ARCHIVE_ACCESS_REQUEST", r.id, why, Outcome.SUCCESS, "request " + id));
        return view(grants.find(id).orElseThrow());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public ArchiveAccessRequest decide(String requestId, VerificationDecision decision) {
        if (decision == null) {
            throw new InvalidInputException("decision", "is required");
        }
        ArchiveGrants.Row row = load(requestId);
        Actor actor = CurrentActor.get();
        if (actor.username().equals(row.requestedBy())) {
            throw new AccessDeniedException("Four eyes: the requester may not decide their own archive access request");
        }
        if (!"PENDING".equals(row.status())) {
            throw new ConflictException("The request has already been decided");
        }
        Instant now = clock.now();
        boolean approve = decision == VerificationDecision.APPROVE;
        if (!grants.decide(row.id(), approve ? "APPROVED" : "REJECTED", actor.username(), now,
                approve ? now.plus(policy.grantValidity()) : null)) {
            throw new ConflictException("The request has already been decided");
        }
        accessLog.append(new AccessEvent(approve ? "ARCHIVE_ACCESS_APPROVE" : "ARCHIVE_ACCESS_REJECT", row.customerId(),
                null, Outcome.SUCCESS, "request " + row.id()));
        return view(grants.find(row.id()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR','COMPLIANCE')")
    public ArchiveAccessRequest get(String requestId) {
        ArchiveGrants.Row row = load(requestId);
        Actor actor = CurrentActor.get();
        if (!actor.username().equals(row.requestedBy()) && !actor.has(Roles.COMPLIANCE)) {
            throw new AccessDeniedException("Only the requester or compliance may see this request");
        }
        return view(row);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COMPLIANCE')")
    public List<ArchiveAccessRequest> list(ArchiveAccessRequest.Status status) {
        if (status == null) {
            throw new InvalidInputException("status", "is required");
        }
        String stored = status == ArchiveAccessRequest.Status.EXPIRED ? "APPROVED" : status.name();
        return grants.byStatus(stored, MAX_LIST).stream().map(this::view).filter(v -> v.status() == status).toList();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR')")
    public List<ArchiveAccessRequest> mine() {
        return grants.byRequester(CurrentActor.get().username(), MAX_OWN).stream().map(this::view).toList();
    }

    private ArchiveGrants.Row load(String requestId) {
        try {
            UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("Archive access request");
        }
        return grants.find(requestId).orElseThrow(() -> new NotFoundException("Archive access request"));
    }

    private ArchiveAccessRequest view(ArchiveGrants.Row r) {
        ArchiveAccessRequest.Status status = ArchiveAccessRequest.Status.valueOf(r.status());
        if (status == ArchiveAccessRequest.Status.APPROVED && r.validUntil() != null
                && !r.validUntil().toInstant().isAfter(clock.now())) {
            status = ArchiveAccessRequest.Status.EXPIRED;
        }
        return new ArchiveAccessRequest(r.id(), r.customerId(), r.requestedBy(), r.purpose(), status,
                zoned(r.requestedAt()), r.decidedBy(), zoned(r.decidedAt()), zoned(r.validUntil()));
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.zone()).toOffsetDateTime();
    }
}
