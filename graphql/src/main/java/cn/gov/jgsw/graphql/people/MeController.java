package cn.gov.jgsw.graphql.people;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import cn.gov.jgsw.tenants.api.TenantView;
import cn.gov.jgsw.tenants.api.UnitDirectory;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers {@code me} from the caller's token and the tenant's records: the tenant is the token's, so a token of one
 * bureau can only ever show that bureau's person.
 */
@Controller
public class MeController {

    private final PersonDirectory people;
    private final TenantDirectory tenants;
    private final UnitDirectory units;

    public MeController(PersonDirectory people, TenantDirectory tenants, UnitDirectory units) {
        this.people = people;
        this.tenants = tenants;
        this.units = units;
    }

    @QueryMapping
    public Me me(Caller caller) {
        // A token outlives the account it was issued for by minutes at most; a deleted person then finds nothing.
        PersonView person = people.findPerson(caller.tenantId(), caller.userId())
                .orElseThrow(() -> new ObjectNotFoundException("person of token not found"));
        TenantView bureau = tenants.findTenant(caller.tenantId())
                .orElseThrow(() -> new ObjectNotFoundException("tenant of token not found"));
        return new Me(person, bureau, units.findUnit(caller.tenantId(), person.unitId()).orElse(null),
                caller.roles().stream().sorted().toList());
    }

    @SchemaMapping(typeName = "Person", field = "id")
    public String personId(PersonView person) {
        return person.userId();
    }

    @SchemaMapping(typeName = "Bureau", field = "parent")
    public TenantView parent(TenantView bureau) {
        return tenants.findTenant(bureau.parentId()).orElse(null);
    }
}
