package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.IntegrityReport;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exported log, one CSV file: a header record {@code KYC-AUDIT-LOG,1,<SUITE>}, then every
 * checkpoint ({@code C,chainPos,seq,chainHash,signedAt,suite,keyId,signature}), then every sealed
 * entry in chain order ({@code E,chainPos,seq,hash,at,actor,role,action,customerId,purpose,outcome,
 * clientAddress,requestId,detail,eventId,mac}); an entry whose event was deleted has empty event
 * fields. Instants are ISO-8601 UTC with microseconds.
 */
public final class LogFile {

    public static final String MAGIC = "KYC-AUDIT-LOG";

    private LogFile() {
    }

    public static void header(Writer out, AuditSuite suite) {
        Csv.row(out, MAGIC, 1, suite.name());
    }

    public static void checkpoint(Writer out, Checkpoint cp) {
        Csv.row(out, "C", cp.chainPos(), cp.seq(), cp.chainHash(), cp.signedAt().toString(), cp.suite(), cp.keyId(),
                cp.signature());
    }

    public static void entry(Writer out, long chainPos, long seq, String hash, EventFields e) {
        if (e == null) {
            Csv.row(out, "E", chainPos, seq, hash);
            return;
        }
        Csv.row(out, "E", chainPos, seq, hash, e.at().toString(), e.actor(), e.role(), e.action(), e.customerId(),
                e.purpose(), e.outcome(), e.clientAddress(), e.requestId(), e.detail(), e.eventId(), e.mac());
    }

    /** Verifies an exported log with the trusted public key (and the MAC key, if given). */
    public static IntegrityReport verify(Reader in, AuditSuite suite, byte[] publicKey, byte[] macKey) {
        Csv.Reader2 csv = new Csv.Reader2(in);
        List<String> head = csv.next();
        if (head == null || head.size() != 3 || !MAGIC.equals(head.get(0)) || !"1".equals(head.get(1))) {
            throw new IllegalArgumentException("not a KYC Keeper audit log export");
        }
        if (!suite.name().equals(head.get(2))) {
            throw new IllegalArgumentException("the log uses " + head.get(2) + " but the key is for " + suite);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> r = csv.next();
        while (r != null && "C".equals(r.get(0))) {
            checkpoints.add(new Checkpoint(Long.parseLong(r.get(1)), Long.parseLong(r.get(2)), r.get(3),
                    Instant.parse(r.get(4)), r.get(5), r.get(6), r.get(7)));
            r = csv.next();
        }
        ChainVerifier verifier = new ChainVerifier(suite, publicKey, macKey, checkpoints);
        // Offline there is no index to ask: every event id is kept to find a copied row (about 100 bytes each).
        Set<String> eventIds = new HashSet<>();
        for (; r != null; r = csv.next()) {
            if (r.size() == 1 && r.get(0) == null) {
                continue; // blank line
            }
            if (!"E".equals(r.get(0)) || (r.size() != 4 && r.size() != 16)) {
                throw new IllegalArgumentException("malformed entry record");
            }
            long pos = Long.parseLong(r.get(1));
            long seq = Long.parseLong(r.get(2));
            EventFields e = r.size() == 4 ? null : new EventFields(seq, Instant.parse(r.get(4)), r.get(5), r.get(6),
                    r.get(7), r.get(8), r.get(9), r.get(10), r.get(11), r.get(12), r.get(13), r.get(14), r.get(15));
            if (e != null && e.eventId() != null && !eventIds.add(e.eventId())) {
                verifier.markCopy(pos);
            }
            if (!verifier.accept(pos, seq, e, r.get(3))) {
                break;
            }
        }
        return verifier.finish();
    }
}
