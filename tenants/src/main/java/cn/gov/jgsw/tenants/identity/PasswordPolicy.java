package cn.gov.jgsw.tenants.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (密码策略): at least {@value #SHORTEST} characters and at most {@value #LONGEST}; at least
 * three kinds of characters of: upper-case letters, lower-case letters, digits, letters without case (汉字) and other
 * characters; not containing the login name; not one of the passwords every guesser tries first. Every place that
 * sets a password checks it here.
 */
public final class PasswordPolicy {

    public static final int SHORTEST = 8;
    public static final int LONGEST = 128;

    /** Why a password is refused: stable codes for clients and messages. */
    public enum Violation {
        TOO_SHORT, TOO_LONG, TOO_FEW_KINDS_OF_CHARACTERS, CONTAINS_USERNAME, TOO_COMMON
    }

    private static final Set<String> COMMON = Set.of("password", "password1", "passw0rd", "p@ssw0rd", "p@ssword1",
            "12345678", "123456789", "1234567890", "qwerty123", "qwer1234", "abc12345", "a1234567", "admin123",
            "admin@123", "woaini1314", "iloveyou1", "88888888", "11111111", "00000000", "1qaz2wsx", "1qaz@wsx",
            "zxcvbnm1", "aa123456", "asd12345", "abcd1234");

    private PasswordPolicy() {
    }

    /** Everything wrong with the password; empty if it is acceptable. */
    public static List<Violation> check(String username, String password) {
        List<Violation> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < SHORTEST) {
            violations.add(Violation.TOO_SHORT);
        }
        if (length > LONGEST) {
            violations.add(Violation.TOO_LONG);
        }
        int kinds = (password.codePoints().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.codePoints().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.codePoints().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.codePoints().anyMatch(c -> Character.isLetter(c) && !Character.isUpperCase(c)
                && !Character.isLowerCase(c)) ? 1 : 0)
                + (password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            violations.add(Violation.TOO_FEW_KINDS_OF_CHARACTERS);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(Violation.CONTAINS_USERNAME);
        }
        if (COMMON.contains(lower)) {
            violations.add(Violation.TOO_COMMON);
        }
        return violations;
    }
}
