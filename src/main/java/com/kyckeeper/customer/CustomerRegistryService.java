package com.kyckeeper.customer;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.Actor;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
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
    private final CustomerCipher fields;
    private final CustomerMasking masks;
    private final CustomerHistory history;
    private final UniqueIdentities unique;
    private final AccessLog accessLog;
    private final BusinessClock clock;
    private final CustomerPolicy policy;
    private final ApplicationEventPublisher events;
    private final CustomerPurge purged;
    private final ArchiveGrants archiveGrants;
    private final LookupLimiter lookups;

    CustomerRegistryService(Customers customers, Versions versions, CustomerCipher fields, CustomerMasking masks,
                            CustomerHistory history, UniqueIdentities unique, AccessLog accessLog, BusinessClock clock,
                            CustomerPolicy policy, ApplicationEventPublisher events, CustomerPurge purged,
                            ArchiveGrants archiveGrants, LookupLimiter lookups) {
        this.lookups = lookups;
        this.customers = customers;
        this.versions = versions;
        this.fields = fields;
        this.masks = masks;
        this.history = history;
        this.unique = unique;
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
        unique.ensureUnique(profile, null);
        Customer customer = Customer.register(profile, CurrentActor.get().username(), clock.nowOffset(), fields);
        CustomerRecord r = unique.saveUnique(customer.row(), profile);
        history.keep(r, ChangeKind.REGISTERED, profile);
        accessLog.append(AccessEvent.success("CUSTOMER_REGISTER", r.id));
        publish(customer);
        return masks.masked(r, r.status, profile);
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public MaskedCustomer find(CustomerId id) {
        CustomerRecord r = readable(id);
        accessLog.append(AccessEvent.success("CUSTOMER_READ", r.id));
        return masks.masked(r, effectiveStatus(r), fields.read(r));
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
            return new CustomerDetails(id, effectiveStatus(r), r.version, fields.read(r), r.createdAt, r.createdBy,
                    r.updatedAt, r.updatedBy, r.verifiedAt, r.verifiedBy, fields.readNote(r), r.closedOn);
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
        return searchResult(customers.findFirstByDocTypeAndDocNumberBidxIn(type, fields.documentIndexes(type, normalised)),
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
        return searchResult(customers.findFirstByCreditCodeBidxIn(fields.creditCodeIndexes(normalised)), "by credit code");
    }

    private List<MaskedCustomer> searchResult(Optional<CustomerRecord> found, String how) {
        // Archived customers are not disclosed to roles that would need a lending grant to read them.
        Optional<CustomerRecord> visible = found.filter(this::mayRead);
        accessLog.append(new AccessEvent("CUSTOMER_SEARCH", visible.map(r -> r.id).orElse(null), null,
                Outcome.SUCCESS, how + ", results: " + (visible.isPresent() ? 1 : 0)));
        return visible.map(r -> masks.masked(r, effectiveStatus(r), fields.read(r))).stream().toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('TELLER','SUPERVISOR')")
    public MaskedCustomer change(CustomerId id, long expectedVersion, UnaryOperator<CustomerProfile> change) {
        Customer customer = Customer.of(loadForUpdate(id));
        customer.ensureChangeable(expectedVersion);
        CustomerRecord r = customer.row();
        CustomerProfile current = fields.read(r);
        CustomerProfile proposed = change.apply(current);
        customer.ensureSameType(proposed);
        CustomerProfile updated = proposed.validated(clock.today(), policy.profileLimits());
        if (updated.equals(current)) {
            accessLog.append(AccessEvent.success("CUSTOMER_UPDATE", r.id).withDetail("no change"));
            return masks.masked(r, effectiveStatus(r), current);
        }
        unique.ensureUnique(updated, r.id);
        ChangeKind kind = customer.change(current, updated, CurrentActor.get().username(), clock.nowOffset(), fields);
        r = unique.saveUnique(r, updated);
        history.keep(r, kind, updated);
        accessLog.append(AccessEvent.success("CUSTOMER_UPDATE", r.id));
        publish(customer);
        return masks.masked(r, effectiveStatus(r), updated);
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
        Customer customer = Customer.of(loadForUpdate(id));
        String actor = CurrentActor.get().username();
        ChangeKind kind = customer.verify(decision, cleanNote, actor,
                () -> versions.editorsSinceLastDecision(customer.row().id), clock.today(), suspension(),
                clock.nowOffset(), fields);
        CustomerProfile profile = fields.read(customer.row());
        CustomerRecord r = customers.saveAndFlush(customer.row());
        history.keep(r, kind, profile);
        accessLog.append(AccessEvent.success("CUSTOMER_VERIFY", r.id).withDetail(decision.name()));
        publish(customer);
        return masks.masked(r, effectiveStatus(r), profile);
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
        accessLog.append(new AccessEvent("REVERIFICATION_LIST", null, null, Outcome.SUCCESS,
                "results: " + due.size()));
        return due.stream().map(r -> new ReverificationDue(masks.masked(r, effectiveStatus(r), fields.read(r)),
                r.nextDocumentExpiry, r.nextDocumentExpiry.isBefore(today), suspension().from(r.nextDocumentExpiry))).toList();
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
        accessLog.append(new AccessEvent("VERIFICATION_QUEUE", null, null, Outcome.SUCCESS,
                "results: " + pending.size()));
        return pending.stream().map(r -> masks.masked(r, effectiveStatus(r), fields.read(r))).toList();
    }

    @Override
    @Transactional
    @PreAuthorize(READERS)
    public MaskedCustomer close(CustomerId id, LocalDate endedOn) {
        Actor actor = CurrentActor.get();
        Customer.ensureClosableOn(endedOn, clock.today(), actor.has(Roles.COMPLIANCE));
        Customer customer = Customer.of(loadForUpdate(id));
        ChangeKind kind = customer.close(endedOn, actor.username(), clock.nowOffset());
        CustomerProfile profile = fields.read(customer.row());
        CustomerRecord r = customers.saveAndFlush(customer.row());
        history.keep(r, kind, profile);
        accessLog.append(AccessEvent.success("CUSTOMER_CLOSE", r.id));
        publish(customer);
        return masks.masked(r, r.status, profile);
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
        List<FieldViolation> bad = new ArrayList<>();
        if (page < 0 || page > 1_000_000) {
            bad.add(new FieldViolation("page", "must be between 0 and 1000000"));
        }
        if (size < 1 || size > MAX_HISTORY_PAGE) {
            bad.add(new FieldViolation("size", "must be between 1 and " + MAX_HISTORY_PAGE));
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        CustomerRecord r = readable(id);
        accessLog.append(AccessEvent.success("CUSTOMER_HISTORY", r.id));
        return history.page(r, page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerStanding standing(CustomerId id) {
        CustomerRecord r = load(id);
        return new CustomerStanding(id, r.type, effectiveStatus(r), r.nextDocumentExpiry, r.closedOn);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CustomerId, CustomerStanding> standings(Collection<CustomerId> ids) {
        List<String> all = ids.stream().map(CustomerId::toString).distinct().toList();
        Map<CustomerId, CustomerStanding> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += 500) {
            for (Customers.StandingRow r : customers.standingsOf(all.subList(from, Math.min(all.size(), from + 500)))) {
                CustomerId id = CustomerId.parse(r.getId());
                found.put(id, new CustomerStanding(id, r.getType(),
                        suspension().effective(r.getStatus(), r.getNextDocumentExpiry(), clock.today()),
                        r.getNextDocumentExpiry(), r.getClosedOn()));
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

    private CustomerStatus effectiveStatus(CustomerRecord r) {
        return Customer.of(r).effectiveStatus(clock.today(), suspension());
    }

    private Suspension suspension() {
        return new Suspension(policy.reverification().gracePeriodDays());
    }

    private void publish(Customer customer) {
        customer.pullEvents().forEach(events::publishEvent);
    }
}
