package cn.gov.jgsw.domain.property.api;

import java.time.Instant;

/** Work on a request was finished (已完成), with the staff member's note. */
public record ServiceWorkFinishedEvent(String requestId, String tenantId, String staffId, String note,
                                       Instant finishedAt) {
}
