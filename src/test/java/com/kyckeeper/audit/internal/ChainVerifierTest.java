package com.kyckeeper.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.audit.IntegrityReport;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verification itself, for both suites, without Spring or a database. */
class ChainVerifierTest {

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void anUntouchedChainIsIntactThroughItsLastEntry(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 50, 10);
        IntegrityReport r = f.verify(true, -1, null, false);
        assertThat(r.status()).isEqualTo(IntegrityReport.Status.INTACT);
        assertThat(r.verifiedThrough()).isEqualTo(100);
        assertThat(r.entries()).isEqualTo(50);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void aChangedEventIsNamedAndEverythingBeforeItIsVerified(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 50, 10);
        EventFields e = f.events.get(22);
        EventFields changed = new EventFields(e.seq(), e.at(), "someone-else", e.role(), e.action(), e.customerId(),
                e.purpose(), e.outcome(), e.clientAddress(), e.requestId(), e.detail(), e.eventId(), e.mac());
        IntegrityReport r = f.verify(true, 22, changed, true);
        assertThat(r.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(r.firstBrokenSeq()).isEqualTo(46);
        assertThat(r.verifiedThrough()).isEqualTo(44);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void aDeletedEventIsNamed(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 20, 5);
        IntegrityReport r = f.verify(true, 7, null, true);
        assertThat(r.firstBrokenSeq()).isEqualTo(16);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void aForgedCheckpointOrAWrongKeyBreaksTheChain(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 20, 5);
        Checkpoint cp = f.checkpoints.get(1);
        byte[] sig = Base64.getDecoder().decode(cp.signature());
        sig[5] ^= 1;
        f.checkpoints.set(1, new Checkpoint(cp.chainPos(), cp.seq(), cp.chainHash(), cp.signedAt(), cp.suite(),
                cp.keyId(), Base64.getEncoder().encodeToString(sig)));
        IntegrityReport r = f.verify(false, -1, null, false);
        assertThat(r.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(r.verifiedThrough()).isEqualTo(10);   // the first checkpoint (entry 5, seq 10) held
        assertThat(r.firstBrokenSeq()).isEqualTo(12);    // suspect from the entry after it

        ChainFixture other = new ChainFixture(suite, 20, 5);
        ChainVerifier v = new ChainVerifier(suite, other.keyPair[1], null, new ChainFixture(suite, 1, 1).checkpoints);
        assertThat(v.finish().status()).isEqualTo(IntegrityReport.Status.BROKEN);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void aRemovedTailIsFoundByTheLastCheckpoint(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 20, 5);
        ChainVerifier v = f.verifier(true);
        for (int i = 0; i < 17; i++) {
            v.accept(i + 1, f.events.get(i).seq(), f.events.get(i), f.hashes.get(i));
        }
        IntegrityReport r = v.finish();
        assertThat(r.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(r.firstBrokenSeq()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void theExportRoundTripsThroughCsvAndVerifiesOffline(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 30, 7);
        String csv = f.export();
        IntegrityReport r = LogFile.verify(new StringReader(csv), suite, f.keyPair[1], f.macKey);
        assertThat(r.status()).isEqualTo(IntegrityReport.Status.INTACT);
        assertThat(r.verifiedThrough()).isEqualTo(60);

        String tampered = csv.replace("\"teller3\"", "\"teller4\"");
        IntegrityReport t = LogFile.verify(new StringReader(tampered), suite, f.keyPair[1], null);
        assertThat(t.status()).isEqualTo(IntegrityReport.Status.BROKEN);
        assertThat(t.firstBrokenSeq()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(AuditSuite.class)
    void anEventWithoutTheServicesMacIsNamedWhenTheMacKeyIsGiven(AuditSuite suite) {
        ChainFixture f = new ChainFixture(suite, 10, 100);
        // Rebuild the chain as a sealer would over a forged event (no MAC) at position 4.
        EventFields e = f.events.get(3);
        EventFields forged = new EventFields(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.customerId(), "alibi",
                e.outcome(), e.clientAddress(), e.requestId(), e.detail(), null, null);
        f.events.set(3, forged);
        AuditSuite.Hasher h = suite.hasher();
        Canonical c = new Canonical();
        byte[] prev = new byte[32];
        f.hashes.clear();
        for (EventFields ev : f.events) {
            prev = h.hash(prev, c.buffer(), c.entry(ev));
            f.hashes.add(java.util.HexFormat.of().formatHex(prev));
        }
        f.checkpoints.clear();
        assertThat(f.verify(false, -1, null, false).status()).isEqualTo(IntegrityReport.Status.INTACT);
        IntegrityReport r = f.verify(true, -1, null, false);
        assertThat(r.firstBrokenSeq()).isEqualTo(8);
        assertThat(List.of(r.reason())).allMatch(s -> s.contains("MAC"));
    }
}
