package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.residentCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.shared.InvalidFieldException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static String withCheck(String first17) {
        return first17 + residentCheck(first17);
    }

    @Test
    void acceptsTheStandardExampleAndReadsBirthDateAndGender() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.toString()).doesNotContain("1101");
    }

    @Test
    void acceptsLowerCaseXAndNormalisesIt() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void readsMaleFromAnOddSequenceDigit() {
        assertThat(ResidentIdNumber.parse(withCheck("44030419900307001"), TODAY).gender()).isEqualTo(Gender.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "110105194912310020", "11010519491231002Y"})
    void refusesAWrongCheckCharacter(String number) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void refusesFifteenDigitLegacyNumbers() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105491231002", TODAY))
                .hasMessageContaining("15-digit");
    }

    @Test
    void refusesImpossibleAndFutureBirthDates() {
        assertThatThrownBy(() -> ResidentIdNumber.parse(withCheck("11010519490230002"), TODAY))
                .hasMessageContaining("impossible birth date");
        assertThatThrownBy(() -> ResidentIdNumber.parse(withCheck("11010520230229002"), TODAY))
                .hasMessageContaining("impossible birth date");
        assertThatThrownBy(() -> ResidentIdNumber.parse(withCheck("11010520261125002"), TODAY))
                .hasMessageContaining("outside the possible range");
        assertThat(ResidentIdNumber.parse(withCheck("11010520240229002"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "1101051949123100211", "11010519491231A02X", "１１０１０５１９４９１２３１００２Ｘ"})
    void refusesMalformedNumbers(String number) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void refusesAnUnknownProvinceCode() {
        assertThatThrownBy(() -> ResidentIdNumber.parse(withCheck("99010519491231002"), TODAY))
                .hasMessageContaining("address code");
    }
}
