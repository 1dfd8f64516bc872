package com.kyckeeper.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.shared.InvalidFieldException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentNumbersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest
    @CsvSource({"PASSPORT, e12345678, E12345678", "PASSPORT, G1234567, G1234567",
            "HK_MACAO_PERMIT, C12345678, C12345678", "HK_MACAO_PERMIT, H1234567801, H1234567801",
            "TAIWAN_PERMIT, 12345678, 12345678", "FOREIGN_PERMANENT_RESIDENT_ID, USA123456789012, USA123456789012",
            "OTHER, AB-123, AB-123"})
    void acceptsWellFormedNumbersPerTypeAndNormalisesCase(DocumentType type, String raw, String expected) {
        assertThat(DocumentNumbers.normalise(type, raw, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PASSPORT, E123", "PASSPORT, E1234567890123456789", "PASSPORT, E123 4567",
            "HK_MACAO_PERMIT, 12345678", "TAIWAN_PERMIT, T1234", "FOREIGN_PERMANENT_RESIDENT_ID, US123456789012",
            "OTHER, <script>"})
    void refusesMalformedNumbers(DocumentType type, String raw) {
        assertThatThrownBy(() -> DocumentNumbers.normalise(type, raw, TODAY)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void checksTheNewForeignPermanentResidentCardLikeAResidentId() {
        String first17 = "93310119900101001";
        String valid = first17 + com.kyckeeper.support.Identities.residentCheck(first17);
        assertThat(DocumentNumbers.normalise(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, valid, TODAY)).isEqualTo(valid);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertThatThrownBy(() -> DocumentNumbers.normalise(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID,
                first17 + wrong, TODAY)).hasMessageContaining("check character");
    }
}
