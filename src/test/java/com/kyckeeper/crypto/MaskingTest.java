package com.kyckeeper.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped rules of policies/masking.yml, bound the way Spring binds them. */
class MaskingTest {

    final Masking masking = new Masking("*", Map.of(
            MaskKind.NAME, new Masking.Rule(1, 1, null, 1),
            MaskKind.ID_NUMBER, new Masking.Rule(6, 4, null, 4),
            MaskKind.PHONE, new Masking.Rule(0, 4, 4, 4),
            MaskKind.EMAIL, new Masking.Rule(1, 0, null, 1),
            MaskKind.ADDRESS, new Masking.Rule(6, 0, null, 1),
            MaskKind.CREDIT_CODE, new Masking.Rule(6, 4, null, 4),
            MaskKind.TEXT, new Masking.Rule(0, 0, null, 1)));

    @Test
    void masksAsTheDomainRulesShow() {
        assertThat(masking.mask(MaskKind.ID_NUMBER, "11010519491231002X")).isEqualTo("110105********002X");
        assertThat(masking.mask(MaskKind.PHONE, "+8613800138000")).isEqualTo("+86138****8000");
        assertThat(masking.mask(MaskKind.PHONE, "13812345678")).isEqualTo("138****5678");
        assertThat(masking.mask(MaskKind.NAME, "张三")).isEqualTo("张*");
        assertThat(masking.mask(MaskKind.NAME, "张小三")).isEqualTo("张*三");
        assertThat(masking.mask(MaskKind.NAME, "李")).isEqualTo("*");
        assertThat(masking.mask(MaskKind.EMAIL, "zhang.san@example.com")).isEqualTo("z********@example.com");
        assertThat(masking.mask(MaskKind.ADDRESS, "北京市朝阳区建国路88号")).isEqualTo("北京市朝阳区******");
    }

    @Test
    void alwaysMasksSomethingOfShortValues() {
        assertThat(masking.mask(MaskKind.ID_NUMBER, "E12345678")).isEqualTo("E1234****");
        assertThat(masking.mask(MaskKind.PHONE, "12345")).isEqualTo("****5");
        assertThat(masking.mask(MaskKind.NAME, null)).isNull();
    }
}
