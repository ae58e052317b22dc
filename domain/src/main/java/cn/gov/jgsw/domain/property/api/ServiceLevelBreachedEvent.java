package cn.gov.jgsw.domain.property.api;

import java.time.Instant;

/**
 * A request was not finished by its due time (超时). Recorded once per request.
 *
 * @param dueAt     the due time it missed
 * @param checkedAt when the platform noticed
 */
public record ServiceLevelBreachedEvent(String requestId, String tenantId, Instant dueAt, Instant checkedAt) {
}
