package cn.gov.jgsw.graphql.integration;

public record RotateIntegrationClientSecretInput(String idempotencyKey, String clientId, int keepPreviousSecretHours) {
}
