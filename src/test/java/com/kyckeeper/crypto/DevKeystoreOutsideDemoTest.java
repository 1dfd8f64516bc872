package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.KycKeeperApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo profile the service refuses to start on the generated development keystore. */
class DevKeystoreOutsideDemoTest {

    Throwable start(Path dir, String... extra) {
        String[] props = {
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/kyc"),
                "--kyc.data-dir=" + dir,
                "--server.port=0",
                "--KYC_DEMO_PASSWORD=x"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(props), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        try {
            new SpringApplicationBuilder(KycKeeperApplication.class).profiles("production").run(args).close();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    static Throwable root(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    @Test
    void refusesToStartWithoutAMasterKeyOutsideTheDemoProfile() throws Exception {
        Path dir = Files.createTempDirectory("kyc-nodemo");
        Throwable failure = start(dir);
        assertThat(failure).as("the service started without a master key").isNotNull();
        assertThat(root(failure)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No master key configured")
                .hasMessageContaining("development keystore is only allowed in the demo profile");
        assertThat(dir.resolve("keys/dev-kek.p12")).doesNotExist();
    }

    @Test
    void refusesTheDevelopmentKeystoreEvenWhenAllowedByPropertyOutsideTheDemoProfile() throws Exception {
        Path dir = Files.createTempDirectory("kyc-nodemo");
        Throwable failure = start(dir, "--kyc.crypto.dev-keystore-allowed=true");
        assertThat(failure).isNotNull();
        assertThat(root(failure)).hasMessageContaining("development keystore is only allowed in the demo profile");
        assertThat(dir.resolve("keys/dev-kek.p12")).doesNotExist();
    }

    @Test
    void refusesAConfiguredKeystoreWithoutItsPassword() throws Exception {
        Path dir = Files.createTempDirectory("kyc-nodemo");
        Throwable failure = start(dir, "--kyc.crypto.keystore=" + dir.resolve("missing.p12"));
        assertThat(failure).isNotNull();
        assertThat(root(failure)).hasMessageContaining("kyc.crypto.keystore-password is required");
    }
}
