package com.kyckeeper.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface Customers extends JpaRepository<CustomerRecord, String> {

    /** Loads under a row lock: changes to one customer happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CustomerRecord c where c.id = :id")
    Optional<CustomerRecord> findForUpdate(String id);

    /** Lookups probe every live index key (old and new during an index-key rotation). */
    Optional<CustomerRecord> findFirstByDocTypeAndDocNumberBidxIn(DocumentType type, java.util.Collection<String> bidx);

    Optional<CustomerRecord> findFirstByCreditCodeBidxIn(java.util.Collection<String> bidx);

    /** What {@link CustomerStanding} needs, for many customers at once (no personal data loaded). */
    @Query("""
            select c.id as id, c.type as type, c.status as status, c.nextDocumentExpiry as nextDocumentExpiry,
                   c.closedOn as closedOn
            from CustomerRecord c where c.id in :ids""")
    List<StandingRow> standingsOf(java.util.Collection<String> ids);

    interface StandingRow {
        String getId();

        CustomerType getType();

        CustomerStatus getStatus();

        LocalDate getNextDocumentExpiry();

        LocalDate getClosedOn();
    }

    List<CustomerRecord> findByStatusOrderByCreatedAtAscIdAsc(CustomerStatus status, Pageable page);

    @Query("""
            select c from CustomerRecord c
            where c.nextDocumentExpiry <= :limit and c.status in :statuses
            order by c.nextDocumentExpiry, c.id""")
    List<CustomerRecord> expiringBy(LocalDate limit, List<CustomerStatus> statuses, Pageable page);
}
