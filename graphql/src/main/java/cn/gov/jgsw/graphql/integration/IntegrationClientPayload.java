package cn.gov.jgsw.graphql.integration;

import cn.gov.jgsw.tenants.api.IntegrationClientView;

/**
 * The answer of every integration-client mutation: the client as the mutation left it, and a new secret in the first
 * answer of a mutation that made one. The kept answer a retry gets has no secret (IntegrationClientController).
 */
public record IntegrationClientPayload(IntegrationClientView client, String secret) {

    IntegrationClientPayload withSecret(String shownOnce) {
        return new IntegrationClientPayload(client, shownOnce);
    }
}
