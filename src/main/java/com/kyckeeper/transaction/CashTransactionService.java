package com.kyckeeper.transaction;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.CustomerStanding;
import com.kyckeeper.customer.CustomerStatus;
import com.kyckeeper.security.Actor;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.Text;
import com.kyckeeper.shared.TimeOrderedIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake and evaluation of cash transactions. Every write runs in a database transaction that
 * first locks the affected same-day aggregate rows (in id order), so two concurrent deposits that
 * together cross a threshold are evaluated one after the other and never both missed.
 */
@Service
class CashTransactionService implements CashTransactions, DueDiligence {

    static final String RECORDERS = "hasAnyRole('TELLER','SUPERVISOR')";
    static final String READERS = "hasAnyRole('TELLER','SUPERVISOR','COMPLIANCE')";
    static final String COMPLIANCE = "hasRole('COMPLIANCE')";
    static final int CHUNK = 1000;
    private static final int ATTEMPTS = 4;
    private static final Logger log = LoggerFactory.getLogger(CashTransactionService.class);

    private final LargeCashRules rules;
    private final CashLedger ledger;
    private final CustomerRegistry customers;
    private final FieldCipher cipher;
    private final AccessLog accessLog;
    private final BusinessClock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate apart;
    private final FxRateVersions versions;
    private final LiveCustomers liveCustomers;

    CashTransactionService(LargeCashProperties policy, CalendarProperties calendar, CashLedger ledger,
                           CustomerRegistry customers, FieldCipher cipher, AccessLog accessLog, BusinessClock clock,
                           PlatformTransactionManager tm, FxRateVersions versions, LiveCustomers liveCustomers) {
        this.versions = versions;
        this.liveCustomers = liveCustomers;
        WorkingCalendar cal = WorkingCalendar.of(calendar);
        this.rules = new LargeCashRules(policy, cal);
        this.ledger = ledger;
        this.customers = customers;
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.apart = new TransactionTemplate(tm);
        this.apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.apart.setReadOnly(true);
        int year = clock.today().getYear();
        if (!cal.covers(year)) {
            log.warn("Working calendar {} does not list the holidays of {}: deadlines count weekends only", cal.name(), year);
        }
    }

    // ------------------------------------------------------------------ intake

    @Override
    @PreAuthorize(RECORDERS)
    public RecordedTransaction record(CashTransactionRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        ValidCashTransaction.Result checked = ValidCashTransaction.validate(request, rules, clock.now());
        if (!checked.violations().isEmpty()) {
            throw new InvalidInputException(checked.violations());
        }
        Item item = intake(List.of(new Item(0, checked.valid())), true).getFirst();
        if (item.conflict) {
            throw new ConflictException(item.errors.getFirst().field(), item.errors.getFirst().message());
        }
        if (!item.errors.isEmpty()) {
            throw new InvalidInputException(item.errors);
        }
        return item.result;
    }

    @Override
    @PreAuthorize(RECORDERS)
    public List<BatchOutcome> recordBatch(List<CashTransactionRequest> requests) {
        if (requests == null) {
            throw new InvalidInputException("transactions", "is required");
        }
        if (requests.size() > rules.maxBatchSize()) {
            throw new InvalidInputException("transactions", "at most " + rules.maxBatchSize() + " per batch");
        }
        BatchOutcome[] outcomes = new BatchOutcome[requests.size()];
        List<Item> valid = new ArrayList<>();
        var now = clock.now();
        for (int i = 0; i < requests.size(); i++) {
            CashTransactionRequest r = requests.get(i);
            if (r == null) {
                outcomes[i] = new BatchOutcome(i, 400, null, List.of(new FieldViolation("transactions[" + i + "]", "must be an object")));
                continue;
            }
            ValidCashTransaction.Result checked = ValidCashTransaction.validate(r, rules, now);
            if (checked.violations().isEmpty()) {
                valid.add(new Item(i, checked.valid()));
            } else {
                outcomes[i] = new BatchOutcome(i, 400, null, checked.violations());
            }
        }
        Map<CustomerId, Optional<CustomerStanding>> standings = new HashMap<>();
        loadStandings(valid, standings);
        for (int from = 0; from < valid.size(); from += CHUNK) {
            for (Item item : intake(valid.subList(from, Math.min(valid.size(), from + CHUNK)), false, standings)) {
                outcomes[item.index] = item.errors.isEmpty()
                        ? new BatchOutcome(item.index, item.result.created() ? 201 : 200, item.result, List.of())
                        : new BatchOutcome(item.index, item.conflict ? 409 : 400, null, item.errors);
            }
        }
        return List.of(outcomes);
    }

    /** One mutable evaluation of a validated item, redone from scratch on a retry. */
    static final class Item {
        final int index;
        final ValidCashTransaction in;
        List<FieldViolation> errors = List.of();
        boolean conflict;
        RecordedTransaction result;
        Item sameAs;
        CashLedger.TxRow row;
        String id;
        String sourceCt;
        String purposeCt;
        CustomerStanding standing;
        CurrencyClass currencyClass;
        BigDecimal measured;
        DayKey day;
        String dayId;
        boolean large;
        DueDiligenceStatus dd = DueDiligenceStatus.NOT_REQUIRED;
        DueDiligenceRule.Outcome ddOutcome;
        String caseId;
        LocalDate dueBy;

        Item(int index, ValidCashTransaction in) {
            this.index = index;
            this.in = in;
        }

