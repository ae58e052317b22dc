package cn.gov.jgsw.tenants.context;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditMetadataTest {

    private static final Caller APPROVER = new Caller("user-7", "bureau-tongzi", "bureau-tongzi-office",
            Set.of(Role.APPROVER, Role.CIVIL_SERVANT), "mobile-app/2.1.0");

    @Test
    void aCommandStartsWithTheCallersTenantPersonRolesClientAndKey() {
        MetaData metaData = CommandMetadata.of(APPROVER, "key-12345678", "over budget");

        assertThat(metaData).containsEntry(AuditMetadataKeys.TENANT_ID, "bureau-tongzi")
                .containsEntry(AuditMetadataKeys.USER_ID, "user-7")
                .containsEntry(AuditMetadataKeys.ROLES, "APPROVER,CIVIL_SERVANT")
                .containsEntry(AuditMetadataKeys.CLIENT, "mobile-app/2.1.0")
                .containsEntry(AuditMetadataKeys.IDEMPOTENCY_KEY, "key-12345678")
                .containsEntry(AuditMetadataKeys.REASON, "over budget")
                .containsKey(AuditMetadataKeys.CORRELATION_ID);
    }

    @Test
    void whatACommandCausesInheritsItsMetadataAndPointsBackToIt() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("approve")
                .andMetaData(CommandMetadata.of(APPROVER, "key-12345678", null));

        Map<String, ?> inherited = new AuditCorrelationDataProvider().correlationDataFor(command);

        assertThat(inherited.get(AuditMetadataKeys.TENANT_ID)).isEqualTo("bureau-tongzi");
        assertThat(inherited.get(AuditMetadataKeys.USER_ID)).isEqualTo("user-7");
        assertThat(inherited.get(AuditMetadataKeys.CORRELATION_ID))
                .isEqualTo(command.getMetaData().get(AuditMetadataKeys.CORRELATION_ID));
        assertThat(inherited.get(AuditMetadataKeys.CAUSATION_ID)).isEqualTo(command.getIdentifier());
        assertThat(inherited).doesNotContainKey(AuditMetadataKeys.REASON);
    }

    @Test
    void aCommandWithoutTenantIsNotDispatched() {
        CommandMessage<?> anonymous = GenericCommandMessage.asCommandMessage("approve");
        TenantRequiredInterceptor interceptor = new TenantRequiredInterceptor();

        assertThatThrownBy(() -> interceptor.handle(List.of(anonymous)).apply(0, anonymous))
                .isInstanceOf(IllegalStateException.class);
        CommandMessage<?> signed = anonymous.andMetaData(CommandMetadata.of(APPROVER, "key-12345678", null));
        assertThat(interceptor.handle(List.of(signed)).apply(0, signed)).isSameAs(signed);
    }
}
