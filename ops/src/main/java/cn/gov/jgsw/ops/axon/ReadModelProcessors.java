package cn.gov.jgsw.ops.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' defaults, in one place, so that a new read model needs no entry in a central list: each
 * processing group ({@code @ProcessingGroup} on its read model) becomes a tracking processor of the event store, one
 * thread, batches of {@link #BATCH_SIZE}, positions from the stream's beginning. A processor that needs otherwise
 * says so next to its code (the audit ledger's batches, the approval process's segments); {@code application.yml}
 * may still tune one by name ({@code axon.eventhandling.processors.<name>.*}).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessors {

    /** Events a processor applies in one unit of work; projections write as each event is handled (ADR 0015). */
    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule readModelProcessorDefaults() {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE));
    }
}
