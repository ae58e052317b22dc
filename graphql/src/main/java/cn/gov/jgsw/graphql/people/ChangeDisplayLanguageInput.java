package cn.gov.jgsw.graphql.people;

import cn.gov.jgsw.domain.people.api.DisplayLanguage;

/** Input of {@code changeDisplayLanguage}. */
public record ChangeDisplayLanguageInput(String idempotencyKey, DisplayLanguage displayLanguage) {
}
