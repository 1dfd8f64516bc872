package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.DecryptionFailedException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Master keys held by a JCE keystore: a PKCS#12 file or a PKCS#11 token (SunPKCS11). Wrapping is
 * AES-256-GCM inside the keystore's provider, so an HSM key is used where it lives and never
 * leaves it. Master key versions are aliases {@code <base>}, {@code <base>-v2}, ...; the highest
 * is current. An unknown id triggers one reload (another node may have rotated).
 */
final class KeystoreKek implements KeyEncryptionKey {

    /** Opens the keystore and saves it after a new key was added (no-op for a token). */
    interface Store {
        KeyStore open() throws Exception;

        void save(KeyStore keyStore) throws Exception;
    }

    private static final int NONCE = 12;
    private final String base;
    private final Provider provider;
    private final char[] entryPassword;
    private final Store store;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private volatile KeyStore keyStore;
    private volatile String current;

    KeystoreKek(String base, Provider provider, char[] entryPassword, Store store) {
        this.base = base;
        this.provider = provider;
        this.entryPassword = entryPassword;
        this.store = store;
        reload();
        if (current == null) {
            throw new IllegalStateException("The keystore has no master key under alias " + base);
        }
    }

    private synchronized void reload() {
        try {
            KeyStore ks = store.open();
            String best = null;
            int bestVersion = 0;
            for (String alias : Collections.list(ks.aliases())) {
                int v = version(alias);
                if (v > bestVersion && ks.isKeyEntry(alias)) {
                    best = alias;
                    bestVersion = v;
                }
            }
            keyStore = ks;
            current = best;
            keys.clear();
        } catch (Exception e) {
            throw new IllegalStateException("The master keystore could not be opened (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private int version(String alias) {
        if (alias.equalsIgnoreCase(base)) {
            return 1;
        }
        String prefix = base.toLowerCase() + "-v";
        if (alias.toLowerCase().startsWith(prefix)) {
            try {
                return Integer.parseInt(alias.substring(prefix.length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    @Override
    public String id() {
        return current;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        String id = current;
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key(id), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] ct = cipher.doFinal(dataKey);
            byte[] out = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key wrapping failed with master key " + id + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public byte[] unwrap(String kekId, byte[] wrapped, byte[] associatedData) {
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key(kekId), new GCMParameterSpec(128, Arrays.copyOf(wrapped, NONCE)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, NONCE, wrapped.length - NONCE);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof DecryptionFailedException d) {
                throw d;
            }
            throw new DecryptionFailedException("A data key could not be unwrapped with master key " + kekId);
        }
    }

    @Override
    public synchronized String rotate() {
        reload();
        int next = version(current) + 1;
        String alias = base + "-v" + next;
        try {
            KeyGenerator gen = provider == null ? KeyGenerator.getInstance("AES") : KeyGenerator.getInstance("AES", provider);
            gen.init(256);
            keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(gen.generateKey()),
                    entryPassword == null ? null : new KeyStore.PasswordProtection(entryPassword));
            store.save(keyStore);
        } catch (Exception e) {
            throw new IllegalStateException("A new master key could not be created (" + e.getClass().getSimpleName() + ")", e);
        }
        reload();
        if (!alias.equals(current)) {
            throw new IllegalStateException("The new master key " + alias + " is not readable from the keystore");
        }
        return alias;
    }

    private SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            key = lookup(id);
            if (key == null) {
                reload();
                key = lookup(id);
            }
            if (key == null) {
                throw new DecryptionFailedException("Master key " + id + " is not in the keystore");
            }
            keys.put(id, key);
        }
        return key;
    }

    private SecretKey lookup(String id) {
        try {
            return keyStore.getKey(id, entryPassword) instanceof SecretKey k ? k : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }
}
