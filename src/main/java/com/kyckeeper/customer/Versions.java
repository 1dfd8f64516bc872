package com.kyckeeper.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Versions extends JpaRepository<VersionRecord, VersionRecord.Key> {

    List<VersionRecord> findByCustomerIdOrderByVersionDesc(String customerId);

    /** One page, newest first; ask for one row more than shown to know what the last one changed. */
    List<VersionRecord> findByCustomerIdOrderByVersionDesc(String customerId, org.springframework.data.domain.Pageable page);

    long countByCustomerId(String customerId);
}
