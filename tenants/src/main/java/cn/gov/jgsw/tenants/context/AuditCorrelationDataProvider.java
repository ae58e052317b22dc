package cn.gov.jgsw.tenants.context;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the audit metadata of the message being handled onto every message it causes, and links them: the
 * correlation id stays that of the original request, the causation id is the id of the handled message.
 */
@Component
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(
            AuditMetadataKeys.TENANT_ID,
            AuditMetadataKeys.USER_ID,
            AuditMetadataKeys.ROLES,
            AuditMetadataKeys.CLIENT,
            AuditMetadataKeys.IDEMPOTENCY_KEY,
            AuditMetadataKeys.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object correlationId = message.getMetaData().get(AuditMetadataKeys.CORRELATION_ID);
        data.put(AuditMetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(AuditMetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
