package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.CryptoSuite;
import com.kyckeeper.crypto.DecryptionFailed;
import com.kyckeeper.crypto.DecryptionFailedException;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Ciphertext layout (then Base64): format(1) | suite(1) | key version(4) | nonce(12) | AEAD output.
 * Associated data = the field reference followed by the 6 header bytes. A failure to open is
 * logged on the {@code kyc.security} logger and published as {@link DecryptionFailed}, naming
 * table, column and record id only.
 */
final class AeadFieldCipher implements FieldCipher {

    private static final byte FORMAT = 1;
    private static final int HEADER = 6;
    private static final int NONCE = 12;

    private static final Logger security = LoggerFactory.getLogger("kyc.security");
    private final DataKeys keys;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    AeadFieldCipher(DataKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @Override
    public String encrypt(String owner, FieldRef field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        DataKeys.Dek dek = keys.current(owner);
        byte[] out = new byte[HEADER + NONCE];
        ByteBuffer.wrap(out).put(FORMAT).put(dek.suite().code()).putInt(dek.version());
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, HEADER, NONCE);
        byte[] sealed = Aead.seal(dek.suite(), dek.key(), nonce, aad(field, out),
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[out.length + sealed.length];
        System.arraycopy(out, 0, all, 0, out.length);
        System.arraycopy(sealed, 0, all, out.length, sealed.length);
        return Base64.getEncoder().withoutPadding().encodeToString(all);
    }

    @Override
    public String decrypt(String owner, FieldRef field, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return open(owner, field, ciphertext);
        } catch (DecryptionFailedException e) {
            security.warn("DECRYPTION_FAILED {}.{} record {}: {}", field.table(), field.column(), field.recordId(),
                    e.getMessage());
            if (events != null) {
                events.publishEvent(new DecryptionFailed(field.table(), field.column(), field.recordId(), e.getMessage()));
            }
            throw e;
        }
    }

    private String open(String owner, FieldRef field, String ciphertext) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("Ciphertext of " + field.table() + "." + field.column() + " is not Base64");
        }
        if (all.length < HEADER + NONCE + 16 || all[0] != FORMAT) {
            throw new DecryptionFailedException("Ciphertext of " + field.table() + "." + field.column() + " has a bad header");
        }
        CryptoSuite suite = CryptoSuite.ofCode(all[1]);
        int version = ByteBuffer.wrap(all, 2, 4).getInt();
        DataKeys.Dek dek = keys.version(owner, version);
        if (dek.suite() != suite) {
            throw new DecryptionFailedException("Ciphertext suite does not match its data key");
        }
        byte[] header = java.util.Arrays.copyOf(all, HEADER);
        byte[] nonce = java.util.Arrays.copyOfRange(all, HEADER, HEADER + NONCE);
        byte[] body = java.util.Arrays.copyOfRange(all, HEADER + NONCE, all.length);
        try {
            return new String(Aead.open(suite, dek.key(), nonce, aad(field, header), body), StandardCharsets.UTF_8);
        } catch (DecryptionFailedException e) {
            throw new DecryptionFailedException("Ciphertext of " + field.table() + "." + field.column()
                    + " failed authentication: altered, moved to another record or column, or wrong key", e);
        }
    }

    /** The data key version a ciphertext names in its header, or -1 when it has no readable header. */
    static int keyVersion(String ciphertext) {
        if (ciphertext == null || ciphertext.length() < 8) {
            return -1;
        }
        try {
            byte[] head = Base64.getDecoder().decode(ciphertext.substring(0, 8));
            return head[0] == FORMAT ? ByteBuffer.wrap(head, 2, 4).getInt() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static byte[] aad(FieldRef field, byte[] header) {
        byte[] ref = ("kyc/v1|" + field.table() + "|" + field.column() + "|" + field.recordId())
                .getBytes(StandardCharsets.UTF_8);
        byte[] aad = new byte[ref.length + HEADER];
        System.arraycopy(ref, 0, aad, 0, ref.length);
        System.arraycopy(header, 0, aad, ref.length, HEADER);
        return aad;
    }
}
