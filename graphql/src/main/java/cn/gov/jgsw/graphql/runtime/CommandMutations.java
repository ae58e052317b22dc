package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The way every mutation runs: the command once per idempotency key, with the caller's audit metadata, then the
 * answer read from the view once it has reached the version the command produced (read-your-writes). Handlers answer
 * their aggregate's version; a creating command that answers the new id stands for version 0.
 */
@Component
public class CommandMutations {

    static final long COMMAND_TIMEOUT_SECONDS = 10;
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final CommandGateway commands;
    private final IdempotentMutations idempotentMutations;
    private final ReadYourWrites readYourWrites;

    public CommandMutations(CommandGateway commands, IdempotentMutations idempotentMutations,
                            ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.idempotentMutations = idempotentMutations;
        this.readYourWrites = readYourWrites;
    }

    /**
     * @param operation   the mutation's name
     * @param key         the client's idempotency key
     * @param input       the mutation's input, compared by content on a retry
     * @param reason      the stated reason for the record, or null
     * @param command     what to do
     * @param view        reads the object the command acts on; null while it is not there
     * @param versionOf   the version a view reflects
     * @param payload     the answer, from the view
     * @param payloadType what the mutation answers
     */
    public <V, P> P execute(Caller caller, String operation, String key, Object input, String reason, Object command,
                            Supplier<V> view, ToLongFunction<V> versionOf, Function<V, P> payload,
                            Class<P> payloadType) {
        String aggregateId = targetOf(command);
        return idempotentMutations.execute(caller, operation, key, input, Long.class,
                () -> send(caller, key, reason, command),
                version -> {
                    Predicate<V> caughtUp = found -> found != null && versionOf.applyAsLong(found) >= version;
                    return payload.apply(aggregateId == null ? readYourWrites.await(view, caughtUp)
                            : readYourWrites.await(aggregateId, view, caughtUp));
                },
                payloadType);
    }

    /** The aggregate a command acts on, as its events name it; null for a command that names none. */
    static String targetOf(Object command) {
        try {
            return TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException namesNone) {
            return null;
        }
    }

    /** Sends the command with the caller's metadata and answers the version it produced. */
    public long send(Caller caller, String key, String reason, Object command) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.of(caller, key, reason)), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return result instanceof Long version ? version : 0L;
    }
}
