package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak search itself finds a value in each encoding, wherever it sits (so the proofs can fail). */
class EncodingsTest {

    static final List<String> SECRET = List.of("欧阳龘靐 Quokka");

    @Test
    void findsAValueInEveryEncodingItLooksFor() {
        String v = SECRET.getFirst();
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        for (int pad = 0; pad < 3; pad++) {
            byte[] padded = new byte[pad + utf8.length + 2];
            System.arraycopy(utf8, 0, padded, pad, utf8.length);
            String prefix = "x".repeat(pad);
            assertThat(Encodings.find("{\"doc\":\"" + Base64.getEncoder().encodeToString(padded) + "\"}", SECRET))
                    .as("Base64 at offset " + pad).isNotEmpty();
            assertThat(Encodings.find(Base64.getUrlEncoder().encodeToString(padded), SECRET)).isNotEmpty();
            assertThat(Encodings.find((prefix + v).getBytes(StandardCharsets.UTF_16LE), SECRET)).isNotEmpty();
        }
        assertThat(Encodings.find("row " + v + " end", SECRET)).isNotEmpty();
        assertThat(Encodings.find(v.getBytes(StandardCharsets.UTF_16BE), SECRET)).isNotEmpty();
        assertThat(Encodings.find(v.getBytes(Charset.forName("GB18030")), SECRET)).isNotEmpty();
        assertThat(Encodings.find("0x" + HexFormat.of().formatHex(utf8), SECRET)).isNotEmpty();
        assertThat(Encodings.find(HexFormat.of().withUpperCase().formatHex(utf8), SECRET)).isNotEmpty();
        assertThat(Encodings.find("欧阳 Quokka and other text", SECRET)).isEmpty();
    }
}
