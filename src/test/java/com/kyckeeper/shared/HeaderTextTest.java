package com.kyckeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void decodesRawUtf8ReadAsLatin1() {
        String asTomcatReadsIt = new String("开户核实".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(HeaderText.decode(asTomcatReadsIt)).isEqualTo("开户核实");
    }

    @Test
    void decodesRfc8187ExtendedValues() {
        assertThat(HeaderText.decode("UTF-8''%E5%BC%80%E6%88%B7%20check")).isEqualTo("开户 check");
        assertThat(HeaderText.decode("utf-8''account%20opening")).isEqualTo("account opening");
    }

    @Test
    void keepsAsciiLatin1AndMalformedValuesAsSent() {
        assertThat(HeaderText.decode("account opening")).isEqualTo("account opening");
        assertThat(HeaderText.decode("caf\u00e9")).isEqualTo("caf\u00e9");
        assertThat(HeaderText.decode("UTF-8''%E5%G0")).isEqualTo("UTF-8''%E5%G0");
        assertThat(HeaderText.decode("UTF-8''%D5%C5")).isEqualTo("UTF-8''%D5%C5");
        assertThat(HeaderText.decode(null)).isNull();
    }

    @Test
    void percentDecodingIsStrictUtf8() {
        assertThat(HeaderText.percentDecoded("actor=%E5%BC%A0")).isEqualTo("actor=张");
        assertThat(HeaderText.percentDecoded("actor=%D5%C5%C8%FD")).isNull();
        assertThat(HeaderText.percentDecoded("a=%4")).isNull();
    }
}
