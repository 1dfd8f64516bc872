package com.kyckeeper.audit.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** An in-memory sealed log built exactly as the service builds it (appender MAC, sealer chain, checkpoints). */
public final class ChainFixture {

    public final AuditSuite suite;
    public final byte[][] keyPair;
    public final byte[] macKey = AuditSuite.randomKey();
    public final List<EventFields> events = new ArrayList<>();
    public final List<String> hashes = new ArrayList<>();
    public final List<Checkpoint> checkpoints = new ArrayList<>();

    public ChainFixture(AuditSuite suite, int n, int checkpointEvery) {
        this.suite = suite;
        this.keyPair = Signatures.generate(suite);
        AuditSuite.Hasher mac = suite.mac(macKey);
        AuditSuite.Hasher hasher = suite.hasher();
        Canonical c = new Canonical();
        byte[] prev = new byte[32];
        Instant t = Instant.parse("2026-11-24T01:00:00.123456Z");
        for (int i = 1; i <= n; i++) {
            long seq = i * 2L; // gaps, as rolled-back transactions leave them
            EventFields e = new EventFields(seq, t.plusMillis(i), "teller" + (i % 7), "TELLER", "CUSTOMER_READ",
                    UUID.randomUUID().toString(), i % 3 == 0 ? "核对身份 review" : null, "SUCCESS", "10.0.0." + (i % 250),
                    UUID.randomUUID().toString(), null, UUID.randomUUID().toString(), null);
            String m = HexFormat.of().formatHex(mac.hash(null, c.buffer(), c.content(e)));
            e = new EventFields(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.customerId(), e.purpose(),
                    e.outcome(), e.clientAddress(), e.requestId(), e.detail(), e.eventId(), m);
            prev = hasher.hash(prev, c.buffer(), c.entry(e));
            events.add(e);
            hashes.add(HexFormat.of().formatHex(prev));
            if (i % checkpointEvery == 0 || i == n) {
                Instant at = t.plusSeconds(i);
                byte[] sig = Signatures.sign(suite, keyPair[0],
                        Signatures.checkpointMessage(i, seq, prev, Canonical.micros(at), suite));
                checkpoints.add(new Checkpoint(i, seq, HexFormat.of().formatHex(prev), at, suite.name(),
                        Signatures.keyId(keyPair[1]), Base64.getEncoder().encodeToString(sig)));
            }
        }
    }

    public ChainVerifier verifier(boolean withMac) {
        return new ChainVerifier(suite, keyPair[1], withMac ? macKey : null, checkpoints);
    }

    /** Feeds the entries, with {@code replace} standing in for the event at {@code index} (null: deleted). */
    public com.kyckeeper.audit.IntegrityReport verify(boolean withMac, int index, EventFields replace, boolean replaced) {
        ChainVerifier v = verifier(withMac);
        for (int i = 0; i < events.size(); i++) {
            EventFields e = replaced && i == index ? replace : events.get(i);
            v.accept(i + 1, events.get(i).seq(), e, hashes.get(i));
        }
        return v.finish();
    }

    public String export() {
        StringWriter out = new StringWriter();
        LogFile.header(out, suite);
        checkpoints.forEach(cp -> LogFile.checkpoint(out, cp));
        for (int i = 0; i < events.size(); i++) {
            LogFile.entry(out, i + 1, events.get(i).seq(), hashes.get(i), events.get(i));
        }
        return out.toString();
    }
}
