package com.kyckeeper.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the master keystore: an HSM through SunPKCS11, a configured PKCS#12 file, or (demo profile
 * only) the development keystore, created on first run.
 */
final class KeystoreLoader {

    private static final Logger log = LoggerFactory.getLogger(KeystoreLoader.class);
    static final String DEV_KEYSTORE = "dev-kek.p12";
    static final String DEV_PASSWORD = "dev-kek.password";

    private KeystoreLoader() {
    }

    static KeyEncryptionKey load(CryptoProperties props, boolean demoProfileActive) {
        try {
            if (props.pkcs11().enabled()) {
                return pkcs11(props.pkcs11(), props.kekAlias());
            }
            if (props.keystore() != null) {
                char[] password = require(props.keystorePassword(), "kyc.crypto.keystore-password").toCharArray();
                return pkcs12(props.keystore(), password, props.kekAlias());
            }
            if (!props.devKeystoreAllowed() || !demoProfileActive || props.devKeystoreDir() == null) {
                throw new IllegalStateException("No master key configured: set kyc.crypto.keystore and "
                        + "kyc.crypto.keystore-password, or an HSM (kyc.crypto.pkcs11.library). The generated development "
                        + "keystore is only allowed in the demo profile.");
            }
            return devKeystore(props.devKeystoreDir(), props.kekAlias());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The master keystore could not be opened: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyEncryptionKey pkcs11(CryptoProperties.Pkcs11 hsm, String label) {
        StringBuilder config = new StringBuilder("--name=kyc-kek\nlibrary=").append(hsm.library()).append('\n');
        if (hsm.slot() != null) {
            config.append("slot=").append(hsm.slot()).append('\n');
        } else {
            config.append("slotListIndex=").append(hsm.slotListIndex() == null ? 0 : hsm.slotListIndex()).append('\n');
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("This JVM has no SunPKCS11 provider");
        }
        Provider provider = base.configure(config.toString());
        char[] pin = require(hsm.pin(), "kyc.crypto.pkcs11.pin (KYC_HSM_PIN)").toCharArray();
        log.info("Master key in the HSM (PKCS#11 module {}, key label {})", hsm.library(), label);
        return new KeystoreKek(label, provider, null, new KeystoreKek.Store() {
            @Override
            public KeyStore open() throws Exception {
                KeyStore ks = KeyStore.getInstance("PKCS11", provider);
                ks.load(null, pin);
                return ks;
            }

            @Override
            public void save(KeyStore keyStore) {
                // token objects are stored by setEntry itself
            }
        });
    }

    private static KeyEncryptionKey pkcs12(Path file, char[] password, String alias) {
        return new KeystoreKek(alias, null, password, new KeystoreKek.Store() {
            @Override
            public KeyStore open() throws Exception {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
                return ks;
            }

            @Override
            public void save(KeyStore keyStore) throws Exception {
                Path tmp = file.resolveSibling(file.getFileName() + ".new");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    keyStore.store(out, password);
                }
                restrict(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        });
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
        return pkcs12(file, password.toCharArray(), alias);
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
            throw new IllegalStateException(name + " is required for the configured master keystore");
        }
        return value;
    }
}
