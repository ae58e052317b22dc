package cn.gov.jgsw.tenants.identity;

import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.tenants.identity.PasswordPolicy.Violation.CONTAINS_USERNAME;
import static cn.gov.jgsw.tenants.identity.PasswordPolicy.Violation.TOO_COMMON;
import static cn.gov.jgsw.tenants.identity.PasswordPolicy.Violation.TOO_FEW_KINDS_OF_CHARACTERS;
import static cn.gov.jgsw.tenants.identity.PasswordPolicy.Violation.TOO_LONG;
import static cn.gov.jgsw.tenants.identity.PasswordPolicy.Violation.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsALongEnoughMixedPassword() {
        assertThat(PasswordPolicy.check("nanming.approver", "Demo@2026")).isEmpty();
        assertThat(PasswordPolicy.check("nanming.approver", "南明区机关事务局2026!")).isEmpty();
    }

    @Test
    void refusesShortLongMonotonousNamedAndCommonPasswords() {
        assertThat(PasswordPolicy.check("zz", "Ab1!")).containsExactly(TOO_SHORT);
        assertThat(PasswordPolicy.check("zz", "Ab1!".repeat(40))).containsExactly(TOO_LONG);
        assertThat(PasswordPolicy.check("x", "abcdefgh12")).containsExactly(TOO_FEW_KINDS_OF_CHARACTERS);
        assertThat(PasswordPolicy.check("Zhang.Wei", "zhang.wei@2026A")).containsExactly(CONTAINS_USERNAME);
        assertThat(PasswordPolicy.check("x", "P@ssw0rd")).containsExactly(TOO_COMMON);
    }
}
