package com.kyckeeper.audit;

import com.kyckeeper.audit.internal.AuditKeys;
import com.kyckeeper.audit.internal.AuditSuite;
import com.kyckeeper.audit.internal.LogFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifies an exported access log away from the service and its database:
 * <pre>
 *   java -cp "target/classes:$(cat target/audit-classpath.txt)" com.kyckeeper.audit.OfflineVerifier \
 *        audit-log.csv audit-ed25519_sha256-signing.pub [audit-ed25519_sha256-mac.key]
 * </pre>
 * The export comes from {@code GET /api/v1/audit/log-export}; the public key from
 * {@code GET /api/v1/audit/public-key} or the key folder. With the (secret) MAC key it also
 * proves every event was written by the service. Prints the report; exit 0 INTACT, 1 BROKEN, 2 error.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: OfflineVerifier <audit-log.csv> <public-key.pub> [<mac.key>]");
            System.exit(2);
        }
        try {
            IntegrityReport r = verify(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null);
            System.out.printf("{\"status\":\"%s\",\"verifiedThrough\":%d,\"firstBrokenSeq\":%s,\"entries\":%d,"
                            + "\"macsChecked\":%s%s}%n", r.status(), r.verifiedThrough(), r.firstBrokenSeq(), r.entries(),
                    args.length == 3, r.reason() == null ? "" : ",\"reason\":\"" + r.reason() + "\"");
            System.exit(r.intact() ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("verification failed to run: " + e.getMessage());
            System.exit(2);
        }
    }

    public static IntegrityReport verify(Path export, Path publicKeyFile, Path macKeyFile) throws IOException {
        Object[] key = AuditKeys.parsePublicKey(Files.readString(publicKeyFile, StandardCharsets.US_ASCII));
        byte[] macKey = macKeyFile == null ? null : AuditKeys.readKeyFile(macKeyFile);
        try (Reader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            return LogFile.verify(in, (AuditSuite) key[0], (byte[]) key[1], macKey);
        }
    }
}
