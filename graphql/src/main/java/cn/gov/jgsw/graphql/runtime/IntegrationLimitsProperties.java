package cn.gov.jgsw.graphql.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rates of the machine endpoints ({@code /integration/**}), per integration client and node. A gateway sends
 * a batch of up to 1,000 positions every few seconds; the default lets one client post 20 batches a second (up to
 * 20,000 positions, more than a node ingests) and caps a gateway stuck in a retry loop.
 *
 * @param clientBurst     requests one client may send at once
 * @param clientPerSecond requests per second one client may keep sending
 */
@ConfigurationProperties(prefix = "jgsw.integration.rate-limit")
public record IntegrationLimitsProperties(@DefaultValue("40") int clientBurst,
                                          @DefaultValue("20") double clientPerSecond) {
}
