package cn.gov.jgsw.projections.people.api;

/**
 * The settings of one person of one bureau.
 *
 * @param tenantId the caller's bureau
 * @param userId   the person
 */
public record FindPersonalSettingsQuery(String tenantId, String userId) {
}
