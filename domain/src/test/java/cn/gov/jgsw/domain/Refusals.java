package cn.gov.jgsw.domain;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a command refused by a business rule with a given stable code, for {@code expectException(...)}. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<BusinessRuleViolation> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation violation) {
                return violation.errorCode() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code.code());
            }
        };
    }
}
