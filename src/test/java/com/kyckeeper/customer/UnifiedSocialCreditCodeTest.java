package com.kyckeeper.customer;

import static com.kyckeeper.support.Identities.creditCheck;
import static com.kyckeeper.support.Identities.orgCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.shared.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    /** Codes of well-known companies, as printed on their public business licences. */
    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100799655058B"})
    void acceptsPublishedCodes(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void acceptsLowerCaseAndExposesTheEmbeddedOrganisationCode() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("9144030071526726xg");
        assertThat(code.value()).isEqualTo("9144030071526726XG");
        assertThat(code.organizationCode()).isEqualTo("71526726X");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void refusesLettersOutsideTheCharset(char letter) {
        String code = "91440300" + "7152672" + letter + "X";
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(code + "G"))
                .hasMessageContaining("I, O, S, V, Z");
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("914403001922038217"))
                .hasMessageContaining("check character");
    }

    @Test
    void refusesAWrongEmbeddedOrganisationCodeEvenWithAValidOuterCheck() {
        String body = "19220382";
        char wrongOrgCheck = orgCheck(body) == '1' ? '2' : '1';
        String first17 = "91440300" + body + wrongOrgCheck;
        String code = first17 + creditCheck(first17);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(code)).hasMessageContaining("organisation code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300192203821", "9144030019220382166", "9144AB001922038216"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(code)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void validatesLegacyOrganisationCodesWithOrWithoutHyphen() {
        assertThat(OrganizationCode.parse("19220382-1").value()).isEqualTo("192203821");
        assertThat(OrganizationCode.parse("71526726X").value()).isEqualTo("71526726X");
        assertThatThrownBy(() -> OrganizationCode.parse("19220382-2")).isInstanceOf(InvalidFieldException.class);
    }
}
