package com.kyckeeper.transaction;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cash transactions join their customer's retention clock: kept from the latest booking day, and
 * deleted with the customer (cases, transactions, day totals) inside the purge transaction — for a
 * batch of customers with one grouped query and one delete per table.
 */
@Component
class TransactionRetention implements RetainedRecords {

    private final JdbcClient jdbc;

    TransactionRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordClass recordClass() {
        return RecordClass.TRANSACTION;
    }

    @Override
    public Optional<RecordClock> clock(CustomerId customer) {
        return Optional.ofNullable(clocks(List.of(customer)).get(customer));
    }

    @Override
    public Map<CustomerId, RecordClock> clocks(Collection<CustomerId> customers) {
        Map<CustomerId, RecordClock> clocks = new HashMap<>();
        if (customers.isEmpty()) {
            return clocks;
        }
        jdbc.sql("""
                        select customer_id, max(business_day) from cash_transactions
                        where customer_id in (:ids) group by customer_id""")
                .param("ids", ids(customers))
                .query(rs -> {
                    clocks.put(new CustomerId(UUID.fromString(rs.getString(1))),
                            new RecordClock(RecordClass.TRANSACTION, rs.getObject(2, LocalDate.class)));
                });
        return clocks;
    }

    @Override
    public void purge(CustomerId customer, PurgeContext context) {
        purgeAll(Map.of(customer, context));
    }

    /** Cases before their transactions (foreign key), then the day totals. */
    @Override
    public void purgeAll(Map<CustomerId, PurgeContext> customers) {
        if (customers.isEmpty()) {
            return;
        }
        List<String> ids = ids(customers.keySet());
        jdbc.sql("delete from dd_cases where customer_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from cash_transactions where customer_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from cash_day_totals where customer_id in (:ids)").param("ids", ids).update();
    }

    private static List<String> ids(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::toString).toList();
    }
}
