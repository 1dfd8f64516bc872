package com.kyckeeper.benchmarks;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import com.kyckeeper.customer.CustomerProfile;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * End-to-end registration of an individual customer (validation, uniqueness probe, encryption of
 * every personal field, blind index, a new data key wrapped by the master key, row + version
 * snapshot + audit event on an H2 file database), hardened versus a plaintext baseline in the
 * same run: {@code plaintext} replaces FieldCipher and BlindIndex by identity functions, all else
 * equal. {@code layer=service} calls CustomerRegistry.register in-process (no HTTP, no password
 * hashing, so crypto's share is largest); {@code layer=http} posts to the running service with
 * HTTP Basic, as a client sees it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class RegistrationBenchmark {

    @Param({"hardened", "plaintext"})
    public String mode;

    @Param({"service", "http"})
    public String layer;

    ConfigurableApplicationContext context;
    CustomerRegistry registry;
    ObjectMapper json;
    Api api;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Files.createTempDirectory("kyc-bench");
        SpringApplicationBuilder app = new SpringApplicationBuilder(KycKeeperApplication.class).profiles("demo");
        if (mode.equals("plaintext")) {
            app.initializers(ctx -> {
                GenericApplicationContext g = (GenericApplicationContext) ctx;
                g.registerBean("plaintextCipher", FieldCipher.class, PlainCipher::new, bd -> bd.setPrimary(true));
                g.registerBean("plaintextIndex", BlindIndex.class, () -> (kind, value) -> kind + ":" + value,
                        bd -> bd.setPrimary(true));
            });
        }
        context = app.run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/kyc"), "--kyc.data-dir=" + dir,
                "--server.port=0", "--KYC_DEMO_PASSWORD=" + Databases.PASSWORD, "--logging.level.root=WARN");
        registry = context.getBean(CustomerRegistry.class);
        json = context.getBean(ObjectMapper.class);
        api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public Object register() {
        var body = Identities.individual(Identities.residentId(true), true);
        if (layer.equals("http")) {
            Api.Response r = api.as("teller1").post("/api/v1/customers", body);
            if (r.status() != 201) {
                throw new IllegalStateException("registration answered " + r.status());
            }
            return r;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "teller1", null, List.of(new SimpleGrantedAuthority("ROLE_TELLER"))));
        try {
            return registry.register(json.convertValue(body, CustomerProfile.class));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The baseline: stores values as they are. */
    static final class PlainCipher implements FieldCipher {
        @Override
        public String encrypt(String owner, FieldRef field, String plaintext) {
            return plaintext;
        }

        @Override
        public String decrypt(String owner, FieldRef field, String ciphertext) {
            return ciphertext;
        }
    }
}
