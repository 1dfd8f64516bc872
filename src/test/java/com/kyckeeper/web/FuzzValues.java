package com.kyckeeper.web;

import com.kyckeeper.support.Api;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Random values for the fuzzer: mostly plausible by the schema, often hostile, always bounded in size. */
final class FuzzValues {

    /** A well-formed resident id number (GB 11643 sample), the personal value no error may echo. */
    static final String ID_NUMBER = "11010519491231002X";

    private static final List<String> HOSTILE = List.of("", " ", "张三", "ＡＢＣ１２３", "\u0000", "\uD83D\uDE00",
            "\u202Eevil", "../../etc/passwd", "' OR '1'='1", "<script>alert(1)</script>", ID_NUMBER,
            "-999999999-01-01", "+999999999-12-31", "2026-02-30", "2026-13-01", "2026-12-04T25:00:00+08:00",
            "NaN", "Infinity", "1e999", "-0.00", "0.001", "50000.00", "9".repeat(60), "null", "true",
            "x".repeat(20_000), "\r\nX-Injected: 1", "%00", "${jndi:ldap://127.0.0.1/a}");
    private static final List<String> RAW_QUERY = List.of("%D5%C5%C8%FD", "%00", "%C0%AE%C0%AE", "%FF%FE",
            "..%2F..%2F", "%2e%2e", "%E5%BC%A0%E4%B8%89", "-999999999-01-01", "2147483648", "-1", "0",
            "99999999999999999999", "a%20b", "%25");
    private static final List<String> RAW_SEGMENT = List.of("..", "%2e%2e", "%2F", "..%2F..%2Fetc%2Fpasswd",
            "%00", "%D5%C5", "%F0%9F%98%80", "0", "-1", "null", "x".repeat(3000), "2026-12-04",
            "99999999999999999999", ID_NUMBER, "%E5%BC%A0%E4%B8%89");
    private static final List<String> RAW_BODY = List.of("{", "{\"a\":", "[]", "null", "\"x\"", "42", "",
            "[".repeat(3000), "{\"a\":".repeat(1500) + "1" + "}".repeat(1500), "{\"x\":\"\\ud800\"}",
            "{\"amount\": 1e999999}", "\u00ff\u00fe", "{} {}");
    private static final List<Object> NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("9".repeat(80)), 1.5, -1e308, 1e-300, 2147483648L);

    private final Random random;
    private final JsonNode doc;
    private final String knownId;

    FuzzValues(Random random, JsonNode doc, String knownId) {
        this.random = random;
        this.doc = doc;
        this.knownId = knownId;
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    String pathSegment(JsonNode schema) {
        if (chance(0.45)) {
            return chance(0.5) ? knownId : UUID.randomUUID().toString();
        }
        if (chance(0.2)) {
            return encode(String.valueOf(plausible(schema, 0)));
        }
        return pick(RAW_SEGMENT);
    }

    String queryValue(JsonNode schema) {
        if (schema != null && chance(0.5)) {
            return encode(String.valueOf(plausible(schema, 0)));
        }
        return chance(0.5) ? pick(RAW_QUERY) : encode(pick(HOSTILE));
    }

    String headerValue() {
        return pick(List.of("account opening", "\"1\"", "\"2\"", "*", "W/\"1\"", "", "x".repeat(9000),
                "UTF-8''%E5%BC%80%E6%88%B7", "UTF-8''%FF", "a\tb", "开户"));
    }

    String oddContentType() {
        return pick(List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "application/json; charset=GBK", "garbage"));
    }

    String body(JsonNode schema) {
        if (chance(0.08)) {
            return pick(RAW_BODY);
        }
        return Api.JSON.writeValueAsString(chance(0.15) ? anything(0) : plausible(schema, 0));
    }

    private Object plausible(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema == null || depth > 5) {
            return null;
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                return plausible(schema.get(combinator).get(random.nextInt(schema.get(combinator).size())), depth);
            }
        }
        if (schema.has("enum") && chance(0.85)) {
            JsonNode e = schema.get("enum");
            return e.get(random.nextInt(e.size())).asString();
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" -> string(schema.path("format").asString(""));
            case "integer", "number" -> chance(0.6) ? random.nextInt(20) : pick(NUMBERS);
            case "boolean" -> random.nextBoolean();
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int n = chance(0.02) ? 200 : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(chance(0.9) ? plausible(schema.path("items"), depth + 1) : anything(depth + 1));
                }
                yield items;
            }
            default -> object(schema, depth);
        };
    }

    private Map<String, Object> object(JsonNode schema, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (chance(0.85)) {
                map.put(p.getKey(), chance(0.8) ? plausible(p.getValue(), depth + 1) : anything(depth + 1));
            }
        }
        if (schema.path("additionalProperties").isObject()) {
            for (int i = random.nextInt(3); i > 0; i--) {
                map.put(pick(List.of("USD", "EUR", "HKD", "XXX", "usd", "")), plausible(schema.get("additionalProperties"), depth + 1));
            }
        }
        if (chance(0.1)) {
            map.put("unexpected", anything(depth + 1));
        }
        return map;
    }

    private Object string(String format) {
        if (chance(0.3)) {
            return pick(HOSTILE);
        }
        return switch (format) {
            case "uuid" -> chance(0.5) ? knownId : UUID.randomUUID().toString();
            case "date" -> LocalDate.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            case "date-time" -> "2026-" + String.format("%02d-%02dT%02d:15:00+08:00",
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24));
            default -> pick(List.of("BJ-001", "CNY", "USD", "DEPOSIT", "APPROVE", "REJECT", "account opening",
                    "13912345678", "CB-" + random.nextInt(1_000_000), "compliance2", "工资收入", "TELLER"));
        };
    }

    private Object anything(int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0 -> pick(HOSTILE);
            case 1 -> pick(NUMBERS);
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> java.util.Collections.singletonList(anything(depth + 1));
            default -> Map.of("k", String.valueOf(anything(depth + 1)));
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        int hops = 0;
        while (schema.has("$ref") && hops++ < 10) {
            String ref = schema.get("$ref").asString();
            schema = doc.at(ref.substring(1));
        }
        return schema;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
