package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.RegisterVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RetireVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.SealVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.UnsealVehicleCommand;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.graphql.vehicles.FleetLedgerInputs.RegisterVehicleInput;
import cn.gov.jgsw.graphql.vehicles.FleetLedgerInputs.RetireVehicleInput;
import cn.gov.jgsw.graphql.vehicles.FleetLedgerInputs.SealVehicleInput;
import cn.gov.jgsw.graphql.vehicles.FleetLedgerInputs.UnsealVehicleInput;
import cn.gov.jgsw.projections.vehicles.api.FindFleetQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.api.UnitDirectory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The fleet ledger (车辆台账) for bureau admins: vehicles put on it, sealed for holidays and unsealed, retired; and the
 * ledger as a list for admins and dispatchers. Another bureau's vehicle is {@code NOT_FOUND} like a missing id.
 */
@Controller
public class FleetLedgerController {

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final UnitDirectory units;
    private final Clock clock;

    public FleetLedgerController(CommandMutations mutations, QueryGateway queries, UnitDirectory units, Clock clock) {
        this.mutations = mutations;
        this.queries = queries;
        this.units = units;
        this.clock = clock;
    }

    @QueryMapping
    public List<VehicleView> fleetVehicles(Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN, Role.DISPATCHER);
        return queries.query(new FindFleetQuery(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(VehicleView.class)).join();
    }

    @SchemaMapping(typeName = "Vehicle")
    public Object energyType(VehicleView vehicle) {
        return vehicle.ledger().energyType();
    }

    @SchemaMapping(typeName = "Vehicle")
    public long purchasePriceFen(VehicleView vehicle) {
        return vehicle.ledger().purchasePriceFen();
    }

    @SchemaMapping(typeName = "Vehicle")
    public Object purchaseDate(VehicleView vehicle) {
        return vehicle.ledger().purchaseDate();
    }

    @SchemaMapping(typeName = "Vehicle")
    public String owningUnitId(VehicleView vehicle) {
        return vehicle.ledger().owningUnitId();
    }

    @SchemaMapping(typeName = "Vehicle")
    public ParkingSpotAnswer parkingSpot(VehicleView vehicle) {
        ParkingSpot spot = vehicle.ledger().parkingSpot();
        return spot == null ? null : new ParkingSpotAnswer(spot.centre().latitude(), spot.centre().longitude(),
                spot.radiusMetres());
    }

    @SchemaMapping(typeName = "VehicleSealing")
    public Object start(VehicleView.Sealing sealing) {
        return sealing.period().start();
    }

    @SchemaMapping(typeName = "VehicleSealing")
    public Object end(VehicleView.Sealing sealing) {
        return sealing.period().end();
    }

    /** The parking spot as the SDL shows it, flat. */
    public record ParkingSpotAnswer(double latitude, double longitude, int radiusMetres) {
    }

    @MutationMapping
    public VehiclePayload registerVehicle(@Argument RegisterVehicleInput input,
                                          Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        if (input.owningUnitId() != null && units.findUnit(caller.tenantId(), input.owningUnitId()).isEmpty()) {
            throw new ObjectNotFoundException("unit " + input.owningUnitId());
        }
        String vehicleId = IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        ParkingSpot spot = input.parkingSpot() == null ? null : new ParkingSpot(new GeoPoint(
                input.parkingSpot().latitude(), input.parkingSpot().longitude()), input.parkingSpot().radiusMetres());
        return mutate(caller, "registerVehicle", input.idempotencyKey(), input, vehicleId, null,
                new RegisterVehicleCommand(vehicleId, caller.tenantId(), input.plateNumber(), input.carClass(),
                        input.seats(), input.energyType(), input.purchasePriceFen(), input.purchaseDate(),
                        input.owningUnitId(), spot, clock.instant()));
    }

    @MutationMapping
    public VehiclePayload sealVehicle(@Argument SealVehicleInput input,
                                      Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireVehicle(caller, input.vehicleId());
        String sealId = IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        return mutate(caller, "sealVehicle", input.idempotencyKey(), input, input.vehicleId(), input.reason(),
                new SealVehicleCommand(input.vehicleId(), caller.tenantId(), sealId,
                        new TimeWindow(input.start(), input.end()), input.reason(), clock.instant()));
    }

    @MutationMapping
    public VehiclePayload unsealVehicle(@Argument UnsealVehicleInput input,
                                        Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireVehicle(caller, input.vehicleId());
        return mutate(caller, "unsealVehicle", input.idempotencyKey(), input, input.vehicleId(), input.reason(),
                new UnsealVehicleCommand(input.vehicleId(), caller.tenantId(), input.sealingId(), input.reason(),
                        clock.instant()));
    }

    @MutationMapping
    public VehiclePayload retireVehicle(@Argument RetireVehicleInput input,
                                        Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireVehicle(caller, input.vehicleId());
        return mutate(caller, "retireVehicle", input.idempotencyKey(), input, input.vehicleId(), input.reason(),
                new RetireVehicleCommand(input.vehicleId(), caller.tenantId(), input.reason()));
    }

    private VehiclePayload mutate(Caller caller, String operation, String key, Object input, String vehicleId,
                                  String reason, Object command) {
        return mutations.execute(caller, operation, key, input, reason, command,
                () -> find(caller.tenantId(), vehicleId).orElse(null), VehicleView::version, VehiclePayload::new,
                VehiclePayload.class);
    }

    /** A vehicle of another bureau, or none, is "not found" before any command is sent. */
    private void requireVehicle(Caller caller, String vehicleId) {
        if (find(caller.tenantId(), vehicleId).isEmpty()) {
            throw new ObjectNotFoundException("vehicle " + vehicleId);
        }
    }

    private Optional<VehicleView> find(String tenantId, String vehicleId) {
        return queries.query(new FindVehicleQuery(tenantId, vehicleId),
                ResponseTypes.optionalInstanceOf(VehicleView.class)).join();
    }
}
