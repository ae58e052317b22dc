package cn.gov.jgsw.graphql.people;

import cn.gov.jgsw.projections.people.api.PersonalSettingsView;

/** Answer of {@code changeDisplayLanguage}: the settings as the change left them. */
public record ChangeDisplayLanguagePayload(PersonalSettingsView settings) {
}