        Item fresh() {
            return new Item(index, in);
        }

        void refuse(boolean isConflict, String field, String message) {
            errors = List.of(new FieldViolation(field, message));
            conflict = isConflict;
        }
    }

    /** Runs one chunk in a transaction, retrying on a concurrent duplicate reference or a lock conflict. */
    private List<Item> intake(List<Item> chunk, boolean single) {
        return intake(chunk, single, new HashMap<>());
    }

    private List<Item> intake(List<Item> chunk, boolean single, Map<CustomerId, Optional<CustomerStanding>> standings) {
        Actor actor = CurrentActor.get();
        // Standings are read before the write transaction (each in its own read-only one): an unknown
        // customer must not mark the intake transaction rollback-only, and locks are held shorter.
        loadStandings(chunk, standings);
        List<Item> items = chunk;
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Item> attemptItems = items;
            try {
                tx.executeWithoutResult(s -> process(attemptItems, standings, actor, single));
                return attemptItems;
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                // A concurrent retry stored the same reference, or a lock wait gave up: the next
                // attempt sees the committed state (the reference check then answers the stored result).
                last = e;
                items = items.stream().map(Item::fresh).toList();
                sleepBriefly(attempt);
            }
        }
        throw last;
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(5L * (attempt + 1) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(List<Item> items, Map<CustomerId, Optional<CustomerStanding>> standings, Actor actor,
                         boolean single) {
        OffsetDateTime now = clock.nowOffset();
        // 1. Known references answer the stored result; a reference repeated inside the batch, the first one's.
        Map<String, CashLedger.TxRow> stored = ledger.byReferences(items.stream().map(i -> i.in.reference()).distinct().toList());
        Map<String, Item> firstByReference = new HashMap<>();
        List<Item> fresh = new ArrayList<>();
        for (Item item : items) {
            CashLedger.TxRow existing = stored.get(item.in.reference());
            Item first = firstByReference.get(item.in.reference());
            if (existing != null && !ReferenceReuse.samePayload(existing, item.in)) {
                refuseReusedReference(item, existing.customerId());
            } else if (existing != null) {
                item.result = toResult(existing, false);
            } else if (first != null && !ReferenceReuse.samePayload(first.in, item.in)) {
                refuseReusedReference(item, first.in.customerId().toString());
            } else if (first != null) {
                item.sameAs = first;
            } else {
                firstByReference.put(item.in.reference(), item);
                fresh.add(item);
            }
        }
        // 2. The customer must exist and may do business.
        List<Item> accepted = new ArrayList<>();
        for (Item item : fresh) {
            Optional<CustomerStanding> s = standings.computeIfAbsent(item.in.customerId(), this::standingOf);
            if (s.isEmpty()) {
                item.refuse(false, "customerId", "no such customer");
            } else if (s.get().suspended()) {
                item.refuse(true, "customerId", "the customer is suspended (expired documents): cash business is refused");
            } else if (s.get().status() == CustomerStatus.CLOSED
                    && (s.get().closedOn() == null || item.in.businessDay().isAfter(s.get().closedOn()))) {
                item.refuse(true, "customerId", "the business relationship with the customer has ended");
            } else {
                item.standing = s.get();
                accepted.add(item);
            }
        }
        // Under the customers' row locks: a purge that won the race since the standings were read has removed them.
        var live = liveCustomers.lock(accepted.stream().map(i -> i.in.customerId()).collect(Collectors.toSet()));
        accepted.removeIf(item -> {
            boolean purged = !live.containsKey(item.in.customerId());
            if (purged) {
                item.refuse(true, "customerId", "the customer's records have been purged");
            }
            return purged;
        });
        // Ids and encrypted source / purpose (with the customer's data key) before any day row is locked.
        for (Item item : accepted) {
            item.id = TimeOrderedIds.unguessable();
            String owner = item.in.customerId().toString();
            item.sourceCt = cipher.encrypt(owner, new FieldRef("cash_transactions", "source_of_funds_ct", item.id),
                    item.in.sourceOfFunds());
            item.purposeCt = cipher.encrypt(owner, new FieldRef("cash_transactions", "purpose_ct", item.id), item.in.purpose());
        }
        // 3. Classify and measure (foreign currency at the day's rate).
        Set<LocalDate> rateDays = new java.util.HashSet<>();
        for (Item item : accepted) {
            item.currencyClass = rules.classOf(item.in.currency()).filter(cc -> cc.covers(item.in.direction())).orElse(null);
            if (item.currencyClass != null && !item.in.currency().equals(item.currencyClass.measureCurrency())) {
                rateDays.add(item.in.businessDay());
            }
        }
        Map<LocalDate, Map<String, BigDecimal>> rates = ledger.rates(rateDays);
        Map<String, String> measureCurrencies = new HashMap<>();
        Map<String, DayKey> keys = new TreeMap<>();
        for (Item item : accepted) {
            Optional<CurrencyClass> c = Optional.ofNullable(item.currencyClass);
            if (c.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> dayRates = item.in.currency().equals(c.get().measureCurrency()) ? Map.of()
                    : rates.getOrDefault(item.in.businessDay(), Map.of());
            item.measured = rules.measure(item.in.amount(), item.in.currency(), c.get(), dayRates).orElse(null);
            if (item.measured != null) {
                item.day = new DayKey(item.in.customerId().toString(), item.in.direction(), c.get().name(), item.in.businessDay());
                item.dayId = item.day.id();
                keys.putIfAbsent(item.dayId, item.day);
                measureCurrencies.put(c.get().name(), c.get().measureCurrency());
            }
        }
        // 4. Lock the day aggregates, add in request order, promote a day's earlier transactions when it crosses.
        ledger.ensureDays(new ArrayList<>(keys.values()), measureCurrencies);
        Map<String, CashLedger.DayRow> days = ledger.lockDays(keys.keySet());
        Map<String, SameDayAggregate> aggregates = new HashMap<>();
        Map<String, List<Item>> itemsOfDay = new HashMap<>();
        Set<String> recompute = new TreeSet<>();
        List<CashLedger.NewCase> cases = new ArrayList<>();
        for (Item item : accepted) {
            if (item.day == null) {
                continue;
            }
            String dayId = item.dayId;
            CashLedger.DayRow row = days.get(dayId);
            SameDayAggregate before = aggregates.computeIfAbsent(dayId,
                    k -> new SameDayAggregate(row.total(), row.count(), row.reportable()));
            SameDayAggregate after = before.add(item.measured, item.currencyClass);
            aggregates.put(dayId, after);
            List<Item> sameDay = itemsOfDay.computeIfAbsent(dayId, k -> new ArrayList<>());
            sameDay.add(item);
            if (item.currencyClass.aggregatesPerDay()) {
                item.large = after.reportable();
                if (after.crossedFrom(before)) {
                    sameDay.stream().filter(i -> !i.large).forEach(i -> i.large = true);
                    if (row.count() > 0) {
                        recompute.add(dayId);
                    }
                }
            } else {
                item.large = item.currencyClass.threshold().reachedBy(item.measured);
            }
        }
        List<CashLedger.NewTx> rows = new ArrayList<>();
        Map<LocalDate, LocalDate> dueBy = new HashMap<>();
        for (Item item : accepted) {
            if (item.large) {
                item.dueBy = dueBy.computeIfAbsent(item.in.businessDay(), rules::reportDueBy);
                item.ddOutcome = rules.dueDiligence().evaluate(item.standing, item.in.businessDay(), item.in.sourceOrPurposeGiven());
                item.dd = item.ddOutcome.status();
            }
            String id = item.id;
            if (item.dd == DueDiligenceStatus.REQUIRED) {
                item.caseId = TimeOrderedIds.unguessable();
                cases.add(new CashLedger.NewCase(item.caseId, id, item.in.customerId().toString(), item.ddOutcome.reasonText(), now));
            }
            TransactionStatus status = item.currencyClass != null && item.measured == null
                    ? TransactionStatus.RATE_MISSING : TransactionStatus.EVALUATED;
            item.row = new CashLedger.TxRow(id, item.in.reference(), item.in.customerId().toString(), item.in.direction(),
                    item.in.amount(), item.in.currency(), item.in.occurredAt(), item.in.businessDay(), item.in.branch(),
                    item.in.sourceOrPurposeGiven(), item.currencyClass == null ? null : item.currencyClass.name(),
                    item.measured, status, item.dayId, item.large, item.dd, item.caseId,
                    item.dueBy, false);
            rows.add(new CashLedger.NewTx(item.row, item.sourceCt, item.purposeCt, now, actor.username()));
        }
        ledger.insert(rows);
        ledger.insertCases(cases);
        List<CashLedger.DayRow> dayUpdates = new ArrayList<>();
        aggregates.forEach((dayId, agg) -> {
            LocalDate businessDay = keys.get(dayId).businessDay();
            dayUpdates.add(new CashLedger.DayRow(dayId, agg.total(), agg.count(), agg.reportable(),
                    agg.reportable() ? rules.reportDueBy(businessDay) : null));
        });
        ledger.updateDays(dayUpdates);
        promoteEarlier(recompute, standings, now);
        for (Item item : accepted) {
            item.result = toResult(item.row, true);
        }
        for (Item item : items) {
            if (item.sameAs != null) {
                item.errors = item.sameAs.errors;
                item.conflict = item.sameAs.conflict;
                item.result = item.sameAs.result == null ? null : item.sameAs.result.asRepeat();
            }
        }
        if (single) {
            Item only = items.getFirst();
            if (only.errors.isEmpty()) {
                accessLog.append(AccessEvent.success(only.result.created() ? "CASH_TX_RECORD" : "CASH_TX_REPEAT",
                        only.in.customerId().toString()).withDetail("transaction " + only.result.id()));
            }
        } else {
            long created = accepted.size();
            long refused = items.stream().filter(i -> !i.errors.isEmpty()).count();
            accessLog.append(new AccessEvent("CASH_TX_BATCH", null, null, Outcome.SUCCESS,
                    "stored " + created + ", repeated " + (items.size() - created - refused) + ", refused " + refused));
        }
    }

    /**
     * A reference already stands for another transaction: 409 naming only the field; the attempt is
     * logged under the posted customer and under the stored one, whose owner may be probed.
     */
    private void refuseReusedReference(Item item, String storedCustomer) {
        item.refuse(true, "reference", "is already used by another transaction");
        String posted = item.in.customerId().toString();
        accessLog.append(new AccessEvent(ReferenceReuse.ACTION, posted, null, Outcome.REFUSED, ReferenceReuse.DETAIL));
        if (!storedCustomer.equals(posted)) {
            accessLog.append(new AccessEvent(ReferenceReuse.ACTION, storedCustomer, null, Outcome.REFUSED, ReferenceReuse.DETAIL));
        }
    }

    /**
     * Standings of the items' customers not known yet: one bulk query; an id it does not find is asked
     * on its own, so that an unknown customer and a purged one (410) answer as for a single intake.
     */
    private void loadStandings(List<Item> items, Map<CustomerId, Optional<CustomerStanding>> standings) {
        Set<CustomerId> wanted = new java.util.HashSet<>();
        for (Item i : items) {
            if (!standings.containsKey(i.in.customerId())) {
                wanted.add(i.in.customerId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<CustomerId, CustomerStanding> found = customers.standings(wanted);
        for (CustomerId id : wanted) {
            CustomerStanding s = found.get(id);
            standings.put(id, s != null ? Optional.of(s) : standingOf(id));
        }
    }

    /** Inside a write transaction: looked up in a transaction of its own, so a missing customer cannot doom ours. */
    private Optional<CustomerStanding> standingApart(CustomerId id) {
        return apart.execute(s -> standingOf(id));
    }

    private Optional<CustomerStanding> standingOf(CustomerId id) {
        try {
            return Optional.of(customers.standing(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ re-evaluation

    /**
     * A day crossed its threshold in this chunk: its earlier stored transactions (already locked
     * through the day rows) become large-value, get the deadline and their due-diligence outcome.
     * One read and one write for all crossing days of the chunk.
     */
    private void promoteEarlier(Set<String> dayIds, Map<CustomerId, Optional<CustomerStanding>> standings,
                                OffsetDateTime now) {
        if (dayIds.isEmpty()) {
            return;
        }
        List<CashLedger.TxRow> changed = new ArrayList<>();
        List<CashLedger.NewCase> cases = new ArrayList<>();
        for (CashLedger.TxRow t : ledger.notYetLarge(dayIds)) {
            CustomerId cid = new CustomerId(UUID.fromString(t.customerId()));
            Optional<CustomerStanding> s = standings.computeIfAbsent(cid, this::standingApart);
            DueDiligenceRule.Outcome o = s.map(st -> rules.dueDiligence().evaluate(st, t.businessDay(), t.sourceOrPurpose()))
                    .orElse(new DueDiligenceRule.Outcome(DueDiligenceStatus.REQUIRED, List.of(DueDiligenceRule.Reason.IDENTITY_NOT_VERIFIED)));
            String caseId = null;
            if (o.status() == DueDiligenceStatus.REQUIRED) {
                caseId = TimeOrderedIds.unguessable();
                cases.add(new CashLedger.NewCase(caseId, t.id(), t.customerId(), o.reasonText(), now));
            }
            changed.add(new CashLedger.TxRow(t.id(), t.reference(), t.customerId(), t.direction(), t.amount(), t.currency(),
                    t.occurredAt(), t.businessDay(), t.branch(), t.sourceOrPurpose(), t.currencyClass(), t.measuredAmount(),
                    t.status(), t.dayTotalId(), true, o.status(), caseId, rules.reportDueBy(t.businessDay()), false));
        }
        ledger.insertCases(cases);
        ledger.updateEvaluation(changed);
    }

    /**
     * Recomputes a locked-or-lockable day aggregate from its stored transactions (exempt ones and
     * those still missing a rate do not count): promotes or demotes transactions, opens cases for
     * newly large ones and closes the cases of those no longer large.
     */
    private void recomputeDay(String dayId, OffsetDateTime now, String reason) {
        CashLedger.DayRow locked = ledger.lockDays(List.of(dayId)).get(dayId);
        if (locked == null) {
            return;
        }
        List<CashLedger.TxRow> all = ledger.ofDay(dayId);
        List<CashLedger.TxRow> counted = all.stream().filter(t -> !t.exempt() && t.status() == TransactionStatus.EVALUATED
                && t.measuredAmount() != null).toList();
        Optional<CurrencyClass> cls = all.isEmpty() ? Optional.empty() : rules.classNamed(all.getFirst().currencyClass());
        SameDayAggregate agg = SameDayAggregate.empty();
        if (cls.isPresent()) {
            for (CashLedger.TxRow t : counted) {
                agg = agg.add(t.measuredAmount(), cls.get());
            }
        }
        LocalDate businessDay = all.isEmpty() ? null : all.getFirst().businessDay();
        LocalDate due = agg.reportable() ? rules.reportDueBy(businessDay) : null;
        Map<CustomerId, Optional<CustomerStanding>> standings = new HashMap<>();
        List<CashLedger.TxRow> changed = new ArrayList<>();
        List<CashLedger.NewCase> cases = new ArrayList<>();
        for (CashLedger.TxRow t : counted) {
            boolean large = cls.isPresent() && (cls.get().aggregatesPerDay() ? agg.reportable()
                    : cls.get().threshold().reachedBy(t.measuredAmount()));
            DueDiligenceStatus dd = t.dueDiligence();
            String caseId = t.caseId();
            if (large && dd == DueDiligenceStatus.NOT_REQUIRED) {
                CustomerId cid = new CustomerId(UUID.fromString(t.customerId()));
                Optional<CustomerStanding> s = standings.computeIfAbsent(cid, this::standingApart);
                DueDiligenceRule.Outcome o = s.map(st -> rules.dueDiligence().evaluate(st, t.businessDay(), t.sourceOrPurpose()))
                        .orElse(new DueDiligenceRule.Outcome(DueDiligenceStatus.REQUIRED, List.of(DueDiligenceRule.Reason.IDENTITY_NOT_VERIFIED)));
                dd = o.status();
                if (dd == DueDiligenceStatus.REQUIRED) {
                    caseId = TimeOrderedIds.unguessable();
                    cases.add(new CashLedger.NewCase(caseId, t.id(), t.customerId(), o.reasonText(), now));
                }
            } else if (!large && dd != DueDiligenceStatus.NOT_REQUIRED) {
                if (caseId != null) {
                    ledger.closeCase(caseId, now, reason);
                }
                dd = DueDiligenceStatus.NOT_REQUIRED;
                caseId = null;
            }
            LocalDate txDue = large ? rules.reportDueBy(t.businessDay()) : null;
            if (large != t.largeValue() || dd != t.dueDiligence() || !java.util.Objects.equals(caseId, t.caseId())
                    || !java.util.Objects.equals(txDue, t.reportDueBy())) {
                changed.add(new CashLedger.TxRow(t.id(), t.reference(), t.customerId(), t.direction(), t.amount(), t.currency(),
                        t.occurredAt(), t.businessDay(), t.branch(), t.sourceOrPurpose(), t.currencyClass(), t.measuredAmount(),
                        t.status(), t.dayTotalId(), large, dd, caseId, txDue, t.exempt()));
            }
        }
        ledger.insertCases(cases);
        ledger.updateEvaluation(changed);
        ledger.updateDays(List.of(new CashLedger.DayRow(dayId, agg.total(), agg.count(), agg.reportable(), due)));
        // A transaction that stops being large-value (and its case, if any) leaves with its reason on record.
        Map<String, CashLedger.TxRow> before = new HashMap<>();
        counted.forEach(t -> before.put(t.id(), t));
        for (CashLedger.TxRow t : changed) {
            CashLedger.TxRow was = before.get(t.id());
            if (was != null && was.largeValue() && !t.largeValue()) {
                accessLog.append(new AccessEvent("CASH_TX_REEVALUATED", t.customerId(), null, Outcome.SUCCESS,
                        CashLedger.clip(reason + ": transaction " + t.id() + " no longer large-value"
                                + (was.caseId() == null ? "" : ", case " + was.caseId() + " closed"), 500)));
            }
        }
    }

    /** Re-measures the day's foreign-currency transactions with its rates and recomputes the affected days. */
    private int reevaluateRates(LocalDate day, OffsetDateTime now, String reason) {
        Map<String, BigDecimal> rates = ledger.rates(day);
        List<CashLedger.TxRow> changed = new ArrayList<>();
        Map<String, DayKey> keys = new TreeMap<>();
        Map<String, String> measureCurrencies = new HashMap<>();
        Set<String> affected = new TreeSet<>();
        for (CashLedger.TxRow t : ledger.foreignOfDay(day)) {
            if (t.exempt()) {
                continue;
            }
            Optional<CurrencyClass> c = rules.classOf(t.currency()).filter(cc -> cc.covers(t.direction()));
            if (c.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> m = rules.measure(t.amount(), t.currency(), c.get(), rates);
            if (m.isEmpty()) {
                continue;
            }
            if (t.status() == TransactionStatus.RATE_MISSING || t.measuredAmount() == null
                    || m.get().compareTo(t.measuredAmount()) != 0) {
                DayKey key = new DayKey(t.customerId(), t.direction(), c.get().name(), t.businessDay());
                keys.putIfAbsent(key.id(), key);
                measureCurrencies.put(c.get().name(), c.get().measureCurrency());
                affected.add(key.id());
                if (t.dayTotalId() != null) {
                    affected.add(t.dayTotalId());
                }
                changed.add(new CashLedger.TxRow(t.id(), t.reference(), t.customerId(), t.direction(), t.amount(), t.currency(),
                        t.occurredAt(), t.businessDay(), t.branch(), t.sourceOrPurpose(), c.get().name(), m.get(),
                        TransactionStatus.EVALUATED, key.id(), t.largeValue(), t.dueDiligence(), t.caseId(), t.reportDueBy(), false));
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        ledger.ensureDays(new ArrayList<>(keys.values()), measureCurrencies);
        ledger.lockDays(affected);
        ledger.updateEvaluation(changed);
        for (String dayId : affected) {
            recomputeDay(dayId, now, reason);
        }
        return changed.size();
    }

    /** Safety net: a rate stored while a transaction of its day was being recorded is picked up here. */
    @Scheduled(fixedDelayString = "${kyc.large-cash.rate-sweep-interval:PT1M}", initialDelayString = "PT30S")
    void sweepMissingRates() {
        try {
            // Page by page in day order: every such day is looked at, fifty days per query.
            List<LocalDate> days = ledger.daysWithMissingRates(null, 50);
            while (!days.isEmpty()) {
                for (LocalDate day : days) {
                    Integer n = tx.execute(s -> reevaluateRates(day, clock.nowOffset(), "rate of " + day + " arrived"));
                    if (n != null && n > 0) {
                        log.info("Re-evaluated {} transactions of {} whose rate arrived", n, day);
                    }
                }
                days = days.size() < 50 ? List.of() : ledger.daysWithMissingRates(days.getLast(), 50);
            }
        } catch (RuntimeException e) {
            log.warn("Rate sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    @PreAuthorize(READERS)
    public RecordedTransaction find(String id) {
        return tx.execute(s -> {
            CashLedger.TxRow row = ledger.byId(validId(id)).orElseThrow(() -> new NotFoundException("Cash transaction"));
            accessLog.append(AccessEvent.success("CASH_TX_READ", row.customerId()).withDetail("transaction " + row.id()));
            return toResult(row, false);
        });
    }

    private static String validId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("Cash transaction");
        }
    }

    private RecordedTransaction toResult(CashLedger.TxRow r, boolean created) {
        List<String> flags = new ArrayList<>();
        if (r.status() == TransactionStatus.RATE_MISSING) {
            flags.add(TransactionStatus.RATE_MISSING.name());
        }
        if (r.exempt()) {
            flags.add("EXEMPT");
        }
        String measureCurrency = r.currencyClass() == null ? null
                : rules.classNamed(r.currencyClass()).map(CurrencyClass::measureCurrency).orElse(null);
        return new RecordedTransaction(r.id(), r.reference(), r.largeValue(), r.dueDiligence(), r.caseId(), r.reportDueBy(),
                r.status(), List.copyOf(flags), r.customerId(), r.direction(), money(r.amount(), r.currency()), r.currency(),
                r.businessDay(), r.currencyClass(),
                r.measuredAmount() == null ? null : r.measuredAmount().setScale(2, java.math.RoundingMode.HALF_UP),
                measureCurrency, r.exempt(), created);
    }

    /** An amount with the currency's minor digits (stored with 4). */
    private BigDecimal money(BigDecimal amount, String currency) {
        int digits = Math.max(0, rules.decimals(java.util.Currency.getInstance(currency)));
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= digits ? amount.setScale(digits, java.math.RoundingMode.UNNECESSARY) : amount;
    }

    // ------------------------------------------------------------------ FX rates

    @Override
    @PreAuthorize(COMPLIANCE)
    public FxRatesUpdated putRates(LocalDate date, String base, Map<String, String> rates) {
        if (date == null) {
            throw new InvalidInputException("date", "is required");
        }
        List<FieldViolation> v = new ArrayList<>();
        if (!"CNY".equals(base)) {
            v.add(new FieldViolation("base", "must be CNY (rates are CNY per unit)"));
        }
        Map<String, BigDecimal> parsed = new TreeMap<>();
        if (rates == null || rates.isEmpty()) {
            v.add(new FieldViolation("rates", "at least one rate is required"));
        } else {
            rates.forEach((ccy, value) -> parseRate(ccy, value, "rates." + ccy, v).ifPresent(r -> parsed.put(ccy, r)));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return storeRates(Map.of(date, parsed), "FX_RATES_SET");
    }

    @Override
    @PreAuthorize(COMPLIANCE)
    public java.util.SortedMap<String, BigDecimal> rates(LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("date", "is required");
        }
        return new TreeMap<>(ledger.rates(date));
    }

    @Override
    @PreAuthorize(COMPLIANCE)
    public FxRateHistory rateHistory(LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("date", "is required");
        }
        return tx.execute(s -> {
            java.util.SortedMap<String, String> current = new TreeMap<>();
            ledger.rates(date).forEach((ccy, r) -> current.put(ccy, FxRateVersions.plain(r)));
            accessLog.append(new AccessEvent("FX_RATES_READ", null, null, Outcome.SUCCESS, "rates of " + date));
            return new FxRateHistory(date, current, versions.ofDay(date));
        });
    }

    @Override
    @PreAuthorize(COMPLIANCE)
    public FxRatesUpdated importRates(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("body", "CSV lines date,currency,cnyPerUnit are required");
        }
        return importRates(new java.io.StringReader(csv));
    }

    @Override
    @PreAuthorize(COMPLIANCE)
    public FxRatesUpdated importRates(java.io.Reader csv) {
        return storeRates(FxRateCsv.parse(csv), "FX_RATES_IMPORT");
    }

    private Optional<BigDecimal> parseRate(String ccy, String value, String field, List<FieldViolation> v) {
        return FxRateCsv.parseRate(ccy, value, field, v);
    }

    /**
     * COMPLIANCE, not the proposer: approves (the change takes effect, the day is re-measured and the
     * approval is the recorded reason) or rejects a change that waits for a second user.
     */
    @Override
    @PreAuthorize(COMPLIANCE)
    public FxRatesUpdated decideRateChange(LocalDate date, String changeId, String decision) {
        if (decision == null || !(decision.equals("APPROVE") || decision.equals("REJECT"))) {
            throw new InvalidInputException("decision", "must be APPROVE or REJECT");
        }
        String id;
        try {
            id = UUID.fromString(changeId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("FX-rate change");
        }
        String by = CurrentActor.get().username();
        return tx.execute(s -> {
            OffsetDateTime now = clock.nowOffset();
            FxRateChange c = versions.byId(id).filter(x -> x.date().equals(date))
                    .orElseThrow(() -> new NotFoundException("FX-rate change"));
            if (c.proposedBy().equals(by)) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "Four eyes: the proposer may not decide their own FX-rate change");
            }
            boolean approve = decision.equals("APPROVE");
            if (!versions.decide(id, approve ? FxRateChange.Status.APPLIED : FxRateChange.Status.REJECTED, now, by)) {
                throw new ConflictException("The FX-rate change is " + c.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            int n = 0;
            if (approve) {
                Map<String, BigDecimal> rates = new TreeMap<>();
                c.rates().forEach((ccy, r) -> rates.put(ccy, new BigDecimal(r)));
                rates.forEach((ccy, r) -> ledger.putRate(date, ccy, r, now, c.proposedBy()));
                n = reevaluateRates(date, now, "rate change " + date + " v" + c.version() + " by " + c.proposedBy()
                        + " approved by " + by);
            }
            accessLog.append(new AccessEvent("FX_RATES_DECISION", null, null, Outcome.SUCCESS,
                    "rate change " + date + " v" + c.version() + ": " + decision + ", re-evaluated " + n));
            FxRateChange decided = versions.byId(id).orElseThrow();
            return new FxRatesUpdated(List.of(date), approve ? c.rates().size() : 0, n, decided.status().name(), List.of(decided));
        });
    }

    /**
     * Each day's rates become a new version. A change for a day that already has reportable
     * foreign-currency events (that alters a rate in force) waits for a second COMPLIANCE user;
     * every other one takes effect at once and re-measures all of that day's foreign transactions.
     */
    private FxRatesUpdated storeRates(Map<LocalDate, Map<String, BigDecimal>> byDay, String action) {
        String by = CurrentActor.get().username();
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(s -> {
                    OffsetDateTime now = clock.nowOffset();
                    int n = 0;
                    int applied = 0;
                    List<FxRateChange> changes = new ArrayList<>();
                    for (var day : byDay.entrySet()) {
                        Map<String, BigDecimal> current = ledger.rates(day.getKey());
                        boolean alters = day.getValue().entrySet().stream().anyMatch(e -> current.containsKey(e.getKey())
                                && current.get(e.getKey()).compareTo(e.getValue()) != 0);
                        boolean fourEyes = alters && versions.hasReportableForeignEvents(day.getKey());
                        FxRateChange c = versions.add(TimeOrderedIds.unguessable(), day.getKey(),
                                fourEyes ? FxRateChange.Status.PENDING_APPROVAL : FxRateChange.Status.APPLIED,
                                day.getValue(), now, by);
                        changes.add(c);
                        if (!fourEyes) {
                            day.getValue().forEach((ccy, rate) -> ledger.putRate(day.getKey(), ccy, rate, now, by));
                            applied += day.getValue().size();
                            n += reevaluateRates(day.getKey(), now, "rate change " + day.getKey() + " v" + c.version() + " by " + by);
                        }
                    }
                    long pending = changes.stream().filter(c -> c.status() == FxRateChange.Status.PENDING_APPROVAL).count();
                    accessLog.append(new AccessEvent(action, null, null, Outcome.SUCCESS,
                            applied + " rates for " + byDay.size() + " days, re-evaluated " + n + ", awaiting approval: " + pending));
                    return new FxRatesUpdated(List.copyOf(byDay.keySet()), applied, n,
                            pending > 0 ? FxRateChange.Status.PENDING_APPROVAL.name() : FxRateChange.Status.APPLIED.name(),
                            List.copyOf(changes));
                });
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                if (attempt >= ATTEMPTS - 1) {
                    throw e;
                }
                sleepBriefly(attempt);
            }
        }
    }

    // ------------------------------------------------------------------ exemptions

    @Override
    @PreAuthorize(COMPLIANCE)
    public RecordedTransaction exempt(String id, String reason) {
        String why;
        try {
            why = Text.required(reason, 500);
        } catch (InvalidFieldException e) {
            throw new InvalidInputException(e.under("reason").field(), e.getMessage());
        }
        String txId = validId(id);
        String by = CurrentActor.get().username();
        return tx.execute(s -> {
            OffsetDateTime now = clock.nowOffset();
            CashLedger.TxRow row = ledger.byId(txId).orElseThrow(() -> new NotFoundException("Cash transaction"));
            if (row.dayTotalId() != null) {
                ledger.lockDays(List.of(row.dayTotalId()));
            }
            row = ledger.byIdForUpdate(txId).orElseThrow(() -> new NotFoundException("Cash transaction"));
            if (row.exempt()) {
                throw new ConflictException("The transaction is already exempt");
            }
            ledger.exempt(txId, why, by, now);
            if (row.dayTotalId() != null) {
                recomputeDay(row.dayTotalId(), now, "exemption of transaction " + txId + " by " + by);
            }
            accessLog.append(AccessEvent.success("CASH_TX_EXEMPT", row.customerId()).withDetail("transaction " + txId));
            return toResult(ledger.byId(txId).orElseThrow(), false);
        });
    }

    // ------------------------------------------------------------------ due-diligence cases

    @Override
    @PreAuthorize(COMPLIANCE)
    public CasePage cases(CaseQuery query) {
        CaseQuery q = query == null ? CaseQuery.of(CaseStatus.OPEN) : query;
        return tx.execute(s -> {
            CasePage found = ledger.cases(q);
            accessLog.append(new AccessEvent("DD_CASE_LIST", null, null, Outcome.SUCCESS,
                    q.status() + (q.customerId() == null ? "" : ", customer " + q.customerId()) + ", page " + q.page()
                            + " of size " + q.size() + ", results: " + found.cases().size() + " of " + found.total()));
            return found;
        });
    }

    @Override
    @PreAuthorize(READERS)
    public DueDiligenceCase findCase(String caseId) {
        String id = validCaseId(caseId);
        return tx.execute(s -> {
            DueDiligenceCase c = ledger.caseById(id).orElseThrow(() -> new NotFoundException("Due-diligence case"));
            accessLog.append(AccessEvent.success("DD_CASE_READ", c.customerId()).withDetail("case " + id));
            return c;
        });
    }

    @Override
    @PreAuthorize(COMPLIANCE)
    public DueDiligenceCase resolve(String caseId, CaseResolution r) {
        List<FieldViolation> v = new ArrayList<>();
        if (r == null || r.decision() == null) {
            v.add(new FieldViolation("decision", "is required: CLEARED, ESCALATED or REFUSED"));
        }
        String note = r == null ? null : check(v, "note", () -> Text.optional(r.note(), 2000));
        String source = r == null ? null : check(v, "sourceOfFunds", () -> Text.optional(r.sourceOfFunds(), 200));
        String purpose = r == null ? null : check(v, "purpose", () -> Text.optional(r.purpose(), 200));
        List<String> actions = r == null || r.actions() == null ? List.of() : r.actions();
        if (actions.size() > 10 || actions.stream().anyMatch(a -> a == null || !a.matches("[A-Z][A-Z0-9_]{0,39}"))) {
            v.add(new FieldViolation("actions", "at most 10 codes of capital letters, digits and _ (e.g. FUNDS_SOURCE_OBTAINED)"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String id = validCaseId(caseId);
        String by = CurrentActor.get().username();
        return tx.execute(s -> {
            OffsetDateTime now = clock.nowOffset();
            DueDiligenceCase c = ledger.caseForUpdate(id).orElseThrow(() -> new NotFoundException("Due-diligence case"));
            if (c.status() != CaseStatus.OPEN) {
                throw new ConflictException("The case is " + c.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            String owner = c.customerId();
            ledger.resolveCase(id, r.decision(), String.join(",", actions),
                    cipher.encrypt(owner, new FieldRef("dd_cases", "note_ct", id), note), now, by);
            if (source != null || purpose != null) {
                String txId = c.transactionId();
                ledger.recordSourceAndPurpose(txId,
                        cipher.encrypt(owner, new FieldRef("cash_transactions", "source_of_funds_ct", txId), source),
                        cipher.encrypt(owner, new FieldRef("cash_transactions", "purpose_ct", txId), purpose));
            }
            if (r.decision() == CaseDecision.CLEARED) {
                ledger.setDueDiligence(c.transactionId(), DueDiligenceStatus.SATISFIED);
            }
            accessLog.append(AccessEvent.success("DD_CASE_RESOLVE", owner).withDetail("case " + id + ": " + r.decision()));
            return ledger.caseForUpdate(id).orElseThrow();
        });
    }

    private static String validCaseId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("Due-diligence case");
        }
    }

    private static <T> T check(List<FieldViolation> v, String field, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (InvalidFieldException e) {
            v.add(e.under(field));
            return null;
        }
    }

    // ------------------------------------------------------------------ report source

    @Override
    @PreAuthorize(COMPLIANCE)
    public List<ReportableEvent> reportableEvents(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw new InvalidInputException("to", "a report covers at most 366 days");
        }
        return tx.execute(s -> {
            List<CashLedger.ReportableDay> days = ledger.reportableDays(from, to);
            Map<String, List<CashLedger.TxRow>> txs = new HashMap<>();
            for (CashLedger.TxRow t : ledger.ofDays(days.stream().map(CashLedger.ReportableDay::id).toList())) {
                if (!t.exempt() && t.status() == TransactionStatus.EVALUATED) {
                    txs.computeIfAbsent(t.dayTotalId(), k -> new ArrayList<>()).add(t);
                }
            }
            List<ReportableEvent> events = new ArrayList<>();
            for (CashLedger.ReportableDay d : days) {
                List<CashLedger.TxRow> lines = txs.getOrDefault(d.id(), List.of());
                if (lines.isEmpty()) {
                    continue;
                }
                Optional<CurrencyClass> cls = rules.classNamed(d.currencyClass());
                if (cls.isPresent() && !cls.get().aggregatesPerDay()) {
                    lines.stream().filter(CashLedger.TxRow::largeValue).forEach(t -> events.add(event(t.id(), ReportableEvent.Kind.SINGLE,
                            d, t.measuredAmount(), List.of(t))));
                    continue;
                }
                BigDecimal total = lines.stream().map(CashLedger.TxRow::measuredAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                events.add(event(d.id(), lines.size() == 1 ? ReportableEvent.Kind.SINGLE : ReportableEvent.Kind.AGGREGATE,
                        d, total, lines));
            }
            events.sort(Comparator.comparing(ReportableEvent::businessDay).thenComparing(ReportableEvent::customerId)
                    .thenComparing(e -> e.direction().name()).thenComparing(ReportableEvent::currencyClass));
            return events;
        });
    }

    private ReportableEvent event(String id, ReportableEvent.Kind kind, CashLedger.ReportableDay d, BigDecimal total,
                                         List<CashLedger.TxRow> lines) {
        return new ReportableEvent(id, kind, d.customerId(), d.direction(), d.businessDay(), d.currencyClass(),
                d.measureCurrency(), total.setScale(2, java.math.RoundingMode.HALF_UP), d.reportDueBy(),
                lines.stream().map(t -> new ReportableEvent.Line(t.id(), t.reference(), money(t.amount(), t.currency()), t.currency(),
                        t.occurredAt(), t.branch(), t.dueDiligence())).toList());
    }

    Map<String, Object> describePolicy() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", rules.name());
        m.put("zone", rules.zone().getId());
        return m;
    }
}
