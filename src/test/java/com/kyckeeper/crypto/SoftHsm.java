package com.kyckeeper.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh SoftHSM2 token for a test: configuration at $SOFTHSM2_CONF (surefire sets it under
 * target/), token folder beside it, an AES-256 master key generated inside the token. Missing
 * SoftHSM fails the test when CI=true and skips it otherwise.
 */
final class SoftHsm {

    static final String DEFAULT_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "87654321";

    final String library;
    final long slot;

    private SoftHsm(String library, long slot) {
        this.library = library;
        this.slot = slot;
    }

    static SoftHsm initToken(String keyLabel) throws Exception {
        String library = System.getenv().getOrDefault("KYC_TEST_SOFTHSM_LIBRARY", DEFAULT_LIBRARY);
        String conf = System.getenv("SOFTHSM2_CONF");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String missing = !Files.isReadable(Path.of(library)) ? "SoftHSM2 library " + library + " not installed (apt-get install softhsm2)"
                : conf == null ? "SOFTHSM2_CONF is not set (run through Maven: surefire sets it)" : null;
        if (missing != null) {
            if (ci) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n");
        String label = "kyc-" + UUID.randomUUID().toString().substring(0, 8);
        String out = run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", PIN);
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util did not report the slot: " + out);
        }
        SoftHsm hsm = new SoftHsm(library, Long.parseLong(m.group(1)));
        hsm.generateAesKey(keyLabel);
        return hsm;
    }

    /** Generates an AES-256 key inside the token and stores it there as a token object under the label. */
    private void generateAesKey(String keyLabel) throws Exception {
        Provider p = Security.getProvider("SunPKCS11")
                .configure("--name=kyc-test-init-" + slot + "\nlibrary=" + library + "\nslot=" + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, PIN.toCharArray());
        KeyGenerator gen = KeyGenerator.getInstance("AES", p);
        gen.init(256);
        ks.setEntry(keyLabel, new KeyStore.SecretKeyEntry(gen.generateKey()), null);
        if (!ks.containsAlias(keyLabel)) {
            throw new IllegalStateException("the token did not keep the key");
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd[0]) + " failed: " + out);
        }
        return out;
    }
}
