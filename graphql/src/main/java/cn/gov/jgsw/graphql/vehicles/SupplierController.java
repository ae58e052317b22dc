package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DesignateSupplierCommand;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;
import cn.gov.jgsw.domain.vehicles.api.WithdrawSupplierDesignationCommand;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindSuppliersQuery;
import cn.gov.jgsw.projections.vehicles.api.SupplierView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Designated suppliers (定点供应商): designated and withdrawn by the bureau admin, listed for admins, dispatchers and
 * drivers (who pick the station of a refuelling), and the supplier of each refuelling on a trip record. Another
 * bureau's supplier is {@code NOT_FOUND} like a missing id.
 */
@Controller
public class SupplierController {

    private final CommandMutations mutations;
    private final QueryGateway queries;

    public SupplierController(CommandMutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    public record CoordinateInput(double latitude, double longitude) {
    }

    public record DesignateSupplierInput(String idempotencyKey, SupplierKind kind, String name,
                                         CoordinateInput station) {
    }

    public record WithdrawSupplierDesignationInput(String idempotencyKey, String supplierId, String reason) {
    }

    public record DesignatedSupplierPayload(SupplierView supplier) {
    }

    @QueryMapping
    public List<SupplierView> designatedSuppliers(@Argument SupplierKind kind,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN, Role.DISPATCHER, Role.DRIVER);
        return suppliers(caller.tenantId(), kind, null);
    }

    /** The suppliers of a trip record's refuellings, in one look-up per list. */
    @BatchMapping(typeName = "Refuelling", field = "supplier")
    public Map<TripRecordController.RefuellingLine, SupplierView> supplier(
            List<TripRecordController.RefuellingLine> refuellings) {
        Map<TripRecordController.RefuellingLine, SupplierView> answer = new HashMap<>();
        refuellings.stream().collect(Collectors.groupingBy(TripRecordController.RefuellingLine::tenantId))
                .forEach((tenantId, lines) -> {
                    Map<String, SupplierView> byId = suppliers(tenantId, null,
                            lines.stream().map(TripRecordController.RefuellingLine::supplierId).collect(
                                    Collectors.toSet())).stream()
                            .collect(Collectors.toMap(SupplierView::id, Function.identity()));
                    lines.forEach(line -> answer.put(line, byId.get(line.supplierId())));
                });
        return answer;
    }

    @MutationMapping
    public DesignatedSupplierPayload designateSupplier(@Argument DesignateSupplierInput input,
                                                       Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        String supplierId = IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        GeoPoint station = input.station() == null ? null
                : new GeoPoint(input.station().latitude(), input.station().longitude());
        return mutate(caller, "designateSupplier", input.idempotencyKey(), input, supplierId, null,
                new DesignateSupplierCommand(supplierId, caller.tenantId(), input.kind(), input.name(), station));
    }

    @MutationMapping
    public DesignatedSupplierPayload withdrawSupplierDesignation(@Argument WithdrawSupplierDesignationInput input,
                                                                 Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        if (suppliers(caller.tenantId(), null, Set.of(input.supplierId())).isEmpty()) {
            throw new ObjectNotFoundException("supplier " + input.supplierId());
        }
        return mutate(caller, "withdrawSupplierDesignation", input.idempotencyKey(), input, input.supplierId(),
                input.reason(), new WithdrawSupplierDesignationCommand(input.supplierId(), caller.tenantId(),
                        input.reason()));
    }

    private DesignatedSupplierPayload mutate(Caller caller, String operation, String key, Object input,
                                             String supplierId, String reason, Object command) {
        return mutations.execute(caller, operation, key, input, reason, command,
                () -> suppliers(caller.tenantId(), null, Set.of(supplierId)).stream().findFirst().orElse(null),
                SupplierView::version, DesignatedSupplierPayload::new, DesignatedSupplierPayload.class);
    }

    private List<SupplierView> suppliers(String tenantId, SupplierKind kind, Collection<String> supplierIds) {
        return queries.query(new FindSuppliersQuery(tenantId, kind, supplierIds),
                ResponseTypes.multipleInstancesOf(SupplierView.class)).join();
    }
}
