package cn.gov.jgsw.ops.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no MongoDB URI is configured, so the embedded server must be started. */
class EmbeddedStorageCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("jgsw.storage.uri");
        return uri == null || uri.isBlank();
    }
}
