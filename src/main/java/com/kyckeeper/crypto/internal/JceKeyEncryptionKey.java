package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.DecryptionFailedException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A KEK held by a JCE keystore: a PKCS#12 file or a PKCS#11 token. Wrapping is AES-GCM inside
 * the key's own provider, so an HSM key is used where it lives.
 */
final class JceKeyEncryptionKey implements KeyEncryptionKey {

    private static final int NONCE = 12;
    private final String id;
    private final SecretKey key;
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    JceKeyEncryptionKey(String id, SecretKey key, Provider provider) {
        this.id = id;
        this.key = key;
        this.provider = provider;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] ct = cipher.doFinal(dataKey);
            byte[] out = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key wrapping failed with KEK " + id, e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(wrapped, NONCE)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, NONCE, wrapped.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("Data key could not be unwrapped with KEK " + id);
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }
}
