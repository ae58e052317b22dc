package cn.gov.jgsw.domain.integration.api;

import java.util.List;

/**
 * A bureau admin registered an integration client (已登记集成客户端). The first secret follows as its own event.
 *
 * @param clientId the client's id ({@code client_id})
 * @param tenantId the bureau it acts in
 * @param name     what the machine is
 * @param scopes   what it may do, in declaration order (a list, so that the event's canonical form is stable)
 */
public record IntegrationClientRegisteredEvent(String clientId, String tenantId, String name,
                                               List<IntegrationScope> scopes) {
}
