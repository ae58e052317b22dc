package cn.gov.jgsw.domain.people.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person changes the language of their own app (修改显示语言).
 *
 * @param userId   internal id of the person; the settings are theirs alone
 * @param tenantId the person's bureau, taken from the access token, never from client input
 * @param language the language wanted
 */
public record ChangeDisplayLanguageCommand(@TargetAggregateIdentifier String userId,
                                           String tenantId,
                                           DisplayLanguage language) {
}
