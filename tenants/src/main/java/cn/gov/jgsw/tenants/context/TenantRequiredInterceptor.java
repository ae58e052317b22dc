package cn.gov.jgsw.tenants.context;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Refuses to dispatch a command that does not say which bureau and which person it acts for. Every command comes from
 * an authenticated edge that knows both; a command without them is a programming error that would leave an event in
 * the audit trail without its tenant, so it fails loudly before anything is recorded.
 */
@Component
public class TenantRequiredInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Object tenantId = command.getMetaData().get(AuditMetadataKeys.TENANT_ID);
            Object userId = command.getMetaData().get(AuditMetadataKeys.USER_ID);
            if (tenantId == null || userId == null) {
                throw new IllegalStateException("command " + command.getCommandName()
                        + " dispatched without tenant and user metadata");
            }
            return command;
        };
    }
}
