package cn.gov.jgsw.tenants.api;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The metadata a command starts with at the edge, from the verified caller and the request. Axon copies it onto every
 * event the command causes ({@link AuditCorrelationDataProvider}).
 */
public final class CommandMetadata {

    private CommandMetadata() {
    }

    /**
     * @param caller         the verified caller
     * @param idempotencyKey the client's key for this request
     * @param reason         the stated reason, or null where the transition needs none
     */
    public static MetaData of(Caller caller, String idempotencyKey, String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetadataKeys.TENANT_ID, caller.tenantId());
        values.put(AuditMetadataKeys.USER_ID, caller.userId());
        values.put(AuditMetadataKeys.ROLES, String.join(",", caller.roles().stream().map(Role::name).sorted().toList()));
        values.put(AuditMetadataKeys.CLIENT, caller.client());
        values.put(AuditMetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        values.put(AuditMetadataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        if (reason != null) {
            values.put(AuditMetadataKeys.REASON, reason);
        }
        return MetaData.from(values);
    }
}
