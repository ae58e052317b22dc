package cn.gov.jgsw.domain.people.api;

/**
 * A person's display language was changed. The first such event of a person also fixes the bureau their settings
 * belong to.
 *
 * @param userId   internal id of the person
 * @param tenantId the person's bureau
 * @param language the language now in force
 */
public record DisplayLanguageChangedEvent(String userId, String tenantId, DisplayLanguage language) {
}
