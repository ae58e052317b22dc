package cn.gov.jgsw.graphql.settings;

import cn.gov.jgsw.projections.personalsettings.api.PersonalSettingsView;

/** Answer of {@code changeDisplayLanguage}: the settings as the change left them. */
public record ChangeDisplayLanguagePayload(PersonalSettingsView settings) {
}
