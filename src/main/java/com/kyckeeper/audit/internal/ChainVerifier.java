package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.IntegrityReport;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies the sealed log entry by entry in chain order, without Spring or a database, so the same
 * code runs online and offline. Feed it every entry ({@link #accept}), then {@link #finish}.
 * It reports the first broken entry: a gap in chain positions, a sealed event that is missing
 * (deleted), an entry whose hash does not follow (changed), an event whose MAC is not the
 * service's (inserted; only checked when the MAC key is given), or a checkpoint whose hash or
 * signature does not hold (then everything after the last good checkpoint is suspect).
 */
public final class ChainVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private final AuditSuite suite;
    private final byte[] publicKey;
    private final List<Checkpoint> checkpoints;
    private final AuditSuite.Hasher hasher;
    private final AuditSuite.Hasher mac;
    private final Canonical canonical = new Canonical();
    private final Canonical macCanonical = new Canonical();

    private byte[] prev = new byte[32];
    private long expectedPos = 1;
    private long lastSeq;
    private long entries;
    private int nextCheckpoint;
    private long lastGoodCheckpointSeq;
    private long firstSeqAfterCheckpoint = -1;
    private IntegrityReport broken;

    /** @param macKey null to skip the MAC check (offline, without the secret) */
    public ChainVerifier(AuditSuite suite, byte[] publicKey, byte[] macKey, List<Checkpoint> checkpoints) {
        this.suite = suite;
        this.publicKey = publicKey;
        this.checkpoints = checkpoints.stream().sorted(java.util.Comparator.comparingLong(Checkpoint::chainPos)).toList();
        this.hasher = suite.hasher();
        this.mac = macKey == null ? null : suite.mac(macKey);
    }

    /**
     * One entry of the chain. {@code event} is null when the sealed event no longer exists.
     * Returns false once the chain is broken (further entries are ignored).
     */
    public boolean accept(long chainPos, long sealedSeq, EventFields event, String storedHash) {
        if (broken != null) {
            return false;
        }
        if (chainPos != expectedPos) {
            return fail(sealedSeq, "chain position " + expectedPos + " is missing (a seal was removed)");
        }
        if (event == null) {
            return fail(sealedSeq, "the sealed event no longer exists (deleted)");
        }
        int n = canonical.entry(event);
        byte[] h = hasher.hash(prev, canonical.buffer(), n);
        if (!matches(h, storedHash)) {
            return fail(sealedSeq, "the entry does not match its seal (event or seal changed)");
        }
        if (mac != null) {
            int m = macCanonical.content(event);
            byte[] expectedMac = mac.hash(null, macCanonical.buffer(), m);
            if (!matches(expectedMac, event.mac())) {
                return fail(sealedSeq, "the event was not written by the service (MAC invalid)");
            }
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

    private static boolean matches(byte[] actual, String hex) {
        if (hex == null || hex.length() != actual.length * 2) {
            return false;
        }
        try {
            return MessageDigest.isEqual(actual, HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
