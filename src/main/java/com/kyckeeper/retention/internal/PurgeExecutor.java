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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * clock), each page a <em>batch</em> purged in one transaction: lock the batch's rows, read every
 * module's clocks and the legal holds for the whole batch (set-based), assess each customer with
 * {@link RetentionPolicy#assess} (the one source of truth), then for the due ones shred the data keys,
 * delete every module's rows, write tombstones, certificate entries and access events — with one
 * statement or one JDBC batch per table. All or nothing per batch: a crash leaves each customer whole
 * or gone; a later run (or Quartz recovery of this one) finishes the work because purged customers are
 * simply no longer found. A batch that fails with an exception is retried customer by customer, so
 * one faulty customer is recorded as {@code ERROR} and the others are still purged.
 */
@Component
class PurgeExecutor {

    static final String SYSTEM_ACTOR = "system:retention-purge";
    private static final Logger log = LoggerFactory.getLogger(PurgeExecutor.class);

    /** What a batch did, for the run's progress: customers examined, and those kept by their clocks. */
    private record Tally(long examined, long retained) {
        static final Tally NONE = new Tally(0, 0);

        Tally plus(Tally other) {
            return new Tally(examined + other.examined, retained + other.retained);
        }
    }

    private final PurgeRunStore runs;
    private final CustomerPurge customers;
    /** Every module's records, the customer's own last (their purge writes the tombstone). */
    private final List<RetainedRecords> records;
    /** The records whose clocks are read per batch; the identity clock comes from the locked rows. */
    private final List<RetainedRecords> otherRecords;
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
        this.otherRecords = this.records.stream().filter(r -> r.recordClass() != RecordClass.CUSTOMER_IDENTITY).toList();
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
        int batchSize = properties.purge().batchSize();
        int workers = properties.purge().workers();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "purge-" + runId.substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        try {
            // Up to `workers` batches in flight; the next page is read while they run.
            Deque<Future<Tally>> inFlight = new ArrayDeque<>();
            Tally done = Tally.NONE;
            String after = null;
            while (true) {
                List<CustomerPurge.Relationship> page = customers.closedBefore(endedBefore, after, batchSize);
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast().id().toString();
                List<CustomerId> batch = page.stream().map(CustomerPurge.Relationship::id).toList();
                inFlight.add(pool.submit(() -> asSystem(() -> purgeBatch(run, batch))));
                if (inFlight.size() >= workers) {
                    done = progress(runId, done.plus(await(inFlight.removeFirst())));
                }
            }
            while (!inFlight.isEmpty()) {
                done = progress(runId, done.plus(await(inFlight.removeFirst())));
            }
            Tally total = done;
            own.executeWithoutResult(s -> runs.complete(runId, total.examined(), total.retained()));
            log.info("Purge run {} completed: {}", runId, runs.find(runId).orElseThrow());
        } finally {
            // Never more batches submitted than threads, so none is queued. Running ones are let finish
            // (no interrupt mid-statement): the job ends only when no batch of it is still running.
            pool.shutdown();
            awaitTermination(pool);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)) {
                log.warn("Purge workers still running after the run ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Tally progress(String runId, Tally done) {
        own.executeWithoutResult(s -> runs.progress(runId, done.examined(), done.retained()));
        return done;
    }

    /**
     * One batch in one transaction. If it fails with an exception (rolled back: every customer whole),
     * each of its customers is tried alone, so that only the faulty one is left for the next run.
     */
    private Tally purgeBatch(PurgeRun run, List<CustomerId> batch) {
        try {
            return own.execute(s -> purgeInTransaction(run, batch));
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                log.warn("Purge batch of {} customers in run {} failed ({}); purging them one by one", batch.size(),
                        run.id(), e.getClass().getName());
                Tally tally = Tally.NONE;
                for (CustomerId id : batch) {
                    tally = tally.plus(purgeBatch(run, List.of(id)));
                }
                return tally;
            }
            // Rolled back: the customer stays whole. Recorded (class name only, never data) and retried next run.
            CustomerId id = batch.getFirst();
            log.error("Purge of customer {} in run {} failed: {}", id, run.id(), e.getClass().getName());
            try {
                own.executeWithoutResult(s -> runs.replaceEntry(run.id(), id.toString(), "ERROR", null));
            } catch (RuntimeException ignored) {
                // an entry for this customer exists already
            }
            return new Tally(1, 0);
        }
    }

    private Tally purgeInTransaction(PurgeRun run, List<CustomerId> batch) {
        // Lock first: a legal hold placed concurrently locks the row too, so it is either seen below or
        // finds the customer gone. Customers already purged (an earlier, interrupted run) are not found.
        List<CustomerPurge.Relationship> locked = customers.lockAll(batch);
        List<CustomerId> present = locked.stream().map(CustomerPurge.Relationship::id).toList();
        PageClocks clocks = PageClocks.read(otherRecords, present);
        Set<CustomerId> held = holds.heldAmong(present);

        long retained = 0;
        List<PurgeRunStore.Entry> kept = new ArrayList<>();
        Map<CustomerId, RetainedRecords.PurgeContext> due = new LinkedHashMap<>();
        for (CustomerPurge.Relationship customer : locked) {
            CustomerId id = customer.id();
            RecordClock identity = CustomerIdentityRecords.clockOf(customer);
            RetentionAssessment a = policy.assess(clocks.of(id, identity), held.contains(id), run.asOf());
            switch (a.status()) {
                case HELD -> kept.add(new PurgeRunStore.Entry(id.toString(), "HELD", a.eligibleFrom()));
                case DUE -> {
                    if (run.dryRun()) {
                        kept.add(new PurgeRunStore.Entry(id.toString(), "ELIGIBLE", a.eligibleFrom()));
                    } else {
                        due.put(id, new RetainedRecords.PurgeContext(run.id(), a.policy(), identity.startsFrom(),
                                a.eligibleFrom()));
                    }
                }
                default -> retained++;
            }
        }
        runs.replaceEntries(run.id(), kept);
        if (!due.isEmpty()) {
            purge(run, due);
        }
        return new Tally(batch.size(), retained);
    }

    /** Shred, delete every module's rows (tombstones last), certificate entries, access events (ids only). */
    private void purge(PurgeRun run, Map<CustomerId, RetainedRecords.PurgeContext> due) {
        shredding.shredAll(due.keySet().stream().map(CustomerId::toString).toList());
        for (RetainedRecords r : records) {
            r.purgeAll(due);
        }
        holds.redactReasons(due.keySet());
        List<PurgeRunStore.Entry> entries = new ArrayList<>(due.size());
        List<AccessEvent> events = new ArrayList<>(due.size());
        due.forEach((id, context) -> {
            entries.add(new PurgeRunStore.Entry(id.toString(), "PURGED", context.eligibleFrom()));
            events.add(AccessEvent.success("CUSTOMER_PURGE", id.toString())
                    .withDetail("run " + run.id() + " policy " + context.policy()));
        });
        runs.entries(run.id(), entries);
        accessLog.appendAll(events);
        PurgeHook h = hook.getIfAvailable();
        if (h != null) {
            due.keySet().forEach(id -> h.beforeCommit(run.id(), id));
        }
    }

    private static Tally await(Future<Tally> f) {
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
