package cn.gov.jgsw.graphql.integration;

import cn.gov.jgsw.domain.integration.api.IntegrationScope;

import java.util.List;

public record RegisterIntegrationClientInput(String idempotencyKey, String name, List<IntegrationScope> scopes) {
}
