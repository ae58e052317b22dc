package cn.gov.jgsw.graphql.persisted;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptAnyDocument whether requests may carry their own document besides persisted ids. True only in the demo
 *                          profile (GraphiQL, tests, exploring); everywhere else the API runs the contract's
 *                          operations only, so nobody can send a document the app does not send.
 */
@ConfigurationProperties(prefix = "jgsw.graphql")
public record PersistedOperationsProperties(@DefaultValue("false") boolean acceptAnyDocument) {
}
