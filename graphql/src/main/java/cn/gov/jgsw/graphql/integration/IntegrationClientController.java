package cn.gov.jgsw.graphql.integration;

import cn.gov.jgsw.domain.integration.api.DisableIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.RegisterIntegrationClientCommand;
import cn.gov.jgsw.domain.integration.api.RotateIntegrationClientSecretCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.graphql.runtime.ReadYourWrites;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.IntegrationClientDirectory;
import cn.gov.jgsw.tenants.api.IntegrationClientView;
import cn.gov.jgsw.tenants.api.IntegrationSecrets;
import cn.gov.jgsw.tenants.api.Role;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Bureau admins register, rotate and disable the bureau's integration clients. The bureau is the admin's own, from the
 * token; another bureau's client is {@code NOT_FOUND} like a missing id.
 * <p>
 * A new secret is in the first answer only. The idempotency record keeps the answer without it, so a retry with the
 * same key answers {@code secret: null}: a secret is never stored in clear, not even for a retry.
 */
@Controller
public class IntegrationClientController {

    static final String LIST = "integration-clients";
    static final int MAX_PAGE = 50;
    private final CommandMutations mutations;
    private final IdempotentMutations idempotentMutations;
    private final ReadYourWrites readYourWrites;
    private final IntegrationClientDirectory clients;
    private final IntegrationSecrets secrets;
    private final CursorCodec cursors;
    private final Clock clock;

    public IntegrationClientController(CommandMutations mutations, IdempotentMutations idempotentMutations,
                                       ReadYourWrites readYourWrites, IntegrationClientDirectory clients,
                                       IntegrationSecrets secrets, CursorCodec cursors, Clock clock) {
        this.mutations = mutations;
        this.idempotentMutations = idempotentMutations;
        this.readYourWrites = readYourWrites;
        this.clients = clients;
        this.secrets = secrets;
        this.cursors = cursors;
        this.clock = clock;
    }

    @QueryMapping
    public Connection<IntegrationClientView> integrationClients(@Argument Integer first, @Argument String after,
                                                                Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String afterId = after == null ? null : cursors.decode(caller, LIST, after);
        return Connection.ofOneMore(clients.clients(caller.tenantId(), afterId, pageSize + 1), pageSize,
                client -> cursors.encode(caller, LIST, client.id()), afterId == null);
    }

    @SchemaMapping(typeName = "IntegrationClient", field = "enabled")
    public boolean enabled(IntegrationClientView client) {
        return !client.disabled();
    }

    @MutationMapping
    public IntegrationClientPayload registerIntegrationClient(@Argument RegisterIntegrationClientInput input,
                                                              Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        String clientId = "ic-" + IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        return withNewSecret(caller, "registerIntegrationClient", input.idempotencyKey(), input, clientId,
                secret -> new RegisterIntegrationClientCommand(clientId, caller.tenantId(), input.name(),
                        input.scopes() == null ? null : new HashSet<>(input.scopes()), secret.secretId(),
                        secret.fingerprint(), clock.instant()));
    }

    @MutationMapping
    public IntegrationClientPayload rotateIntegrationClientSecret(@Argument RotateIntegrationClientSecretInput input,
                                                                  Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireClient(caller, input.clientId());
        return withNewSecret(caller, "rotateIntegrationClientSecret", input.idempotencyKey(), input, input.clientId(),
                secret -> new RotateIntegrationClientSecretCommand(input.clientId(), caller.tenantId(),
                        secret.secretId(), secret.fingerprint(), clock.instant(), input.keepPreviousSecretHours()));
    }

    @MutationMapping
    public IntegrationClientPayload disableIntegrationClient(@Argument DisableIntegrationClientInput input,
                                                             Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireClient(caller, input.clientId());
        return mutations.execute(caller, "disableIntegrationClient", input.idempotencyKey(), input, input.reason(),
                new DisableIntegrationClientCommand(input.clientId(), caller.tenantId(), input.reason()),
                () -> clients.findClient(caller.tenantId(), input.clientId()).orElse(null),
                IntegrationClientView::version, client -> new IntegrationClientPayload(client, null),
                IntegrationClientPayload.class);
    }

    /**
     * Makes a secret, stores its verifier, then sends the command that makes it valid. The secret joins the answer
     * only when this very call made it.
     */
    private IntegrationClientPayload withNewSecret(Caller caller, String operation, String key, Object input,
                                                   String clientId,
                                                   Function<IntegrationSecrets.IssuedSecret, Object> command) {
        String secretId = "ics-" + IdempotentMutations.newObjectId(caller, key);
        AtomicReference<String> madeNow = new AtomicReference<>();
        IntegrationClientPayload answer = idempotentMutations.execute(caller, operation, key, input, Long.class,
                () -> {
                    IntegrationSecrets.IssuedSecret secret = secrets.issue(caller.tenantId(), clientId, secretId);
                    try {
                        long version = mutations.send(caller, key, null, command.apply(secret));
                        madeNow.set(secret.secret());
                        return version;
                    } catch (BusinessRuleViolation refused) {
                        // A refused command leaves nothing behind, not even the verifier of a secret nobody saw.
                        secrets.withdraw(secretId);
                        throw refused;
                    }
                },
                version -> new IntegrationClientPayload(awaitClient(caller, clientId, version), null),
                IntegrationClientPayload.class);
        return madeNow.get() == null ? answer : answer.withSecret(madeNow.get());
    }

    private IntegrationClientView awaitClient(Caller caller, String clientId, long version) {
        return readYourWrites.await(() -> clients.findClient(caller.tenantId(), clientId).orElse(null),
                client -> client != null && client.version() >= version);
    }

    /** Another bureau's client, or none, is "not found" before anything is made or sent. */
    private void requireClient(Caller caller, String clientId) {
        if (clientId == null || clients.findClient(caller.tenantId(), clientId).isEmpty()) {
            throw new ObjectNotFoundException("integration client " + clientId);
        }
    }
}
