package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.ops.axon.DeadLetters;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/deadletters} (operator only): the events each read model holds back because it could not apply
 * them, and the recorded evictions; {@code POST} with {@code {"processor": "vehicle-orders", "action": "retry"}} hands
 * a processor's held objects to its read model again after a fix, and with {@code "action": "evict", "eventId": …,
 * "reason": …} drops one letter for good, recorded with the operator's name (docs/operations.md).
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public Map<String, Object> held() {
        Map<String, Object> processors = new LinkedHashMap<>();
        deadLetters.held().forEach((processor, held) -> processors.put(processor, Map.of(
                "letters", held.letters(), "objects", held.objects(), "oldestEnqueuedAt", held.oldest().toString(),
                "first", deadLetters.lettersOf(processor))));
        return Map.of("processors", processors, "evictions", deadLetters.evictions());
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> act(String processor, String action, @Nullable String eventId,
                                                        @Nullable String reason, SecurityContext operator) {
        try {
            return switch (action) {
                case "retry" -> answer(Map.of("processor", processor, "objectsAppliedWhole",
                        deadLetters.retry(processor), "stillHeld", deadLetters.lettersHeldBy(processor)));
                case "evict" -> {
                    if (eventId == null || reason == null || reason.isBlank()) {
                        yield refused("An eviction names the event (eventId) and why it is dropped (reason)");
                    }
                    String by = operator.getPrincipal() == null ? "unknown" : operator.getPrincipal().getName();
                    yield deadLetters.evict(processor, eventId, reason, by)
                            ? answer(Map.of("processor", processor, "evicted", eventId))
                            : new WebEndpointResponse<>(Map.of("error", processor + " holds no event " + eventId),
                            WebEndpointResponse.STATUS_NOT_FOUND);
                }
                default -> refused("action is retry or evict");
            };
        } catch (DeadLetters.UnknownProcessorException e) {
            return refused(e.getMessage());
        }
    }

    private static WebEndpointResponse<Map<String, Object>> answer(Map<String, Object> body) {
        return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
    }

    private static WebEndpointResponse<Map<String, Object>> refused(String why) {
        return new WebEndpointResponse<>(Map.of("error", why), WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
