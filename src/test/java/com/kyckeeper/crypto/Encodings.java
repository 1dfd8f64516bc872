package com.kyckeeper.crypto;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every form a plaintext value could take in a file, a row or a log line: UTF-8, UTF-16 (both
 * byte orders), GB18030, hex (both cases) and Base64 (standard and URL alphabet, at each of the
 * three alignments a value can have inside a longer Base64 text).
 */
final class Encodings {

    private Encodings() {
    }

    static Map<String, byte[]> of(String value) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.put("UTF-8", utf8);
        forms.put("UTF-16LE", value.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE", value.getBytes(StandardCharsets.UTF_16BE));
        forms.put("GB18030", value.getBytes(Charset.forName("GB18030")));
        forms.put("hex", ascii(HexFormat.of().formatHex(utf8)));
        forms.put("HEX", ascii(HexFormat.of().withUpperCase().formatHex(utf8)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + utf8.length];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            int from = 4 * ((shift + 2) / 3);
            int to = 4 * ((shift + utf8.length) / 3);
            if (to - from >= 8) {
                String std = Base64.getEncoder().encodeToString(shifted).substring(from, to);
                String url = Base64.getUrlEncoder().encodeToString(shifted).substring(from, to);
                forms.put("Base64+" + shift, ascii(std));
                forms.put("Base64url+" + shift, ascii(url));
            }
        }
        return forms;
    }

    /** Findings "value in encoding" for every value found in the haystack. */
    static List<String> find(byte[] haystack, List<String> values) {
        List<String> found = new ArrayList<>();
        for (String value : values) {
            for (Map.Entry<String, byte[]> form : of(value).entrySet()) {
                if (indexOf(haystack, form.getValue()) >= 0) {
                    found.add("value #" + values.indexOf(value) + " as " + form.getKey());
                }
            }
        }
        return found;
    }

    static List<String> find(String haystack, List<String> values) {
        return find(haystack.getBytes(StandardCharsets.UTF_8), values);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
