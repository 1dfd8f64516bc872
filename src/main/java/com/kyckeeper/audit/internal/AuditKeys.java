package com.kyckeeper.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit keys, kept like the development master key: files under the key folder
 * ({@code kyc.audit.key-dir}, default {@code ${kyc.data-dir}/keys}), owner-readable only, created
 * on first start. {@code audit-<suite>-signing.key} signs checkpoints; its public half
 * {@code audit-<suite>-signing.pub} ({@code <SUITE> <base64>}) is what offline verification needs;
 * {@code audit-<suite>-mac.key} authenticates each event as written by the service. In production
 * mount these files from a secret store (or point key-dir at one); whoever holds them can forge.
 */
public record AuditKeys(AuditSuite suite, byte[] signingKey, byte[] publicKey, byte[] macKey, String keyId) {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    static AuditKeys loadOrCreate(Path dir, AuditSuite suite) {
        String base = "audit-" + suite.name().toLowerCase() + "-";
        Path signing = dir.resolve(base + "signing.key");
        Path pub = dir.resolve(base + "signing.pub");
        Path mac = dir.resolve(base + "mac.key");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(signing)) {
                byte[][] pair = Signatures.generate(suite);
                writeSecret(signing, pair[0]);
                log.warn("Generated the audit checkpoint signing key {} ({}); keep it secret and backed up.",
                        signing.toAbsolutePath(), suite);
            }
            if (!Files.exists(mac)) {
                writeSecret(mac, AuditSuite.randomKey());
            }
            byte[] privateKey = read(signing);
            byte[] publicKey = Signatures.publicOf(suite, privateKey);
            String pubText = suite.name() + " " + Base64.getEncoder().encodeToString(publicKey) + "\n";
            if (!Files.exists(pub) || !Files.readString(pub).equals(pubText)) {
                Files.writeString(pub, pubText);
            }
            return new AuditKeys(suite, privateKey, publicKey, read(mac), Signatures.keyId(publicKey));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit keys in " + dir + " could not be read or created", e);
        }
    }

    public String publicKeyText() {
        return suite.name() + " " + Base64.getEncoder().encodeToString(publicKey);
    }

    /** Parses {@code <SUITE> <base64>} as written to the .pub file. */
    public static Object[] parsePublicKey(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<SUITE> <base64 public key>'");
        }
        return new Object[] {AuditSuite.valueOf(parts[0]), Base64.getDecoder().decode(parts[1])};
    }

    public static byte[] readKeyFile(Path file) throws IOException {
        return read(file);
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    private static void writeSecret(Path file, byte[] key) throws IOException {
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Could not restrict permissions of {}", file.getFileName());
        }
    }
}
