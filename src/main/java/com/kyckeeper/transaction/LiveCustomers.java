package com.kyckeeper.transaction;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerPurge;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The intake's guard against a purge racing a late feed: locks the customers' rows (in id order, as the purge
 * does) inside the intake transaction before anything is encrypted for them. A customer the purge removed
 * meanwhile is absent, so no data key is created again for a forgotten customer; one the purge wants waits for
 * the intake to commit.
 */
@Component
class LiveCustomers {

    private final CustomerPurge customers;

    LiveCustomers(CustomerPurge customers) {
        this.customers = customers;
    }

    /** The given customers that still exist, locked until the caller's transaction ends. */
    Map<CustomerId, CustomerPurge.Relationship> lock(Collection<CustomerId> ids) {
        return customers.lockAll(ids).stream()
                .collect(Collectors.toMap(CustomerPurge.Relationship::id, Function.identity()));
    }
}
