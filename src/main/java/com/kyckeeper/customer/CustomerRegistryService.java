package com.kyckeeper.customer;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.Actor;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.PreconditionFailedException;
import com.kyckeeper.shared.Text;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CustomerRegistryService implements CustomerRegistry {

    static final String READERS = "hasAnyRole('TELLER','SUPERVISOR','COMPLIANCE')";
    private static final int MAX_DUE_LIST = 1000;

    private final Customers customers;
    private final Versions versions;
    private final CustomerCodec codec;
    private final AccessLog accessLog;
    private final BusinessClock clock;
    private final CustomerPolicy policy;
    private final ApplicationEventPublisher events;
    private final CustomerPurge purged;
    private final ArchiveGrants archiveGrants;
    private final LookupLimiter lookups;

    CustomerRegistryService(Customers customers, Versions versions, CustomerCodec codec, AccessLog accessLog,
                            BusinessClock clock, CustomerPolicy policy, ApplicationEventPublisher events,
                            CustomerPurge purged, ArchiveGrants archiveGrants, LookupLimiter lookups) {
        this.lookups = lookups;
        this.customers = customers;
        this.versions = versions;
        this.codec = codec;
        this.accessLog = accessLog;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
        this.purged = purged;
        this.archiveGrants = archiveGrants;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR')")
    public MaskedCustomer register(CustomerProfile raw) {
        if (raw == null) {
            throw new InvalidInputException("type", "is required");
        }
        CustomerProfile profile = raw.validated(clock.today(), policy.profileLimits());
        Actor actor = CurrentActor.get();
        CustomerRecord r = new CustomerRecord();
        r.id = CustomerId.random().toString();
        r.fresh = true;
        r.version = 1;
        ensureUnique(profile, null);
        codec.write(r, profile);
        OffsetDateTime now = clock.nowOffset();
        r.status = CustomerStatus.PENDING_VERIFICATION;
        r.createdAt = now;
        r.createdBy = actor.username();
        r.updatedAt = now;
        r.updatedBy = actor.username();
        r = saveUnique(r, profile);
        keepVersion(r, "REGISTERED", profile);
        accessLog.append(AccessEvent.success("CUSTOMER_REGISTER", r.id));
        events.publishEvent(new CustomerRegistered(new CustomerId(java.util.UUID.fromString(r.id)), r.type));
        return codec.masked(r, r.status, profile);
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public MaskedCustomer find(CustomerId id) {
        CustomerRecord r = readable(id);
        accessLog.append(AccessEvent.success("CUSTOMER_READ", r.id));
        return codec.masked(r, effectiveStatus(r), codec.read(r));
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public CustomerDetails reveal(CustomerId id, String purpose) {
        String why;
        try {
            why = Text.required(purpose, 200);
        } catch (InvalidFieldException e) {
            // committed on its own: this transaction rolls back with the refusal
            accessLog.appendIndependently(new AccessEvent("CUSTOMER_REVEAL", id.toString(), null, Outcome.REFUSED,
                    "no valid purpose"));
            throw new InvalidInputException("X-Access-Purpose", "a purpose for revealing personal data " + e.getMessage());
        }
        try {
            CustomerRecord r = readable(id);
            accessLog.append(AccessEvent.success("CUSTOMER_REVEAL", r.id).withPurpose(why));
            lookups.revealed();
            return new CustomerDetails(id, effectiveStatus(r), r.version, codec.read(r), r.createdAt, r.createdBy,
                    r.updatedAt, r.updatedBy, r.verifiedAt, r.verifiedBy, codec.decryptNote(r), r.closedOn);
        } catch (RuntimeException e) {
            // not found, purged, undecryptable …: the attempt and its stated purpose stay on record
            accessLog.appendIndependently(new AccessEvent("CUSTOMER_REVEAL", id.toString(), why, Outcome.FAILED,
                    e.getClass().getSimpleName()));
            throw e;
        }
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public List<MaskedCustomer> findByDocument(DocumentType type, String number) {
        lookups.admit();
        if (type == null) {
            throw new InvalidInputException("idType", "is required");
        }
        String normalised;
        try {
            normalised = DocumentNumbers.normalise(type, number, clock.today());
        } catch (InvalidFieldException e) {
            throw new InvalidInputException("idNumber", e.getMessage());
        }
        return searchResult(customers.findFirstByDocTypeAndDocNumberBidxIn(type, codec.documentIndexes(type, normalised)),
                "by document");
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public List<MaskedCustomer> findByCreditCode(String creditCode) {
        lookups.admit();
        String normalised;
        try {
            normalised = UnifiedSocialCreditCode.parse(creditCode).value();
        } catch (InvalidFieldException e) {
            throw new InvalidInputException("creditCode", e.getMessage());
        }
        return searchResult(customers.findFirstByCreditCodeBidxIn(codec.creditCodeIndexes(normalised)), "by credit code");
    }

    private List<MaskedCustomer> searchResult(Optional<CustomerRecord> found, String how) {
        // Archived customers are not disclosed to roles that would need a lending grant to read them.
        Optional<CustomerRecord> visible = found.filter(this::mayRead);
        accessLog.append(new AccessEvent("CUSTOMER_SEARCH", visible.map(r -> r.id).orElse(null), null,
                com.kyckeeper.audit.Outcome.SUCCESS, how + ", results: " + (visible.isPresent() ? 1 : 0)));
        return visible.map(r -> codec.masked(r, effectiveStatus(r), codec.read(r))).stream().toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR')")
    public MaskedCustomer change(CustomerId id, long expectedVersion, UnaryOperator<CustomerProfile> change) {
        CustomerRecord r = loadForUpdate(id);
        if (r.version != expectedVersion) {
            throw new PreconditionFailedException("The record has changed since version " + expectedVersion);
        }
        if (r.status == CustomerStatus.CLOSED) {
            throw new ConflictException("The customer is closed; its record can no longer change");
        }
        CustomerProfile current = codec.read(r);
        CustomerProfile proposed = change.apply(current);
        if (proposed == null || proposed.customerType() != r.type) {
            throw new InvalidInputException("type", "cannot be changed");
        }
        CustomerProfile updated = proposed.validated(clock.today(), policy.profileLimits());
        if (updated.equals(current)) {
            accessLog.append(AccessEvent.success("CUSTOMER_UPDATE", r.id).withDetail("no change"));
            return codec.masked(r, effectiveStatus(r), current);
        }
        ensureUnique(updated, r.id);
        boolean identityChanged = !IdentityFacts.of(updated).equals(IdentityFacts.of(current));
        codec.write(r, updated);
        if (identityChanged && r.status != CustomerStatus.REJECTED) {
            // Identity facts changed: the record needs a fresh four-eyes verification.
            r.status = CustomerStatus.PENDING_VERIFICATION;
            r.verifiedAt = null;
            r.verifiedBy = null;
        }
        r.updatedAt = clock.nowOffset();
        r.updatedBy = CurrentActor.get().username();
        r.version++;
        r = saveUnique(r, updated);
        keepVersion(r, identityChanged ? "IDENTITY_CHANGED" : "DETAILS_CHANGED", updated);
        accessLog.append(AccessEvent.success("CUSTOMER_UPDATE", r.id));
        events.publishEvent(new CustomerChanged(id, r.version));
        return codec.masked(r, effectiveStatus(r), updated);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public MaskedCustomer verify(CustomerId id, VerificationDecision decision, String note) {
        if (decision == null) {
            throw new InvalidInputException("decision", "is required");
        }
        String cleanNote;
        try {
            cleanNote = Text.optional(note, 500);
        } catch (InvalidFieldException e) {
            throw new InvalidInputException("note", e.getMessage());
        }
        CustomerRecord r = loadForUpdate(id);
        Actor actor = CurrentActor.get();
        if (actor.username().equals(r.createdBy) || versions.editorsSinceLastDecision(r.id).contains(actor.username())) {
            throw new AccessDeniedException("Four eyes: the registrant or an editor since the last verification may"
                    + " not verify the record");
        }
        if (r.status != CustomerStatus.PENDING_VERIFICATION || effectiveStatus(r) == CustomerStatus.SUSPENDED) {
            throw new ConflictException("Only a customer pending verification can be verified");
        }
        r.status = decision == VerificationDecision.APPROVE ? CustomerStatus.VERIFIED : CustomerStatus.REJECTED;
        r.verifiedAt = clock.nowOffset();
        r.verifiedBy = actor.username();
        r.verificationNoteCt = codec.encryptNote(r, cleanNote);
        CustomerProfile profile = codec.read(r);
        r.version++;
        r = customers.saveAndFlush(r);
        keepVersion(r, decision == VerificationDecision.APPROVE ? "VERIFIED" : "REJECTED", profile);
        accessLog.append(AccessEvent.success("CUSTOMER_VERIFY", r.id).withDetail(decision.name()));
        events.publishEvent(new CustomerVerified(id, decision));
        return codec.masked(r, effectiveStatus(r), profile);
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public List<ReverificationDue> reverificationDue(int withinDays) {
        if (withinDays < 0 || withinDays > 3650) {
            throw new InvalidInputException("within", "must be between 0 and 3650 days");
        }
        LocalDate today = clock.today();
        List<CustomerRecord> due = customers.expiringBy(today.plusDays(withinDays),
                List.of(CustomerStatus.PENDING_VERIFICATION, CustomerStatus.VERIFIED), PageRequest.of(0, MAX_DUE_LIST));
        accessLog.append(new AccessEvent("REVERIFICATION_LIST", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "results: " + due.size()));
        return due.stream().map(r -> new ReverificationDue(codec.masked(r, effectiveStatus(r), codec.read(r)),
                r.nextDocumentExpiry, r.nextDocumentExpiry.isBefore(today), suspensionFrom(r.nextDocumentExpiry))).toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public List<MaskedCustomer> pendingVerification(int limit) {
        if (limit < 1 || limit > MAX_DUE_LIST) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_DUE_LIST);
        }
        List<CustomerRecord> pending = customers.findByStatusOrderByCreatedAtAscIdAsc(
                CustomerStatus.PENDING_VERIFICATION, PageRequest.of(0, limit));
        accessLog.append(new AccessEvent("VERIFICATION_QUEUE", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "results: " + pending.size()));
        return pending.stream().map(r -> codec.masked(r, effectiveStatus(r), codec.read(r))).toList();
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public MaskedCustomer close(CustomerId id, LocalDate endedOn) {
        if (endedOn == null) {
            throw new InvalidInputException("endedOn", "is required");
        }
        LocalDate today = clock.today();
        if (endedOn.isAfter(today)) {
            throw new InvalidInputException("endedOn", "must not be in the future");
        }
        Actor actor = CurrentActor.get();
        if (endedOn.isBefore(today) && !actor.has(Roles.COMPLIANCE)) {
            throw new AccessDeniedException("Only compliance may close a relationship with a past end date");
        }
        CustomerRecord r = loadForUpdate(id);
        if (r.status == CustomerStatus.CLOSED) {
            throw new ConflictException("The customer is already closed");
        }
        r.status = CustomerStatus.CLOSED;
        r.closedOn = endedOn;
        r.closedAt = clock.nowOffset();
        r.closedBy = actor.username();
        CustomerProfile profile = codec.read(r);
        r.version++;
        r = customers.saveAndFlush(r);
        keepVersion(r, "CLOSED", profile);
        accessLog.append(AccessEvent.success("CUSTOMER_CLOSE", r.id));
        events.publishEvent(new CustomerClosed(id, endedOn));
        return codec.masked(r, r.status, profile);
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public List<CustomerVersion> history(CustomerId id) {
        return history(id, 0, MAX_HISTORY_PAGE).versions();
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public HistoryPage history(CustomerId id, int page, int size) {
        java.util.List<com.kyckeeper.shared.FieldViolation> bad = new java.util.ArrayList<>();
        if (page < 0 || page > 1_000_000) {
            bad.add(new com.kyckeeper.shared.FieldViolation("page", "must be between 0 and 1000000"));
        }
        if (size < 1 || size > MAX_HISTORY_PAGE) {
            bad.add(new com.kyckeeper.shared.FieldViolation("size", "must be between 1 and " + MAX_HISTORY_PAGE));
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        CustomerRecord r = readable(id);
        accessLog.append(AccessEvent.success("CUSTOMER_HISTORY", r.id));
        // Every version, newest first, read once: a snapshot's own editor and verifier follow from all versions
        // up to it, so the page is a slice of this list rather than queries of its own.
        List<VersionRecord> all = versions.findByCustomerIdOrderByVersionDesc(r.id);
        int total = all.size();
        int from = (int) Math.min(total, (long) page * size);
        int shown = Math.min(total - from, size);
        // One row past the page: the version before the page's last one, to tell what that one changed.
        List<VersionRecord> kept = all.subList(from, Math.min(total, from + shown + 1));
        List<CustomerProfile> profiles = kept.stream().map(codec::readSnapshot).toList();
        List<VersionAttribution> attributions = VersionAttribution.walk(all.reversed(), r.closedOn).reversed();
        List<CustomerVersion> answer = new java.util.ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            VersionRecord v = kept.get(i);
            // Newest first: the version before this one is the next in the list.
            CustomerProfile before = i + 1 < kept.size() ? profiles.get(i + 1) : null;
            answer.add(new CustomerVersion(v.version, v.changeKind, v.status, v.changedAt, v.changedBy,
                    codec.mask(r, v.version, v.status, profiles.get(i), attributions.get(from + i),
                            profiles.get(i).nextExpiry().orElse(null)),
                    codec.changedFields(before, profiles.get(i))));
        }
        return new HistoryPage(answer, total);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerStanding standing(CustomerId id) {
        CustomerRecord r = load(id);
        return new CustomerStanding(id, r.type, effectiveStatus(r), r.nextDocumentExpiry, r.closedOn);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<CustomerId, CustomerStanding> standings(java.util.Collection<CustomerId> ids) {
        List<String> all = ids.stream().map(CustomerId::toString).distinct().toList();
        java.util.Map<CustomerId, CustomerStanding> found = new java.util.HashMap<>();
        for (int from = 0; from < all.size(); from += 500) {
            for (Customers.StandingRow r : customers.standingsOf(all.subList(from, Math.min(all.size(), from + 500)))) {
                CustomerId id = CustomerId.parse(r.getId());
                found.put(id, new CustomerStanding(id, r.getType(),
                        effectiveStatus(r.getStatus(), r.getNextDocumentExpiry()), r.getNextDocumentExpiry(), r.getClosedOn()));
            }
        }
        return found;
    }

    private CustomerRecord load(CustomerId id) {
        return customers.findById(id.toString()).orElseThrow(() -> missing(id));
    }

    private CustomerRecord loadForUpdate(CustomerId id) {
        return customers.findForUpdate(id.toString()).orElseThrow(() -> missing(id));
    }

    /** A purged customer answers 410 with its purge run and policy (ids only); an unknown one 404. */
    private RuntimeException missing(CustomerId id) {
        return purged.tombstone(id).<RuntimeException>map(t -> new GoneException(t.purgeRunId(), t.policy()))
                .orElseGet(() -> new NotFoundException("Customer"));
    }

    /** Loads a customer the actor may read: archived (closed) ones only for compliance or with a lending grant. */
    private CustomerRecord readable(CustomerId id) {
        CustomerRecord r = load(id);
        if (!mayRead(r)) {
            throw new AccessDeniedException("The customer is archived: reading it needs an approved archive access request");
        }
        return r;
    }

    private boolean mayRead(CustomerRecord r) {
        return r.status != CustomerStatus.CLOSED || CurrentActor.get().has(Roles.COMPLIANCE)
                || archiveGrants.valid(r.id, CurrentActor.get().username(), clock.now());
    }

    /** Suspension is derived from facts: an expired document past the grace period. */
    private CustomerStatus effectiveStatus(CustomerRecord r) {
        return effectiveStatus(r.status, r.nextDocumentExpiry);
    }

    private CustomerStatus effectiveStatus(CustomerStatus status, LocalDate nextDocumentExpiry) {
        boolean active = status == CustomerStatus.PENDING_VERIFICATION || status == CustomerStatus.VERIFIED;
        if (active && nextDocumentExpiry != null && clock.today().isAfter(nextDocumentExpiry.plusDays(
                policy.reverification().gracePeriodDays()))) {
            return CustomerStatus.SUSPENDED;
        }
        return status;
    }

    private LocalDate suspensionFrom(LocalDate expiry) {
        return expiry.plusDays(policy.reverification().gracePeriodDays() + 1L);
    }

    private void ensureUnique(CustomerProfile profile, String selfId) {
        profile.primaryDocument().ifPresent(d -> customers
                .findFirstByDocTypeAndDocNumberBidxIn(d.type(), codec.documentIndexes(d.type(), d.number()))
                .filter(other -> !other.id.equals(selfId))
                .ifPresent(other -> {
                    throw new ConflictException("idDocument.number", "This document already belongs to another customer");
                }));
        if (profile instanceof CorporateProfile c && c.unifiedSocialCreditCode() != null) {
            customers.findFirstByCreditCodeBidxIn(codec.creditCodeIndexes(c.unifiedSocialCreditCode()))
                    .filter(other -> !other.id.equals(selfId))
                    .ifPresent(other -> {
                        throw new ConflictException("unifiedSocialCreditCode",
                                "This credit code already belongs to another customer");
                    });
        }
    }

    /** Saves and flushes so that a concurrent duplicate surfaces here as a 409, naming the field. */
    private CustomerRecord saveUnique(CustomerRecord r, CustomerProfile profile) {
        try {
            return customers.saveAndFlush(r);
        } catch (DataIntegrityViolationException e) {
            String field = profile instanceof CorporateProfile ? "unifiedSocialCreditCode" : "idDocument.number";
            throw new ConflictException(field, "This identity already belongs to another customer");
        }
    }

    private void keepVersion(CustomerRecord r, String kind, CustomerProfile profile) {
        VersionRecord v = new VersionRecord();
        v.customerId = r.id;
        v.version = r.version;
        v.status = r.status;
        v.changeKind = kind;
        v.changedAt = clock.nowOffset();
        v.changedBy = CurrentActor.get().username();
        v.snapshotCt = codec.snapshot(r.id, r.version, profile);
        versions.save(v);
    }

    /** The facts whose change requires re-verification; contact details are not among them. */
    private record IdentityFacts(CustomerProfile profile) {
        static IdentityFacts of(CustomerProfile p) {
            return new IdentityFacts(switch (p) {
                case IndividualProfile i -> new IndividualProfile(i.name(), i.gender(), i.nationality(), null, null, null,
                        null, null, i.idDocument(), null, null, null);
                case CorporateProfile c -> new CorporateProfile(c.name(), null, null, c.unifiedSocialCreditCode(),
                        c.legacyOrganizationCode(), c.legacyTaxRegistrationNumber(), c.licence(),
                        c.legalRepresentative(), c.controllingShareholder(), c.responsiblePerson(),
                        c.authorizedAgents(), c.beneficialOwners(), null, null, null);
            });
        }
    }
}
