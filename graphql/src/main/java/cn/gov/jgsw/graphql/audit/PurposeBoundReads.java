package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.domain.audit.api.RecordSensitiveReadCommand;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The one way a sensitive read is let through: the caller's stated purpose and what they read are recorded as an event
 * of the caller's bureau (who and when come with the event's metadata), and only then is the data handed out. Without
 * a purpose the read is refused ({@code PURPOSE_REQUIRED}) and nothing is read. Later features (a driver's trajectory,
 * a person's records, audit history) call {@link #record} at the top of their query.
 */
@Component
public class PurposeBoundReads {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    public PurposeBoundReads(CommandGateway commands) {
        this.commands = commands;
    }

    /** Records the read or refuses it; returns normally only when the record is stored. */
    public void record(Caller caller, String what, String purpose) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordSensitiveReadCommand(
                        UUID.randomUUID().toString(), caller.tenantId(), caller.userId(), what, purpose))
                .andMetaData(CommandMetadata.of(caller, null, null)), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
