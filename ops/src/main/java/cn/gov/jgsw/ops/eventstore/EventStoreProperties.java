package cn.gov.jgsw.ops.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the event store.
 *
 * @param gapTimeout         how long a reserved but unwritten position is waited for before it is sealed; longer than
 *                           any write should take (a slow writer is not lost, it only has to write again)
 * @param trackingBatchSize  positions a tracking processor reads per query
 * @param aggregateBatchSize events of one aggregate read per query
 * @param snapshotThreshold  events after which an aggregate gets a new snapshot
 */
@ConfigurationProperties(prefix = "jgsw.event-store")
public record EventStoreProperties(@DefaultValue("10s") Duration gapTimeout,
                                   @DefaultValue("250") int trackingBatchSize,
                                   @DefaultValue("100") int aggregateBatchSize,
                                   @DefaultValue("100") int snapshotThreshold) {
}
