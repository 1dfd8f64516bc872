package com.kyckeeper.customer;

import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.PreconditionFailedException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * One customer's lifecycle over its row: registration, changes (an identity change sends the record back to
 * four-eyes verification), verification, closing and the effective status. Records the events it causes; the
 * registry publishes them once the row and its version are stored. Plain Java: the row stays a row, the caller
 * brings the time, the actor and the cipher.
 */
final class Customer {

    private final CustomerRecord row;
    private final List<Object> events = new ArrayList<>();

    private Customer(CustomerRecord row) {
        this.row = row;
    }

    static Customer of(CustomerRecord row) {
        return new Customer(row);
    }

    /** A new record, version 1, pending verification; {@code profile} must already be validated. */
    static Customer register(CustomerProfile profile, String actor, OffsetDateTime now, CustomerCipher cipher) {
        CustomerRecord r = new CustomerRecord();
        r.id = CustomerId.random().toString();
        r.fresh = true;
        r.version = 1;
        cipher.write(r, profile);
        r.status = CustomerStatus.PENDING_VERIFICATION;
        r.createdAt = now;
        r.createdBy = actor;
        r.updatedAt = now;
        r.updatedBy = actor;
        Customer c = new Customer(r);
        c.events.add(new CustomerRegistered(new CustomerId(UUID.fromString(r.id)), r.type));
        return c;
    }

    CustomerRecord row() {
        return row;
    }

    CustomerId id() {
        return CustomerId.parse(row.id);
    }

    /** The events caused since the last call, in order; the list is emptied. */
    List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    CustomerStatus effectiveStatus(LocalDate today, Suspension suspension) {
        return suspension.effective(row.status, row.nextDocumentExpiry, today);
    }

    /** A change is made against the version the client saw, and never to a closed record. */
    void ensureChangeable(long expectedVersion) {
        if (row.version != expectedVersion) {
            throw new PreconditionFailedException("The record has changed since version " + expectedVersion);
        }
        if (row.status == CustomerStatus.CLOSED) {
            throw new ConflictException("The customer is closed; its record can no longer change");
        }
    }

    /** The proposed profile must keep the customer's type. */
    void ensureSameType(CustomerProfile proposed) {
        if (proposed == null || proposed.customerType() != row.type) {
            throw new InvalidInputException("type", "cannot be changed");
        }
    }

    /**
     * Applies a validated profile that differs from {@code current}. A changed identity sends a verified record
     * back to pending verification (a rejected one stays rejected).
     */
    ChangeKind change(CustomerProfile current, CustomerProfile updated, String actor, OffsetDateTime now,
                      CustomerCipher cipher) {
        boolean identityChanged = !IdentityFacts.of(updated).equals(IdentityFacts.of(current));
        cipher.write(row, updated);
        if (identityChanged && row.status != CustomerStatus.REJECTED) {
            row.status = CustomerStatus.PENDING_VERIFICATION;
            row.verifiedAt = null;
            row.verifiedBy = null;
        }
        row.updatedAt = now;
        row.updatedBy = actor;
        row.version++;
        events.add(new CustomerChanged(id(), row.version));
        return identityChanged ? ChangeKind.IDENTITY_CHANGED : ChangeKind.DETAILS_CHANGED;
    }

    /**
     * Four eyes: neither the registrant nor anyone who changed the record since its last decision may decide
     * (the editors are asked for only when the actor is not the registrant). Only a pending, not suspended,
     * record can be decided.
     */
    ChangeKind verify(VerificationDecision decision, String note, String actor,
                      Supplier<? extends Collection<String>> editorsSinceLastDecision, LocalDate today,
                      Suspension suspension, OffsetDateTime now, CustomerCipher cipher) {
        if (actor.equals(row.createdBy) || editorsSinceLastDecision.get().contains(actor)) {
            throw new AccessDeniedException("Four eyes: the registrant or an editor since the last verification may"
                    + " not verify the record");
        }
        if (row.status != CustomerStatus.PENDING_VERIFICATION
                || effectiveStatus(today, suspension) == CustomerStatus.SUSPENDED) {
            throw new ConflictException("Only a customer pending verification can be verified");
        }
        boolean approved = decision == VerificationDecision.APPROVE;
        row.status = approved ? CustomerStatus.VERIFIED : CustomerStatus.REJECTED;
        row.verifiedAt = now;
        row.verifiedBy = actor;
        cipher.writeNote(row, note);
        row.version++;
        events.add(new CustomerVerified(id(), decision));
        return approved ? ChangeKind.VERIFIED : ChangeKind.REJECTED;
    }

    /**
     * The end date must be given and not in the future; a past one only by compliance. Checked before the record
     * is loaded, as the registry always has.
     */
    static void ensureClosableOn(LocalDate endedOn, LocalDate today, boolean mayBackdate) {
        if (endedOn == null) {
            throw new InvalidInputException("endedOn", "is required");
        }
        if (endedOn.isAfter(today)) {
            throw new InvalidInputException("endedOn", "must not be in the future");
        }
        if (endedOn.isBefore(today) && !mayBackdate) {
            throw new AccessDeniedException("Only compliance may close a relationship with a past end date");
        }
    }

    ChangeKind close(LocalDate endedOn, String actor, OffsetDateTime now) {
        if (row.status == CustomerStatus.CLOSED) {
            throw new ConflictException("The customer is already closed");
        }
        row.status = CustomerStatus.CLOSED;
        row.closedOn = endedOn;
        row.closedAt = now;
        row.closedBy = actor;
        row.version++;
        events.add(new CustomerClosed(id(), endedOn));
        return ChangeKind.CLOSED;
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
