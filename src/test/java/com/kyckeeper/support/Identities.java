package com.kyckeeper.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid, unique identity numbers for tests, computed independently of the production code
 * (GB 11643 and GB 32100 as written in domain.md), so each check also cross-checks the other.
 */
public final class Identities {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));
    private static final AtomicInteger ORG = new AtomicInteger((int) (System.nanoTime() % 9_000_000));

    private Identities() {
    }

    public static String residentId(boolean male) {
        int n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 18000);
        int seq = (n * 2) % 1000 + (male ? 1 : 0);
        if (seq >= 1000) {
            seq -= 2;
        }
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + residentCheck(first17);
    }

    public static char residentCheck(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    public static String creditCode() {
        String body = String.format("%08d", 10_000_000 + ORG.incrementAndGet() % 89_999_999).substring(0, 8);
        String org = body + orgCheck(body);
        String first17 = "91110105" + org;
        return first17 + creditCheck(first17);
    }

    public static char orgCheck(String body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public static char creditCheck(String first17) {
        String cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += cs.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return cs.charAt(c == 31 ? 0 : c);
    }

    public static Map<String, Object> document(String number, String expiresOn) {
        return Map.of("type", "RESIDENT_ID_CARD", "number", number, "issuedOn", "2020-01-01",
                "expiresOn", expiresOn, "longTerm", false);
    }

    public static Map<String, Object> individual(String idNumber, boolean male) {
        return individual(idNumber, male, "2040-01-01");
    }

    public static Map<String, Object> individual(String idNumber, boolean male, String expiresOn) {
        return new java.util.LinkedHashMap<>(Map.of("type", "INDIVIDUAL", "name", "张小三", "gender", male ? "MALE" : "FEMALE",
                "nationality", "CHN", "occupation", "工程师", "address", "北京市朝阳区建国路88号",
                "phone", "+8613800138000", "idDocument", document(idNumber, expiresOn)));
    }

    public static Map<String, Object> party(String name) {
        return Map.of("name", name, "idDocument", document(residentId(true), "2039-06-30"));
    }

    public static Map<String, Object> corporate(String creditCode) {
        Map<String, Object> owner = new java.util.LinkedHashMap<>(party("王五"));
        owner.put("ownershipPercent", "35.00");
        return new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("type", "CORPORATE"), Map.entry("name", "北京示例科技有限公司"),
                Map.entry("registeredAddress", "北京市海淀区中关村大街1号"), Map.entry("businessScope", "软件开发；技术服务"),
                Map.entry("unifiedSocialCreditCode", creditCode),
                Map.entry("licence", Map.of("name", "营业执照", "number", creditCode, "expiresOn", "2045-05-01", "longTerm", false)),
                Map.entry("legalRepresentative", party("李四")),
                Map.entry("controllingShareholder", party("赵六")),
                Map.entry("authorizedAgents", java.util.List.of(party("钱七"))),
                Map.entry("beneficialOwners", java.util.List.of(owner))));
    }
}
