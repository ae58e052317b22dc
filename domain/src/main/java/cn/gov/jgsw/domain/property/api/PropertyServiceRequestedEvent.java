package cn.gov.jgsw.domain.property.api;

import java.time.Instant;

/** A property service was asked for (已提交). Fields as in {@link RequestPropertyServiceCommand}, texts as kept. */
public record PropertyServiceRequestedEvent(String requestId, String tenantId, String requesterId,
                                            ServiceCategory category, String building, String room,
                                            String description, Urgency urgency, Instant requestedAt, Instant dueAt,
                                            String dueBasis) {
}
