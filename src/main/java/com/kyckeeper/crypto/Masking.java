package com.kyckeeper.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Masking rules per kind, bound from policies/masking.yml. A rule keeps {@code keepFirst} and
 * {@code keepLast} characters and masks the rest; with {@code maskedLength} it masks exactly that
 * many characters before the kept tail (phones). At least {@code minMasked} characters are always
 * masked, taken from the kept tail first.
 */
@Validated
@ConfigurationProperties("kyc.masking")
public record Masking(String maskChar, Map<MaskKind, Rule> rules) {

    public record Rule(int keepFirst, int keepLast, Integer maskedLength, int minMasked) {
    }

    public Masking {
        if (maskChar == null || maskChar.isEmpty()) {
            maskChar = "*";
        }
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        for (MaskKind kind : MaskKind.values()) {
            if (!rules.containsKey(kind)) {
                throw new IllegalStateException("policies/masking.yml has no rule for " + kind);
            }
        }
    }

    public String mask(MaskKind kind, String value) {
        if (value == null) {
            return null;
        }
        if (kind == MaskKind.EMAIL) {
            int at = value.lastIndexOf('@');
            return at <= 0 ? apply(rules.get(MaskKind.TEXT), value) : apply(rules.get(kind), value.substring(0, at)) + value.substring(at);
        }
        return apply(rules.get(kind), value);
    }

    private String apply(Rule rule, String value) {
        int[] cps = value.codePoints().toArray();
        int n = cps.length;
        int first;
        int last = Math.min(rule.keepLast(), n);
        if (rule.maskedLength() != null) {
            first = Math.max(0, n - last - rule.maskedLength());
        } else {
            first = Math.min(rule.keepFirst(), n - last);
        }
        while (n - first - last < Math.min(rule.minMasked(), n)) {
            if (last > 0) {
                last--;
            } else {
                first--;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(new String(cps, 0, first));
        out.append(maskChar.repeat(n - first - last));
        out.append(new String(cps, n - last, last));
        return out.toString();
    }
}
