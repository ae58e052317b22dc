package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.CancelVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CorrectTripRecordCommand;
import cn.gov.jgsw.domain.vehicles.api.DispatchVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.EndTripCommand;
import cn.gov.jgsw.domain.vehicles.api.OrderVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RecordRefuellingCommand;
import cn.gov.jgsw.domain.vehicles.api.ResubmitVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.StartTripCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.graphql.audit.PurposeBoundReads;
import cn.gov.jgsw.graphql.audit.SupervisorScope;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrdersQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderList;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderPage;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The vehicle order flow on the phone. The bureau and the acting person always come from the token; roles decide
 * which operations a caller may use ({@code FORBIDDEN} otherwise); an order of another bureau, or one the caller may
 * not see, is {@code NOT_FOUND} exactly like a missing id. Every mutation is idempotent and answers the order as it
 * left it.
 */
@Controller
public class VehicleOrderController {

    static final int MAX_PAGE = 50;

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final CursorCodec cursors;
    private final SupervisorScope supervisorScope;
    private final PurposeBoundReads purposeBoundReads;
    private final Clock clock;

    public VehicleOrderController(CommandMutations mutations, QueryGateway queries, CursorCodec cursors,
                                  SupervisorScope supervisorScope, PurposeBoundReads purposeBoundReads, Clock clock) {
        this.mutations = mutations;
        this.queries = queries;
        this.cursors = cursors;
        this.supervisorScope = supervisorScope;
        this.purposeBoundReads = purposeBoundReads;
        this.clock = clock;
    }

    // queries

    @QueryMapping
    public VehicleOrderView vehicleOrder(@Argument String id, Caller caller) {
        return find(caller.tenantId(), id).filter(order -> maySee(caller, order))
                .orElseThrow(() -> new ObjectNotFoundException("vehicle order " + id));
    }

    @QueryMapping
    public Connection<VehicleOrderView> myVehicleOrders(@Argument Integer first, @Argument String after,
                                                        Caller caller) {
        return list(caller, VehicleOrderList.PLACED_BY, first, after);
    }

    @QueryMapping
    public Connection<VehicleOrderView> approvedVehicleOrders(
            @Argument Integer first, @Argument String after, Caller caller) {
        Roles.requireAny(caller, Role.DISPATCHER);
        return list(caller, VehicleOrderList.APPROVED, first, after);
    }

    @QueryMapping
    public Connection<VehicleOrderView> myAssignments(@Argument Integer first, @Argument String after,
                                                      Caller caller) {
        Roles.requireAny(caller, Role.DRIVER);
        return list(caller, VehicleOrderList.ASSIGNED_TO, first, after);
    }

    /** A supervisor reads a bureau of their subtree, with a stated purpose. */
    @QueryMapping
    public Connection<VehicleOrderView> bureauVehicleOrders(@Argument String bureauId, @Argument String purpose,
                                                            @Argument Integer first, @Argument String after,
                                                            Caller caller) {
        supervisorScope.requireSupervised(caller, bureauId);
        purposeBoundReads.record(caller, "vehicle-orders of " + bureauId, purpose);
        return list(caller, bureauId, VehicleOrderList.OF_BUREAU, first, after);
    }

    // mutations

    @MutationMapping
    public VehicleOrderPayload orderVehicle(@Argument OrderVehicleInput input,
                                            Caller caller) {
        Roles.requireAny(caller, Role.CIVIL_SERVANT);
        String orderId = IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        return mutate(caller, "orderVehicle", input.idempotencyKey(), input, orderId, null,
                new OrderVehicleCommand(orderId, caller.tenantId(), caller.userId(), caller.unitId(), input.purpose(),
                        input.origin(), input.destination(), new TimeWindow(input.plannedStart(), input.plannedEnd()),
                        input.passengerCount(), input.carClass(), clock.instant()));
    }

    @MutationMapping
    public VehicleOrderPayload cancelVehicleOrder(@Argument CancelVehicleOrderInput input,
                                                  Caller caller) {
        requireVisible(caller, input.orderId());
        return mutate(caller, "cancelVehicleOrder", input.idempotencyKey(), input, input.orderId(), input.reason(),
                new CancelVehicleOrderCommand(input.orderId(), caller.tenantId(), caller.userId(), input.reason()));
    }

    @MutationMapping
    public VehicleOrderPayload resubmitVehicleOrder(@Argument ResubmitVehicleOrderInput input,
                                                    Caller caller) {
        requireVisible(caller, input.orderId());
        return mutate(caller, "resubmitVehicleOrder", input.idempotencyKey(), input, input.orderId(), null,
                new ResubmitVehicleOrderCommand(input.orderId(), caller.tenantId(), caller.userId(), input.purpose(),
                        input.origin(), input.destination(), new TimeWindow(input.plannedStart(), input.plannedEnd()),
                        input.passengerCount(), input.carClass(), clock.instant()));
    }

    @MutationMapping
    public VehicleOrderPayload dispatchVehicleOrder(@Argument DispatchVehicleOrderInput input,
                                                    Caller caller) {
        Roles.requireAny(caller, Role.DISPATCHER);
        return mutate(caller, "dispatchVehicleOrder", input.idempotencyKey(), input, input.orderId(), null,
                new DispatchVehicleOrderCommand(input.orderId(), caller.tenantId(), caller.userId(),
                        input.vehicleId(), input.driverId()));
    }

