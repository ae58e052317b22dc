package cn.gov.jgsw.graphql.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rates of the API, per node. A screen of the app sends a handful of requests; a person tapping fast stays far
 * below the person limit, a script does not. The client limit caps one app (all its people together) on one node.
 *
 * @param personBurst     requests one person may send at once
 * @param personPerSecond requests per second one person may keep sending
 * @param clientBurst     requests one app may send at once
 * @param clientPerSecond requests per second one app may keep sending
 */
@ConfigurationProperties(prefix = "jgsw.api.rate-limit")
public record ApiLimitsProperties(@DefaultValue("60") int personBurst,
                                  @DefaultValue("20") double personPerSecond,
                                  @DefaultValue("2000") int clientBurst,
                                  @DefaultValue("1000") double clientPerSecond) {
}
