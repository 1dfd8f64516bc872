package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.RefusedRequests;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per (client address, minute) with a count, in table {@code refused_requests}: a refusal is one
 * atomic {@code UPDATE … refusals = refusals + 1}; the first of a minute inserts the row (an insert that
 * loses a race with another node falls back to the update) and first deletes rows older than the kept days,
 * so the table holds at most keep-days × 1,440 rows per address. Own transaction: the refusal commits alone.
 */
@Component
class JdbcRefusedRequests implements RefusedRequests {

    private static final Logger log = LoggerFactory.getLogger(JdbcRefusedRequests.class);
    private static final int ADDRESS = 45;
    private static final int ACTION = 64;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;
    private final TransactionTemplate own;

    JdbcRefusedRequests(JdbcClient jdbc, Clock clock, RefusalProperties policy, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = Duration.ofDays(policy.keepDays());
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void count(String action) {
        String address = RequestMetadata.current().clientAddress();
        String source = address == null ? "unknown" : cut(address, ADDRESS);
        long minute = clock.instant().getEpochSecond() / 60;
        try {
            for (int attempt = 0; ; attempt++) {
                if (Boolean.TRUE.equals(own.execute(s -> increment(source, minute)))) {
                    return;
                }
                try {
                    own.executeWithoutResult(s -> first(source, minute, cut(action, ACTION)));
                    return;
                } catch (DuplicateKeyException raced) {
                    if (attempt >= 2) {
                        throw raced;
                    }
                }
            }
        } catch (DataAccessException e) {
            // the refusal is answered whatever happens here; the count is a record, not a gate
            log.warn("Refused request not counted: {}", e.getClass().getName());
        }
    }

    private boolean increment(String source, long minute) {
        return jdbc.sql("update refused_requests set refusals = refusals + 1 where source = :source and epoch_minute = :minute")
                .param("source", source).param("minute", minute).update() > 0;
    }

    private void first(String source, long minute, String action) {
        jdbc.sql("delete from refused_requests where epoch_minute < :before")
                .param("before", minute - keep.toMinutes()).update();
        jdbc.sql("insert into refused_requests (source, epoch_minute, refusals, first_action) values (:source, :minute, 1, :action)")
                .param("source", source).param("minute", minute).param("action", action).update();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
