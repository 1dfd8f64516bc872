package com.kyckeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded H2 database: its AUTO_SERVER on loopback only, a generated password in an owner-only file. */
class EmbeddedH2Test {

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedIntoAnOwnerOnlyFileAndKeptAcrossStarts() throws Exception {
        Path dir = Files.createTempDirectory("kyc-h2");
        String url = "jdbc:h2:file:" + dir.resolve("db/kyc");
        String first = EmbeddedH2.password(url, "kyc", "");
        Path file = dir.resolve("db/" + EmbeddedH2.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo("kyc");
        assertThat(EmbeddedH2.password(url, "kyc", null)).isEqualTo(first);
        assertThat(EmbeddedH2.password(url, "kyc", "configured")).isEqualTo("configured");
        assertThat(EmbeddedH2.password("jdbc:postgresql://db/kyc", "kyc", "")).isEmpty();
        try (Connection c = DriverManager.getConnection(url, "kyc", first)) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "kyc", "kyc").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void aDatabaseCreatedWithTheOldDefaultPasswordGetsTheGeneratedOne() throws Exception {
        Path dir = Files.createTempDirectory("kyc-h2");
        String url = "jdbc:h2:file:" + dir.resolve("db/kyc");
        DriverManager.getConnection(url, "kyc", "kyc").close();
        String generated = EmbeddedH2.password(url, "kyc", "");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "kyc", "kyc").close()).isInstanceOf(SQLException.class);
        DriverManager.getConnection(url, "kyc", generated).close();
    }

    @Test
    void theAutoServerListensOnLoopbackOnly() throws Exception {
        Path dir = Files.createTempDirectory("kyc-h2");
        // a JVM of its own: H2 reads its bind address once per JVM
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("other addresses tried: 0"), "no non-loopback address here");
        // before: H2 bound its AUTO_SERVER to every interface, reachable from the machine's network address
        assertThat(out).as(out).containsPattern("server=\\S+:\\d+").contains("loopback reachable").doesNotContain("REACHABLE from");
    }

    /** Opens the database as the service does, then tries the AUTO_SERVER port on every non-loopback address. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            EmbeddedH2.bindToLoopback();
            String url = "jdbc:h2:file:" + dir.resolve("db/kyc") + ";AUTO_SERVER=TRUE";
            String password = EmbeddedH2.password(url, "kyc", "");
            try (Connection c = DriverManager.getConnection(url, "kyc", password)) {
                Properties lock = new Properties();
                try (InputStream in = Files.newInputStream(dir.resolve("db/kyc.lock.db"))) {
                    lock.load(in);
                }
                String server = lock.getProperty("server");
                System.out.println("server=" + server);
                int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
                if (reachable(InetAddress.getLoopbackAddress(), port)) {
                    System.out.println("loopback reachable");
                }
                System.out.println("other addresses tried: " + nonLoopback().size());
                for (InetAddress a : nonLoopback()) {
                    if (reachable(a, port)) {
                        System.out.println("REACHABLE from " + a.getHostAddress());
                    }
                }
            }
        }

        private static boolean reachable(InetAddress a, int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static List<InetAddress> nonLoopback() throws IOException {
            List<InetAddress> out = new ArrayList<>();
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        out.add(a);
                    }
                }
            }
            return out;
        }
    }
}
