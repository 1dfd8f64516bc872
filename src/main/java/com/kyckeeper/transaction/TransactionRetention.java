package com.kyckeeper.transaction;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cash transactions join their customer's retention clock: kept from the latest booking day, and
 * deleted with the customer (cases, transactions, day totals) inside the purge transaction.
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
        return jdbc.sql("select max(business_day) from cash_transactions where customer_id = ?")
                .param(customer.toString()).query(LocalDate.class).optional()
                .map(latest -> new RecordClock(RecordClass.TRANSACTION, latest));
    }

    @Override
    public void purge(CustomerId customer, PurgeContext context) {
        String id = customer.toString();
        jdbc.sql("delete from dd_cases where customer_id = ?").param(id).update();
        jdbc.sql("delete from cash_transactions where customer_id = ?").param(id).update();
        jdbc.sql("delete from cash_day_totals where customer_id = ?").param(id).update();
    }
}
