package cn.gov.jgsw.ops.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;

/**
 * Axon's message metrics (消息指标) without its capacity monitor: per event processor the handling time, the count of
 * messages handled and failed, and the latency (how far behind the newest event it is); per bus the handling time and
 * the counts.
 * <p>
 * Axon's {@link CapacityMonitor} keeps the handling time of every message of the last ten minutes, one entry per
 * message and per processor and bus, to report how busy each thread was. Its memory grows with the load and not
 * with anything the operator needs: in the large-store run at {@code -Xmx512m} it pushed the platform into
 * back-to-back full collections (ADR 0020, BENCHMARKS.md). The handling-time timers show
 * the same trouble in bounded memory.
 */
final class AxonMessageMetrics extends GlobalMetricRegistry {

    AxonMessageMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponent(Class<?> componentType, String componentName) {
        MeterRegistry registry = getRegistry();
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(componentName, registry),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(componentName).meterRegistry(registry)
                            .build(),
                    MessageCountingMonitor.buildMonitor(componentName, registry)));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(componentName, registry),
                    MessageCountingMonitor.buildMonitor(componentName, registry)));
        }
        return super.registerComponent(componentType, componentName);
    }
}
