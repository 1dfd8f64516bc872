package com.kyckeeper.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Free text from an HTTP header as the client meant it. The container reads header bytes as ISO-8859-1,
 * so raw UTF-8 (what curl and Chinese clients send) arrives as mojibake; RFC 8187 {@code UTF-8''%E5%BC%A0}
 * arrives percent-encoded. Both are decoded; anything else (true Latin-1, a malformed escape) is kept as sent.
 */
public final class HeaderText {

    private static final String RFC8187 = "utf-8''";

    private HeaderText() {
    }

    public static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > RFC8187.length() && raw.substring(0, RFC8187.length()).toLowerCase(Locale.ROOT).equals(RFC8187)) {
            String decoded = percentDecoded(raw.substring(RFC8187.length()));
            return decoded != null ? decoded : raw;
        }
        if (raw.chars().allMatch(c -> c < 0x80) || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        String utf8 = utf8(raw.getBytes(StandardCharsets.ISO_8859_1));
        return utf8 != null ? utf8 : raw;
    }

    /** Strict percent-decoding to UTF-8 (no '+' as space); null when malformed. */
    public static String percentDecoded(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return null;
            }
        }
        bytes.flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return utf8(out);
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
