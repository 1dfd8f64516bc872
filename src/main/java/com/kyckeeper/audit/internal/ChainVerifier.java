package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.IntegrityReport;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Verifies the sealed log entry by entry in chain order, without Spring or a database, so the same
 * code runs online and offline. Feed it every entry ({@link #accept}), then {@link #finish}.
 * It reports the first broken entry: a gap in chain positions, a sealed event that is missing
 * (deleted), an entry whose hash does not follow (changed), an event whose MAC is not the
 * service's (inserted; only checked when the MAC key is given), an event marked as a copy of an
 * earlier one ({@link #markCopy}), or a checkpoint whose hash or
 * signature does not hold (then everything after the last good checkpoint is suspect).
 */
public final class ChainVerifier {

    private final AuditSuite suite;
    private final byte[] publicKey;
    private final List<Checkpoint> checkpoints;
    private final AuditSuite.Hasher hasher;
    private final byte[] macKey;
    private final Canonical canonical = new Canonical();
    private static final int BATCH = 4096;
    private final long[] batchPos = new long[BATCH];
    private final long[] batchSeq = new long[BATCH];
    private final EventFields[] batchEvent = new EventFields[BATCH];
    private final String[] batchHash = new String[BATCH];
    private int batched;

    private byte[] prev = new byte[32];
    private long expectedPos = 1;
    private long lastSeq;
    private long entries;
    private int nextCheckpoint;
    private long lastGoodCheckpointSeq;
    private long firstSeqAfterCheckpoint = -1;
    private IntegrityReport broken;
    private final java.util.Map<Long, String> flagged = new java.util.HashMap<>();

    /** @param macKey null to skip the MAC check (offline, without the secret) */
    public ChainVerifier(AuditSuite suite, byte[] publicKey, byte[] macKey, List<Checkpoint> checkpoints) {
        this.suite = suite;
        this.publicKey = publicKey;
        this.checkpoints = checkpoints.stream().sorted(java.util.Comparator.comparingLong(Checkpoint::chainPos)).toList();
        this.hasher = suite.hasher();
        this.macKey = macKey == null ? null : macKey.clone();
    }

    /**
     * Marks the entry at this chain position as a copy: its event id already appeared at an earlier
     * position (a replayed row carries a valid MAC, so only the repeated id gives it away). Call it
     * before the entry is {@linkplain #accept accepted}.
     */
    public void markCopy(long chainPos) {
        flagged.putIfAbsent(chainPos, "the event repeats an earlier event's id (a copied row)");
    }

    /** Marks the entry whose seal records another event id than its event carries (a seal changed). */
    public void markForeignSeal(long chainPos) {
        flagged.putIfAbsent(chainPos, "the seal's event id is not the event's (event or seal changed)");
    }

    /**
     * One entry of the chain. {@code event} is null when the sealed event no longer exists.
     * Entries are checked in batches (MACs on a second thread while this one follows the chain),
     * so a break is reported by a later call or by {@link #finish}; returns false once it is known.
     */
    public boolean accept(long chainPos, long sealedSeq, EventFields event, String storedHash) {
        if (broken != null) {
            return false;
        }
        batchPos[batched] = chainPos;
        batchSeq[batched] = sealedSeq;
        batchEvent[batched] = event;
        batchHash[batched] = storedHash;
        if (++batched == BATCH) {
            flush();
        }
        return broken == null;
    }

    private void flush() {
        int n = batched;
        batched = 0;
        if (n == 0 || broken != null) {
            return;
        }
        CompletableFuture<Integer> badMac = macKey == null ? null
                : CompletableFuture.supplyAsync(() -> firstBadMac(n), ForkJoinPool.commonPool());
        long seqBefore = lastSeq;
        long entriesBefore = entries;
        int chainBreak = n;
        for (int i = 0; i < n; i++) {
            if (!link(batchPos[i], batchSeq[i], batchEvent[i], batchHash[i])) {
                chainBreak = i;
                break;
            }
        }
        if (badMac != null) {
            int m = badMac.join();
            if (m < chainBreak) {
                broken = IntegrityReport.broken(m == 0 ? seqBefore : batchSeq[m - 1], batchSeq[m], entriesBefore + m,
                        "the event was not written by the service (MAC invalid)");
            }
        }
        java.util.Arrays.fill(batchEvent, 0, n, null);
    }

    /** Index of the first event in the batch whose MAC is not the service's, or the batch size. */
    private int firstBadMac(int n) {
        AuditSuite.Hasher mac = suite.mac(macKey);
        Canonical c = new Canonical();
        for (int i = 0; i < n; i++) {
            EventFields e = batchEvent[i];
            if (e == null) {
                continue; // a missing event is the chain's finding
            }
            if (!matches(mac.hash(null, c.buffer(), c.content(e)), e.mac())) {
                return i;
            }
        }
        return n;
    }

    private boolean link(long chainPos, long sealedSeq, EventFields event, String storedHash) {
        if (chainPos != expectedPos) {
            return fail(sealedSeq, "chain position " + expectedPos + " is missing (a seal was removed)");
        }
        if (event == null) {
            return fail(sealedSeq, "the sealed event no longer exists (deleted)");
        }
        String flag = flagged.isEmpty() ? null : flagged.get(chainPos);
        if (flag != null) {
            return fail(sealedSeq, flag);
        }
        int n = canonical.entry(event);
        byte[] h = hasher.hash(prev, canonical.buffer(), n);
        if (!matches(h, storedHash)) {
            return fail(sealedSeq, "the entry does not match its seal (event or seal changed)");
        }
        if (firstSeqAfterCheckpoint < 0) {
            firstSeqAfterCheckpoint = sealedSeq;
        }
        prev = h;
        lastSeq = sealedSeq;
        expectedPos++;
        entries++;
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).chainPos() <= chainPos) {
            Checkpoint cp = checkpoints.get(nextCheckpoint++);
            if (cp.chainPos() != chainPos || cp.seq() != sealedSeq || !matches(h, cp.chainHash()) || !signed(cp, h)) {
                broken = IntegrityReport.broken(lastGoodCheckpointSeq, firstSeqAfterCheckpoint, entries,
                        "checkpoint at chain position " + cp.chainPos() + " does not hold (chain rewritten or forged)");
                return false;
            }
            lastGoodCheckpointSeq = sealedSeq;
            firstSeqAfterCheckpoint = -1;
        }
        return true;
    }

    public IntegrityReport finish() {
        flush();
        if (broken != null) {
            return broken;
        }
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint cp = checkpoints.get(nextCheckpoint);
            return IntegrityReport.broken(lastSeq, cp.seq(), entries, "the log ends before the checkpoint at chain position "
                    + cp.chainPos() + " (entries were removed)");
        }
        return IntegrityReport.intact(lastSeq, entries);
    }

    public long entries() {
        return entries;
    }

    private boolean signed(Checkpoint cp, byte[] chainHash) {
        if (!suite.name().equals(cp.suite())) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(cp.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] message = Signatures.checkpointMessage(cp.chainPos(), cp.seq(), chainHash,
                Canonical.micros(cp.signedAt()), suite);
        return Signatures.verify(suite, publicKey, message, signature);
    }

    private boolean fail(long seq, String reason) {
        broken = IntegrityReport.broken(lastSeq, seq, entries, reason);
        return false;
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** Compares a digest with its stored lower-case hex form without allocating. */
    private static boolean matches(byte[] actual, String hex) {
        if (hex == null || hex.length() != actual.length * 2) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < actual.length; i++) {
            int b = actual[i] & 0xff;
            diff |= hex.charAt(2 * i) ^ DIGITS[b >>> 4];
            diff |= hex.charAt(2 * i + 1) ^ DIGITS[b & 0x0f];
        }
        return diff == 0;
    }
}