    @MutationMapping
    public VehicleOrderPayload startTrip(@Argument StartTripInput input,
                                         Caller caller) {
        Roles.requireAny(caller, Role.DRIVER);
        requireVisible(caller, input.orderId());
        return mutate(caller, "startTrip", input.idempotencyKey(), input, input.orderId(), null,
                new StartTripCommand(input.orderId(), caller.tenantId(), caller.userId(), input.odometerKm(),
                        clock.instant()));
    }

    @MutationMapping
    public VehicleOrderPayload endTrip(@Argument EndTripInput input,
                                       Caller caller) {
        Roles.requireAny(caller, Role.DRIVER);
        requireVisible(caller, input.orderId());
        return mutate(caller, "endTrip", input.idempotencyKey(), input, input.orderId(), null,
                new EndTripCommand(input.orderId(), caller.tenantId(), caller.userId(), input.odometerKm(),
                        BigDecimal.valueOf(input.fuelLitres()), input.tollsFen(), clock.instant()));
    }

    @MutationMapping
    public VehicleOrderPayload recordRefuelling(@Argument RecordRefuellingInput input,
                                                Caller caller) {
        Roles.requireAny(caller, Role.DRIVER);
        requireVisible(caller, input.orderId());
        Instant now = clock.instant();
        return mutate(caller, "recordRefuelling", input.idempotencyKey(), input, input.orderId(), null,
                new RecordRefuellingCommand(input.orderId(), caller.tenantId(), caller.userId(),
                        IdempotentMutations.newObjectId(caller, input.idempotencyKey()), input.supplierId(),
                        BigDecimal.valueOf(input.litres()), input.amountFen(),
                        input.refuelledAt() == null ? now : input.refuelledAt(), now));
    }

    @MutationMapping
    public VehicleOrderPayload correctTripRecord(@Argument CorrectTripRecordInput input,
                                                 Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        requireVisible(caller, input.orderId());
        return mutate(caller, "correctTripRecord", input.idempotencyKey(), input, input.orderId(), input.reason(),
                new CorrectTripRecordCommand(input.orderId(), caller.tenantId(), caller.userId(),
                        input.correctedSequence(), input.odometerKm(), BigDecimal.valueOf(input.fuelLitres()),
                        input.tollsFen(), input.reason()));
    }

    public record CorrectTripRecordInput(String idempotencyKey, String orderId, long correctedSequence,
                                         long odometerKm, double fuelLitres, long tollsFen, String reason) {
    }

    public record RecordRefuellingInput(String idempotencyKey, String orderId, String supplierId, double litres,
                                        long amountFen, Instant refuelledAt) {
    }

    /**
     * Sends the command once per idempotency key and answers the order once the view has reached the version the
     * command produced. A creating command answers the new id, meaning version 0.
     */
    private VehicleOrderPayload mutate(Caller caller, String operation, String key, Object input, String orderId,
                                       String reason, Object command) {
        return mutations.execute(caller, operation, key, input, reason, command,
                () -> find(caller.tenantId(), orderId).orElse(null), VehicleOrderView::version,
                VehicleOrderPayload::new, VehicleOrderPayload.class);
    }

    private Connection<VehicleOrderView> list(Caller caller, VehicleOrderList list, Integer first, String after) {
        return list(caller, caller.tenantId(), list, first, after);
    }

    /** A page of a list of {@code tenantId}'s orders; the cursor is bound to the caller, the list and the bureau. */
    private Connection<VehicleOrderView> list(Caller caller, String tenantId, VehicleOrderList list, Integer first,
                                              String after) {
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String listName = "vehicle-orders/" + list.name() + "/" + tenantId;
        String afterPosition = after == null ? null : cursors.decode(caller, listName, after);
        VehicleOrderPage page = queries.query(new FindVehicleOrdersQuery(tenantId, list, caller.userId(),
                afterPosition, pageSize), VehicleOrderPage.class).join();
        return Connection.of(page.orders(), order -> cursors.encode(caller, listName, order.position(list)),
                page.hasMore(), afterPosition == null);
    }

    private Optional<VehicleOrderView> find(String tenantId, String orderId) {
        return queries.query(new FindVehicleOrderQuery(tenantId, orderId),
                ResponseTypes.optionalInstanceOf(VehicleOrderView.class)).join();
    }

    /**
     * Refuses, as "not found", a step on an order the caller may not even see (a colleague's order, another driver's
     * trip), so that the answer does not reveal that the order exists. The domain still decides who may do what.
     */
    private void requireVisible(Caller caller, String orderId) {
        vehicleOrder(orderId, caller);
    }

    /** Own orders; every order of the bureau for those who decide on, dispatch or administer them; one's trips. */
    private static boolean maySee(Caller caller, VehicleOrderView order) {
        return order.requesterId().equals(caller.userId())
                || caller.userId().equals(order.driverId())
                || caller.hasRole(Role.APPROVER) || caller.hasRole(Role.DISPATCHER)
                || caller.hasRole(Role.BUREAU_ADMIN);
    }
}
