package cn.gov.jgsw.graphql.updates;

import java.time.Instant;

/**
 * Something that concerns one person.
 *
 * @param tenantId the person's bureau
 * @param userId   the person
 * @param kind     what happened
 * @param id       the approval, order or request
 * @param status   its status now
 */
public record MyUpdate(String tenantId, String userId, UpdateKind kind, String id, String status,
                       Instant occurredAt) {

    public enum UpdateKind {
        APPROVAL_WAITING,
        VEHICLE_ORDER_STATUS,
        SERVICE_REQUEST_STATUS
    }
}
