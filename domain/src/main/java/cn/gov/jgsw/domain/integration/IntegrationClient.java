package cn.gov.jgsw.domain.integration;

import cn.gov.jgsw.domain.integration.api.DisableIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.IntegrationClientDisabledEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientRegisteredEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientSecretIssuedEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationErrorCode;
import cn.gov.jgsw.domain.integration.api.IntegrationScope;
import cn.gov.jgsw.domain.integration.api.RegisterIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.RotateIntegrationClientSecretCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An integration client of one bureau (集成客户端): registered with scopes, its secret rotated, disabled for good.
 * Handlers answer the aggregate's version, which the API waits for before it answers (read-your-writes).
 * <p>
 * Ids of a client and of its secrets derive from the admin's idempotency key, so a step that ran before answers as it
 * did instead of running twice (ADR 0002).
 */
@AggregateRoot
public class IntegrationClient {

    static final int LONGEST_NAME = 100;
    static final int LONGEST_REASON = 200;
    /** A week covers a switch-over of machines in the field; anything longer is a forgotten old secret. */
    static final int LONGEST_SECRET_OVERLAP_HOURS = 168;

    @AggregateIdentifier
    private String clientId;
    private String tenantId;
    private boolean disabled;
    private final Set<String> secretIds = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected IntegrationClient() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterIntegrationClientCommand command) {
        if (clientId != null) {
            requireTenant(command.tenantId());
            if (secretIds.contains(command.secretId())) {
                return getVersion();
            }
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "client " + clientId + " exists");
        }
        FreeText.Checked name = FreeText.check(command.name(), LONGEST_NAME);
        if (name.refused() || name.blank()) {
            throw new BusinessRuleViolation(IntegrationErrorCode.INVALID_CLIENT_NAME, "name: " + name.problem());
        }
        if (command.scopes() == null || command.scopes().isEmpty()
                || command.scopes().stream().anyMatch(Objects::isNull)) {
            throw new BusinessRuleViolation(IntegrationErrorCode.SCOPE_REQUIRED, "no scope");
        }
        List<IntegrationScope> scopes = command.scopes().stream().sorted().toList();
        apply(new IntegrationClientRegisteredEvent(command.clientId(), command.tenantId(), name.text(), scopes));
        apply(new IntegrationClientSecretIssuedEvent(command.clientId(), command.tenantId(), command.secretId(),
                command.secretFingerprint(), command.issuedAt(), null));
        return getVersion();
    }

    @CommandHandler
    long handle(RotateIntegrationClientSecretCommand command) {
        requireTenant(command.tenantId());
        if (secretIds.contains(command.secretId())) {
            return getVersion();
        }
        requireEnabled();
        int hours = command.keepPreviousSecretHours();
        if (hours < 0 || hours > LONGEST_SECRET_OVERLAP_HOURS) {
            throw new BusinessRuleViolation(IntegrationErrorCode.INVALID_SECRET_OVERLAP, hours + " hours");
        }
        apply(new IntegrationClientSecretIssuedEvent(clientId, tenantId, command.secretId(),
                command.secretFingerprint(), command.issuedAt(), command.issuedAt().plus(Duration.ofHours(hours))));
        return getVersion();
    }

    @CommandHandler
    long handle(DisableIntegrationClientCommand command) {
        requireTenant(command.tenantId());
        requireEnabled();
        FreeText.Checked reason = FreeText.check(command.reason(), LONGEST_REASON);
        if (reason.refused() || reason.blank()) {
            throw new BusinessRuleViolation(CommonErrorCode.REASON_REQUIRED, "disable without a valid reason");
        }
        apply(new IntegrationClientDisabledEvent(clientId, tenantId, reason.text()));
        return getVersion();
    }

    /** Another bureau's client is answered exactly like one that does not exist. */
    private void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("integration client " + clientId + " not in tenant " + commandTenantId);
        }
    }

    private void requireEnabled() {
        if (disabled) {
            throw new BusinessRuleViolation(IntegrationErrorCode.INTEGRATION_CLIENT_DISABLED, "client " + clientId);
        }
    }

    @EventSourcingHandler
    void on(IntegrationClientRegisteredEvent event) {
        clientId = event.clientId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(IntegrationClientSecretIssuedEvent event) {
        secretIds.add(event.secretId());
    }

    @EventSourcingHandler
    void on(IntegrationClientDisabledEvent event) {
        disabled = true;
    }
}
