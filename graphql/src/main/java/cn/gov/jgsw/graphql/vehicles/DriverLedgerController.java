package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicence;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.RecordDriverLicenceCommand;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.DriverView;
import cn.gov.jgsw.projections.vehicles.api.FindDriversQuery;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drivers of the fleet ledger (驾驶员台账): registered by the bureau admin with the licence seen, licences renewed,
 * and the list for admins and dispatchers. A person or driver of another bureau is {@code NOT_FOUND} like a missing id.
 */
@Controller
public class DriverLedgerController {

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final PersonDirectory people;
    private final Clock clock;

    public DriverLedgerController(CommandMutations mutations, QueryGateway queries, PersonDirectory people,
                                  Clock clock) {
        this.mutations = mutations;
        this.queries = queries;
        this.people = people;
        this.clock = clock;
    }

    public record RegisterDriverInput(String idempotencyKey, String personId, DrivingLicenceClass licenceClass,
                                      LocalDate licenceValidUntil) {
    }

    public record RecordDriverLicenceInput(String idempotencyKey, String driverId, DrivingLicenceClass licenceClass,
                                           LocalDate licenceValidUntil) {
    }

    public record FleetDriverPayload(DriverView driver) {
    }

    @QueryMapping
    public List<DriverView> fleetDrivers(Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN, Role.DISPATCHER);
        return drivers(caller.tenantId(), null);
    }

    /** The people of a list of drivers in one look-up; an erased person answers null. */
    @BatchMapping(typeName = "FleetDriver", field = "person")
    public Map<DriverView, PersonView> person(List<DriverView> drivers) {
        Map<DriverView, PersonView> answer = new HashMap<>();
        if (drivers.isEmpty()) {
            return answer;
        }
        String tenantId = drivers.get(0).tenantId();
        Map<String, PersonView> byId = new HashMap<>();
        people.findPeople(tenantId, drivers.stream().map(DriverView::id).toList())
                .forEach(person -> byId.put(person.userId(), person));
        drivers.forEach(driver -> answer.put(driver, byId.get(driver.id())));
        return answer;
    }

    @MutationMapping
    public FleetDriverPayload registerDriver(@Argument RegisterDriverInput input,
                                             Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        if (people.findPerson(caller.tenantId(), input.personId()).isEmpty()) {
            throw new ObjectNotFoundException("person " + input.personId());
        }
        return mutate(caller, "registerDriver", input.idempotencyKey(), input, input.personId(),
                new RegisterDriverCommand(input.personId(), caller.tenantId(),
                        new DrivingLicence(input.licenceClass(), input.licenceValidUntil()), clock.instant()));
    }

    @MutationMapping
    public FleetDriverPayload recordDriverLicence(@Argument RecordDriverLicenceInput input,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        if (drivers(caller.tenantId(), Set.of(input.driverId())).isEmpty()) {
            throw new ObjectNotFoundException("driver " + input.driverId());
        }
        return mutate(caller, "recordDriverLicence", input.idempotencyKey(), input, input.driverId(),
                new RecordDriverLicenceCommand(input.driverId(), caller.tenantId(),
                        new DrivingLicence(input.licenceClass(), input.licenceValidUntil()), clock.instant()));
    }

    private FleetDriverPayload mutate(Caller caller, String operation, String key, Object input, String driverId,
                                      Object command) {
        return mutations.execute(caller, operation, key, input, null, command,
                () -> drivers(caller.tenantId(), Set.of(driverId)).stream().findFirst().orElse(null),
                DriverView::version, FleetDriverPayload::new, FleetDriverPayload.class);
    }

    private List<DriverView> drivers(String tenantId, Set<String> driverIds) {
        return queries.query(new FindDriversQuery(tenantId, driverIds),
                ResponseTypes.multipleInstancesOf(DriverView.class)).join();
    }
}
