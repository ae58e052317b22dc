package cn.gov.jgsw.graphql.people;

import cn.gov.jgsw.domain.people.api.ChangeDisplayLanguageCommand;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.projections.people.api.FindPersonalSettingsQuery;
import cn.gov.jgsw.projections.people.api.PersonalSettingsView;
import cn.gov.jgsw.tenants.api.Caller;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;


/** The person's own settings. The person is always the caller: nobody changes another person's settings. */
@Controller
public class PersonalSettingsController {

    private final CommandMutations mutations;
    private final QueryGateway queries;

    public PersonalSettingsController(CommandMutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @SchemaMapping(typeName = "Me", field = "settings")
    public PersonalSettingsView settings(Me me) {
        return find(me.person().tenantId(), me.person().userId());
    }

    @MutationMapping
    public ChangeDisplayLanguagePayload changeDisplayLanguage(@Argument ChangeDisplayLanguageInput input,
                                                              Caller caller) {
        return mutations.execute(caller, "changeDisplayLanguage", input.idempotencyKey(), input, null,
                new ChangeDisplayLanguageCommand(caller.userId(), caller.tenantId(), input.displayLanguage()),
                () -> find(caller.tenantId(), caller.userId()), PersonalSettingsView::version,
                ChangeDisplayLanguagePayload::new, ChangeDisplayLanguagePayload.class);
    }

    private PersonalSettingsView find(String tenantId, String userId) {
        return queries.query(new FindPersonalSettingsQuery(tenantId, userId), PersonalSettingsView.class).join();
    }
}
