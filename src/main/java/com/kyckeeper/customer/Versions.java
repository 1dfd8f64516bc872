package com.kyckeeper.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Versions extends JpaRepository<VersionRecord, VersionRecord.Key> {

    List<VersionRecord> findByCustomerIdOrderByVersionDesc(String customerId);
}
