package com.kyckeeper.crypto;

import com.kyckeeper.support.Databases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class FieldProtectionOnH2Test extends FieldProtectionContract {

    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = Databases.h2(registry);
    }

    /** Every file under the data folder after a checkpoint: the H2 database, its trace file, the keystore. */
    @Override
    byte[] databaseFiles() {
        jdbc.sql("CHECKPOINT SYNC").update();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toByteArray();
    }
}
