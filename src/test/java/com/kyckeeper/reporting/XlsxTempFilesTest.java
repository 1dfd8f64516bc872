package com.kyckeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** XLSX exports spill rows to temp files: never in plaintext, and none is left behind, also when the export fails. */
class XlsxTempFilesTest {

    // unique per run: other builds on this machine may export the usual test identities at the same time
    private static final String NAME = "张三丰" + java.util.UUID.randomUUID();
    private static final String ID_NUMBER = "X" + System.nanoTime();
    private static final int ROWS = 2_000;

    record Person(String name, String idNumber) {
    }

    private static final List<ReportFiles.Column<Person>> COLUMNS = List.of(
            new ReportFiles.Column<>("name", Person::name), new ReportFiles.Column<>("idNumber", Person::idNumber));

    private final ReportFiles files = new ReportFiles();

    @Test
    void rowsSpilledDuringAnExportAreNotReadableInTheTempDirectoryAndAreGoneAfterwards() throws IOException {
        Instant start = Instant.now().minusSeconds(1);
        List<Path> spilled = new ArrayList<>();
        List<String> plaintextDuringExport = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.xlsx("people", COLUMNS, sink -> {
            for (int i = 0; i < ROWS; i++) {
                sink.accept(new Person(NAME, ID_NUMBER));
            }
            spilled.addAll(filesCreatedSince(start));
            plaintextDuringExport.addAll(filesHolding(spilled));
        }, out);
        assertThat(spilled).as("the export spills rows to temp files").isNotEmpty();
        assertThat(plaintextDuringExport).as("temp files holding plaintext while exporting").isEmpty();
        assertThat(spilled.stream().filter(Files::exists)).as("temp files left after the export").isEmpty();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(ROWS);
            assertThat(wb.getSheetAt(0).getRow(ROWS).getCell(1).getStringCellValue()).isEqualTo(ID_NUMBER);
        }
    }

    @Test
    void anExportThatFailsHalfwayLeavesNoTempFile() {
        Instant start = Instant.now().minusSeconds(1);
        List<Path> spilled = new ArrayList<>();
        assertThatThrownBy(() -> files.xlsx("people", COLUMNS, sink -> {
            for (int i = 0; i < ROWS; i++) {
                sink.accept(new Person(NAME, ID_NUMBER));
            }
            spilled.addAll(filesCreatedSince(start));
            throw new IllegalStateException("database went away");
        }, new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
        assertThat(spilled).isNotEmpty();
        assertThat(spilled.stream().filter(Files::exists)).as("temp files left after a failed export").isEmpty();
    }

    /** Those of the files that contain the name or the ID number. */
    private static List<String> filesHolding(List<Path> candidates) {
        List<String> hits = new ArrayList<>();
        for (Path p : candidates) {
            try {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                if (text.contains(ID_NUMBER) || text.contains(NAME)) {
                    hits.add(p.toString());
                }
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        return hits;
    }

    /** POI's temp files: {@code java.io.tmpdir/poifiles} (its default strategy) and the temp directory itself. */
    private static List<Path> filesCreatedSince(Instant since) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(tmp, tmp.resolve("poifiles"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> all = Files.list(dir)) {
                all.filter(p -> p.getFileName().toString().startsWith("poi")).filter(Files::isRegularFile)
                        .filter(p -> modifiedSince(p, since)).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
        }
        return found;
    }

    private static boolean modifiedSince(Path p, Instant since) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return !t.toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }
}
