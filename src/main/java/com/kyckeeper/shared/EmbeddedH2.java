package com.kyckeeper.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database is protected like a server database: its servers (AUTO_SERVER,
 * off unless asked) listen on loopback only, and without a configured password it uses one
 * generated into the database folder (owner-only file), never a default anyone can guess.
 */
public final class EmbeddedH2 {

    static final String BIND_ADDRESS = "h2.bindAddress";
    static final String PASSWORD_FILE = ".h2-password";
    /** What earlier versions used when KYC_DB_PASSWORD was unset; replaced on first start. */
    private static final String LEGACY_PASSWORD = "kyc";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);

    private EmbeddedH2() {
    }

    /** Loopback for every H2 server socket; read once by H2, so set before it first opens a database. */
    public static void bindToLoopback() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }

    /** The folder of an H2 file URL's database ({@code jdbc:h2:file:/x/db/kyc;…} → /x/db), if it is one. */
    static Optional<Path> folderOf(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path file = Path.of(path).toAbsolutePath();
        return Optional.ofNullable(file.getParent());
    }

    /**
     * The password to use: the configured one if there is one; else the generated one of the
     * database's folder, made on first use (and set on a database created with the old default).
     */
    public static String password(String url, String user, String configured) {
        Optional<Path> folder = folderOf(url);
        if (folder.isEmpty() || (configured != null && !configured.isEmpty())) {
            return configured;
        }
        bindToLoopback();
        Path file = folder.get().resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(folder.get());
            String generated = generate();
            Path dbFile = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db").toAbsolutePath();
            if (Files.exists(dbFile)) {
                replaceLegacyPassword(url, user, generated);
            }
            Path tmp = Files.createTempFile(folder.get(), PASSWORD_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, generated, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the embedded database password in " + folder.get(), e);
        }
    }

    private static String generate() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void replaceLegacyPassword(String url, String user, String generated) {
        String plain = url.split(";", 2)[0];
        try (Connection c = DriverManager.getConnection(plain, user, LEGACY_PASSWORD); Statement s = c.createStatement()) {
            s.execute("ALTER USER \"" + user.toUpperCase(Locale.ROOT).replace("\"", "") + "\" SET PASSWORD '" + generated + "'");
            log.warn("The embedded database had the old default credentials; it now uses the generated secret in its folder");
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded database exists but not with the old default password:"
                    + " set KYC_DB_PASSWORD to its password", e);
        }
    }
}
