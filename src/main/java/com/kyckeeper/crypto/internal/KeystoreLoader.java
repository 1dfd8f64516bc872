package com.kyckeeper.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured PKCS#12 keystore, or creates the development one on first run. */
final class KeystoreLoader {

    private static final Logger log = LoggerFactory.getLogger(KeystoreLoader.class);
    static final String DEV_KEYSTORE = "dev-kek.p12";
    static final String DEV_PASSWORD = "dev-kek.password";

    private KeystoreLoader() {
    }

    static KeyEncryptionKey load(CryptoProperties props) {
        try {
            if (props.keystore() != null) {
                char[] password = require(props.keystorePassword(), "kyc.crypto.keystore-password").toCharArray();
                return fromPkcs12(props.keystore(), password, props.kekAlias());
            }
            if (!props.devKeystoreAllowed() || props.devKeystoreDir() == null) {
                throw new IllegalStateException("No master key configured: set kyc.crypto.keystore and "
                        + "kyc.crypto.keystore-password (or use an HSM). The generated development keystore "
                        + "is only allowed in the demo profile.");
            }
            return devKeystore(props.devKeystoreDir(), props.kekAlias());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The master keystore could not be opened: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyEncryptionKey fromPkcs12(Path file, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        if (!(ks.getKey(alias, password) instanceof SecretKey key)) {
            throw new IllegalStateException("Keystore has no secret key under alias " + alias);
        }
        return new JceKeyEncryptionKey(alias, key, null);
    }

    private static KeyEncryptionKey devKeystore(Path dir, String alias) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(DEV_KEYSTORE);
        Path passwordFile = dir.resolve(DEV_PASSWORD);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            byte[] pw = new byte[24];
            new SecureRandom().nextBytes(pw);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw);
            KeyGenerator gen = KeyGenerator.getInstance("AES");
            gen.init(256);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setEntry(alias, new KeyStore.SecretKeyEntry(gen.generateKey()),
                    new KeyStore.PasswordProtection(password.toCharArray()));
            writeOwnerOnly(passwordFile, password.getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            restrict(file);
        }
        log.warn("""

                ******************************************************************
                 DEVELOPMENT MASTER KEY in {} (password beside it).
                 Anyone with this folder can decrypt the data. Not for production:
                 configure kyc.crypto.keystore or an HSM.
                ******************************************************************""", file.toAbsolutePath());
        String password = Files.readString(passwordFile).strip();
        return fromPkcs12(file, password.toCharArray(), alias);
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        restrict(file);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict permissions of {}", file.getFileName());
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is required with kyc.crypto.keystore");
        }
        return value;
    }
}
