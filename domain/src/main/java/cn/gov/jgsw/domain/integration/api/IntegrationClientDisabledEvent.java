package cn.gov.jgsw.domain.integration.api;

/**
 * A bureau admin disabled an integration client (已停用), for good.
 *
 * @param clientId the client
 * @param tenantId its bureau
 * @param reason   why
 */
public record IntegrationClientDisabledEvent(String clientId, String tenantId, String reason) {
}
