package com.kyckeeper.retention.internal;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerPurge;
import com.kyckeeper.customer.CustomerStatus;
import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The customer module's own records (record, related parties, versions) on the retention SPI: the
 * clock runs from the relationship end. Ordered last, because its purge writes the tombstone. In a
 * batch the purge executor takes the identity clocks from the rows it has just locked
 * ({@link #clockOf}), so this bean's {@link #clocks} is only used by the report.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CustomerIdentityRecords implements RetainedRecords {

    private final CustomerPurge customers;

    CustomerIdentityRecords(CustomerPurge customers) {
        this.customers = customers;
    }

    @Override
    public RecordClass recordClass() {
        return RecordClass.CUSTOMER_IDENTITY;
    }

    @Override
    public Optional<RecordClock> clock(CustomerId customer) {
        return customers.relationship(customer).map(CustomerIdentityRecords::clockOf);
    }

    /** The identity clock from the relationship facts: it starts when the relationship is closed. */
    static RecordClock clockOf(CustomerPurge.Relationship r) {
        return r.status() == CustomerStatus.CLOSED && r.closedOn() != null
                ? new RecordClock(RecordClass.CUSTOMER_IDENTITY, r.closedOn())
                : RecordClock.notStarted(RecordClass.CUSTOMER_IDENTITY);
    }

    @Override
    public void purge(CustomerId customer, PurgeContext context) {
        purgeAll(Map.of(customer, context));
    }

    @Override
    public void purgeAll(Map<CustomerId, PurgeContext> batch) {
        Map<CustomerId, CustomerPurge.PurgeRef> refs = new LinkedHashMap<>();
        batch.forEach((id, c) -> refs.put(id, new CustomerPurge.PurgeRef(c.purgeRunId(), c.policy(), c.clockStart(),
                c.eligibleFrom())));
        customers.purgeAll(refs);
    }
}
