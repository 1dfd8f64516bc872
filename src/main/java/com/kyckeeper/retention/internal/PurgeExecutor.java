package com.kyckeeper.retention.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.crypto.CryptoShredding;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerPurge;
import com.kyckeeper.retention.PurgeRun;
import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RecordClock;
import com.kyckeeper.retention.RetainedRecords;
import com.kyckeeper.retention.RetentionAssessment;
import com.kyckeeper.retention.RetentionPolicy;
import com.kyckeeper.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one purge run: pages of candidate customers (closed long enough ago by the identity
 * clock), each assessed with every record clock and purged in a transaction of its own: lock,
 * re-assess, shred the data key, delete every module's rows, tombstone, certificate entry, access
 * event — all or nothing. A crash leaves each customer whole or gone; a later run (or Quartz
 * recovery of this one) finishes the work because purged customers are simply no longer found.
 */
@Component
class PurgeExecutor {

    static final String SYSTEM_ACTOR = "system:retention-purge";
    private static final Logger log = LoggerFactory.getLogger(PurgeExecutor.class);

    private enum Outcome { GONE, RETAINED, HELD, ELIGIBLE, PURGED, ERROR }

    private final PurgeRunStore runs;
    private final CustomerPurge customers;
    private final List<RetainedRecords> records;
    private final JdbcLegalHolds holds;
    private final CryptoShredding shredding;
    private final AccessLog accessLog;
    private final RetentionPolicy policy;
    private final RetentionProperties properties;
    private final ObjectProvider<PurgeHook> hook;
    private final TransactionTemplate own;
    private final BusinessClock clock;

    PurgeExecutor(PurgeRunStore runs, CustomerPurge customers, List<RetainedRecords> records, JdbcLegalHolds holds,
                  CryptoShredding shredding, AccessLog accessLog, RetentionPolicy policy,
                  RetentionProperties properties, ObjectProvider<PurgeHook> hook, PlatformTransactionManager tm, BusinessClock clock) {
        this.clock = clock;
        this.runs = runs;
        this.customers = customers;
        // The customer's own records go last: their purge writes the tombstone.
        this.records = records.stream()
                .sorted(Comparator.comparing(r -> r.recordClass() == RecordClass.CUSTOMER_IDENTITY)).toList();
        this.holds = holds;
        this.shredding = shredding;
        this.accessLog = accessLog;
        this.policy = policy;
        this.properties = properties;
        this.hook = hook;
        this.own = new TransactionTemplate(tm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A firing of the daily trigger: one run per fire time, resumed if Quartz recovers it after a crash. */
    void runScheduled(Instant firedAt, String node) {
        String id = asSystem(() -> own.execute(s -> runs.scheduledRunFiredAt(firedAt).orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            runs.create(fresh, "SCHEDULED", false, policy.profile(), clock.today(), SYSTEM_ACTOR, firedAt);
            return fresh;
        })));
        execute(id, node);
    }

    void execute(String runId, String node) {
        asSystem(() -> {
            run(runId, node);
            return null;
        });
    }

    private void run(String runId, String node) {
        PurgeRun run = own.execute(s -> {
            int abandoned = runs.abandonOthers(runId);
            if (abandoned > 0) {
                log.warn("Marked {} interrupted purge run(s) ABANDONED; run {} finishes their work", abandoned, runId);
            }
            PurgeRun r = runs.find(runId).orElseThrow(() -> new IllegalStateException("No purge run " + runId));
            if (!r.finished()) {
                runs.start(runId, node);
            }
            return r;
        });
        if (run.finished()) {
            return;
        }
        log.info("Purge run {} ({}, dry run {}) as of {} on {}", runId, run.policy(), run.dryRun(), run.asOf(), node);
        // A superset of the due: identity eligibility is never before relationship end + N years.
        int identityYears = policy.periodFor(RecordClass.CUSTOMER_IDENTITY).years();
        LocalDate endedBefore = run.asOf().minusYears(identityYears).plusDays(1);
        AtomicLong examined = new AtomicLong();
        AtomicLong retained = new AtomicLong();
        int workers = properties.purge().workers();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "purge-" + runId.substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        try {
            String after = null;
            while (true) {
                List<CustomerPurge.Relationship> page = customers.closedBefore(endedBefore, after,
                        properties.purge().batchSize());
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast().id().toString();
                List<Future<Outcome>> results = new ArrayList<>(page.size());
                for (CustomerPurge.Relationship candidate : page) {
                    results.add(pool.submit(() -> asSystem(() -> purgeOne(run, candidate.id()))));
                }
                for (Future<Outcome> f : results) {
                    Outcome o = await(f);
                    examined.incrementAndGet();
                    if (o == Outcome.RETAINED) {
                        retained.incrementAndGet();
                    }
                }
                own.executeWithoutResult(s -> runs.progress(runId, examined.get(), retained.get()));
            }
            own.executeWithoutResult(s -> runs.complete(runId, examined.get(), retained.get()));
            log.info("Purge run {} completed: {}", runId, runs.find(runId).orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome purgeOne(PurgeRun run, CustomerId id) {
        try {
            return own.execute(s -> {
                if (customers.lock(id).isEmpty()) {
                    return Outcome.GONE; // purged meanwhile (an earlier, interrupted run or another node)
                }
                List<RecordClock> clocks = records.stream().map(r -> r.clock(id)).flatMap(Optional::stream).toList();
                RetentionAssessment a = policy.assess(clocks, holds.held(id), run.asOf());
                switch (a.status()) {
                    case HELD -> {
                        runs.replaceEntry(run.id(), id.toString(), "HELD", a.eligibleFrom());
                        return Outcome.HELD;
                    }
                    case DUE -> {
                        if (run.dryRun()) {
                            runs.replaceEntry(run.id(), id.toString(), "ELIGIBLE", a.eligibleFrom());
                            return Outcome.ELIGIBLE;
                        }
                    }
                    default -> {
                        return Outcome.RETAINED;
                    }
                }
                LocalDate ended = clocks.stream().filter(c -> c.recordClass() == RecordClass.CUSTOMER_IDENTITY)
                        .findFirst().orElseThrow().startsFrom();
                RetainedRecords.PurgeContext context = new RetainedRecords.PurgeContext(run.id(), a.policy(), ended,
                        a.eligibleFrom());
                shredding.shred(id.toString());
                for (RetainedRecords r : records) {
                    r.purge(id, context);
                }
                runs.entry(run.id(), id.toString(), "PURGED", a.eligibleFrom());
                accessLog.append(AccessEvent.success("CUSTOMER_PURGE", id.toString())
                        .withDetail("run " + run.id() + " policy " + a.policy()));
                PurgeHook h = hook.getIfAvailable();
                if (h != null) {
                    h.beforeCommit(run.id(), id);
                }
                return Outcome.PURGED;
            });
        } catch (RuntimeException e) {
            // Rolled back: the customer stays whole. Recorded (class name only, never data) and retried next run.
            log.error("Purge of customer {} in run {} failed: {}", id, run.id(), e.getClass().getName());
            try {
                own.executeWithoutResult(s -> runs.replaceEntry(run.id(), id.toString(), "ERROR", null));
            } catch (RuntimeException ignored) {
                // an entry for this customer exists already
            }
            return Outcome.ERROR;
        }
    }

    private static Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Purge interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Purge worker failed", e.getCause());
        }
    }

    /** Runs as the purge's system actor, so its access events name it. */
    private static <T> T asSystem(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM_ACTOR, null,
                AuthorityUtils.createAuthorityList("ROLE_SYSTEM")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
