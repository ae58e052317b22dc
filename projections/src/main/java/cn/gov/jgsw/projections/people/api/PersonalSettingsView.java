package cn.gov.jgsw.projections.people.api;

import cn.gov.jgsw.domain.people.api.DisplayLanguage;

/**
 * A person's settings as projected.
 *
 * @param userId          the person
 * @param displayLanguage the language of the app
 * @param version         the sequence number of the newest event applied; -1 while the person never changed a
 *                        setting (defaults shown)
 */
public record PersonalSettingsView(String userId, DisplayLanguage displayLanguage, long version) {

    /** What a person who never changed anything sees. */
    public static PersonalSettingsView defaults(String userId) {
        return new PersonalSettingsView(userId, DisplayLanguage.ZH_CN, -1);
    }
}
