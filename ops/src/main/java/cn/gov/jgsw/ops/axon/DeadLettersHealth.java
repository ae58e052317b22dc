package cn.gov.jgsw.ops.axon;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code deadLetters} on the operators' console: DOWN while any read model holds events back, with per processor the
 * letters, the objects they belong to and the oldest letter's age. An object whose view stopped is a fault the
 * operator acts on (docs/operations.md: retry after a fix, or evict with a reason).
 */
class DeadLettersHealth implements HealthIndicator {

    private final DeadLetters deadLetters;
    private final Clock clock;

    DeadLettersHealth(DeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, DeadLetters.Held> held = deadLetters.held();
        if (held.isEmpty()) {
            return Health.up().build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        held.forEach((processor, letters) -> details.put(processor, Map.of(
                "letters", letters.letters(),
                "objects", letters.objects(),
                "oldestEnqueuedAt", letters.oldest().toString(),
                "oldestAgeSeconds", letters.age(clock).toSeconds())));
        return Health.down().withDetails(details).build();
    }
}
