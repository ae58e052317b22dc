package cn.gov.jgsw.graphql.settings;

import cn.gov.jgsw.domain.people.api.ChangeDisplayLanguageCommand;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.me.Me;
import cn.gov.jgsw.graphql.runtime.CallerInterceptor;
import cn.gov.jgsw.graphql.runtime.ReadYourWrites;
import cn.gov.jgsw.projections.personalsettings.api.FindPersonalSettingsQuery;
import cn.gov.jgsw.projections.personalsettings.api.PersonalSettingsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.concurrent.TimeUnit;

/** The person's own settings. The person is always the caller: nobody changes another person's settings. */
@Controller
public class PersonalSettingsController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotentMutations idempotentMutations;
    private final ReadYourWrites readYourWrites;

    public PersonalSettingsController(CommandGateway commands, QueryGateway queries,
                                      IdempotentMutations idempotentMutations, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.idempotentMutations = idempotentMutations;
        this.readYourWrites = readYourWrites;
    }

    @SchemaMapping(typeName = "Me", field = "settings")
    public PersonalSettingsView settings(Me me) {
        return find(me.person().tenantId(), me.person().userId());
    }

    @MutationMapping
    public ChangeDisplayLanguagePayload changeDisplayLanguage(@Argument ChangeDisplayLanguageInput input,
                                                              @ContextValue(CallerInterceptor.CALLER) Caller caller) {
        return idempotentMutations.execute(caller, "changeDisplayLanguage", input.idempotencyKey(), input,
                Long.class,
                () -> commands.sendAndWait(GenericCommandMessage
                                .asCommandMessage(new ChangeDisplayLanguageCommand(
                                        caller.userId(), caller.tenantId(), input.displayLanguage()))
                                .andMetaData(CommandMetadata.of(caller, input.idempotencyKey(), null)),
                        COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                version -> new ChangeDisplayLanguagePayload(readYourWrites.await(
                        () -> find(caller.tenantId(), caller.userId()),
                        view -> view.version() >= version)),
                ChangeDisplayLanguagePayload.class);
    }

    private PersonalSettingsView find(String tenantId, String userId) {
        return queries.query(new FindPersonalSettingsQuery(tenantId, userId), PersonalSettingsView.class).join();
    }
}
