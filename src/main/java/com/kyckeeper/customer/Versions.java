package com.kyckeeper.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Versions extends JpaRepository<VersionRecord, VersionRecord.Key> {

    List<VersionRecord> findByCustomerIdOrderByVersionDesc(String customerId);

    /** Everyone who registered or changed the record since its last verification decision (four eyes). */
    @Query("""
            select distinct v.changedBy from VersionRecord v where v.customerId = :id
            and v.changeKind in ('REGISTERED', 'IDENTITY_CHANGED', 'DETAILS_CHANGED')
            and v.version > coalesce((select max(d.version) from VersionRecord d where d.customerId = :id
                                      and d.changeKind in ('VERIFIED', 'REJECTED')), 0)""")
    List<String> editorsSinceLastDecision(@Param("id") String customerId);
}
