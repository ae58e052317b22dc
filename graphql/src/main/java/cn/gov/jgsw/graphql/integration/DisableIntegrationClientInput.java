package cn.gov.jgsw.graphql.integration;

public record DisableIntegrationClientInput(String idempotencyKey, String clientId, String reason) {
}
