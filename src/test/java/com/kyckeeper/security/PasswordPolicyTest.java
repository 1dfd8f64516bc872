package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped initial-password rule (policies/login.yml): 12+ characters, 3 of 4 classes, not the user name. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(12, 128, 3);

    @Test
    void acceptsALongMixedPasswordAndNamesEachBrokenRuleWithoutTheValue() {
        assertThat(policy.problems("clerk9", "Counter-Desk-2026")).isEmpty();
        assertThat(policy.problems("clerk9", "长期有效的密码Abc123!")).isEmpty();
        assertThat(policy.problems("clerk9", "Short1!")).containsExactly("must have at least 12 characters");
        assertThat(policy.problems("clerk9", "alllowercaseletters")).containsExactly(
                "must mix at least 3 of lower-case letters, upper-case letters, digits and other characters");
        assertThat(policy.problems("clerk9", "My-CLERK9-password")).containsExactly("must not contain the user name");
        assertThat(policy.problems("clerk9", "Aa1!Aa1!Aa1!Aa1!")).containsExactly("must use at least 5 different characters");
        assertThat(policy.problems("clerk9", null)).containsExactly("is required");
        assertThat(policy.problems("clerk9", "A1-" + "x".repeat(130))).contains("must have at most 128 characters");
        assertThat(String.join(" ", policy.problems("clerk9", "Short1!"))).doesNotContain("Short1!");
    }
}
