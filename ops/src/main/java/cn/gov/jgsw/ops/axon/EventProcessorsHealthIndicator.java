package cn.gov.jgsw.ops.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of every Axon event processor, as health component {@code eventProcessors}: running or not, and per
 * segment whether it has caught up, is replaying, or is stuck in error. A processor in error means a read model is
 * no longer updated: DOWN, so the operator on call sees it in the console at once.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing) {
        super("event processor health check failed");
        this.eventProcessing = eventProcessing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            Map<String, Object> segments = new LinkedHashMap<>();
            for (Map.Entry<Integer, EventTrackerStatus> segment : processor.processingStatus().entrySet()) {
                EventTrackerStatus status = segment.getValue();
                healthy &= !status.isErrorState();
                segments.put("segment-" + segment.getKey(), Map.of(
                        "caughtUp", status.isCaughtUp(),
                        "replaying", status.isReplaying(),
                        "error", status.isErrorState() ? String.valueOf(status.getError()) : "none",
                        "position", status.getCurrentPosition().isPresent()
                                ? status.getCurrentPosition().getAsLong() : -1));
            }
            healthy &= processor.isRunning() && !processor.isError();
            processors.put(processor.getName(), Map.of(
                    "running", processor.isRunning(),
                    "error", processor.isError(),
                    "segments", segments));
        }
        (healthy ? builder.up() : builder.down()).withDetails(processors);
    }
}
