package cn.gov.jgsw.ops.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message metrics in the platform's meter registry, without the capacity monitor ({@link AxonMessageMetrics}).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    /** Replaces the registry of Axon's auto-configuration, which stands back when one is defined. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new AxonMessageMetrics(meterRegistry);
    }
}
