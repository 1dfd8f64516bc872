package com.kyckeeper.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.customer.CustomerStatus;
import com.kyckeeper.customer.CustomerType;
import com.kyckeeper.customer.DocumentType;
import com.kyckeeper.customer.Gender;
import com.kyckeeper.customer.PartyRole;
import com.kyckeeper.security.Roles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Static checks of the UI resources: complete bundles in both languages, no inline script or style (CSP). */
class UiResourcesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeysAndCoverEveryKeyTheTemplatesAndCodeUse() throws IOException {
        Set<String> zh = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(en).as("English keys = Chinese keys").isEqualTo(zh);
        assertThat(keys("messages_zh_CN.properties")).as("zh_CN inherits the default bundle").isEmpty();

        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)}|'((?:login|notice|queue|menu)\\.[A-Za-z.]+)'");
        for (Path file : files(TEMPLATES, ".html")) {
            collect(literal, Files.readString(file), used);
        }
        for (Path file : files(Path.of("src/main/java/com/kyckeeper/ui"), ".java")) {
            collect(Pattern.compile("\"((?:login|notice|queue|menu)\\.[A-Za-z]+)\""), Files.readString(file), used);
        }
        // Keys built from enum values in the templates.
        Stream.of(DocumentType.values()).forEach(t -> used.add("doctype." + t.name()));
        Stream.of(CustomerStatus.values()).forEach(s -> used.add("status." + s.name()));
        Stream.of(CustomerType.values()).forEach(t -> used.add("type." + t.name()));
        Stream.of(Gender.values()).forEach(g -> used.add("gender." + g.name()));
        Stream.of(PartyRole.values()).forEach(r -> used.add("partyrole." + r.name()));
        Roles.ALL.forEach(r -> used.add("role." + r));
        used.removeIf(k -> k.endsWith("."));
        assertThat(zh).as("every key used exists").containsAll(used);
        assertThat(used).hasSizeGreaterThan(100);
    }

    @Test
    void templatesHaveNoInlineScriptStyleOrEventHandlers() throws IOException {
        List<String> offences = new ArrayList<>();
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern styleAttr = Pattern.compile("\\s(?:th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleTag = Pattern.compile("<style", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern jsUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        for (Path file : files(TEMPLATES, ".html")) {
            String html = Files.readString(file);
            for (Pattern p : List.of(inlineScript, styleAttr, styleTag, handler, jsUrl)) {
                if (p.matcher(html).find()) {
                    offences.add(TEMPLATES.relativize(file) + ": " + p.pattern());
                }
            }
        }
        assertThat(offences).isEmpty();
        assertThat(files(TEMPLATES, ".html")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theUiPackageUsesModuleApisOnlyNeverRepositories() throws IOException {
        for (Path file : files(Path.of("src/main/java/com/kyckeeper/ui"), ".java")) {
            String src = Files.readString(file);
            assertThat(src).as(file.toString()).doesNotContain("Repository").doesNotContain("JdbcClient")
                    .doesNotContain("EntityManager").doesNotContain("com.kyckeeper.customer.Customers");
        }
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1) != null ? m.group(1) : m.group(m.groupCount()));
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return new TreeSet<>(props.stringPropertyNames());
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static List<String> split(String s) {
        return Arrays.asList(s.split(","));
    }
}
