package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DesignateSupplierCommand;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignatedEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignationWithdrawnEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.WithdrawSupplierDesignationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A designated supplier of the bureau's fleet (定点供应商): a filling station, a repair shop or an insurer chosen by
 * government procurement. Refuellings on trips are accepted only at a designated fuel supplier, whose station's place
 * is recorded so that a refuelling far from the car can be found out.
 */
@AggregateRoot
public class DesignatedSupplier {

    static final int LONGEST_NAME = 100;

    @AggregateIdentifier
    private String supplierId;
    private String tenantId;
    private SupplierKind kind;
    private GeoPoint station;
    private boolean withdrawn;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected DesignatedSupplier() {
    }

    /** The id derives from the request's idempotency key: a supplier that exists already means a retried request. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(DesignateSupplierCommand command) {
        if (supplierId != null) {
            requireTenant(command.tenantId());
            return getVersion();
        }
        String name = FreeText.required(command.name(), LONGEST_NAME, VehicleErrorCode.INVALID_SUPPLIER, "name");
        GeoPoint place = command.station();
        if (command.kind() == null || (place != null && !place.possible())
                || (command.kind() == SupplierKind.FUEL && place == null)) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_SUPPLIER, "supplier " + command.supplierId());
        }
        apply(new SupplierDesignatedEvent(command.supplierId(), command.tenantId(), command.kind(), name, place));
        return getVersion();
    }

    @CommandHandler
    long handle(WithdrawSupplierDesignationCommand command) {
        requireTenant(command.tenantId());
        if (withdrawn) {
            return getVersion();
        }
        String reason = Reasons.required(command.reason(), VehicleErrorCode.INVALID_SUPPLIER);
        apply(new SupplierDesignationWithdrawnEvent(supplierId, tenantId, reason));
        return getVersion();
    }

    void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("supplier " + supplierId + " not in tenant " + commandTenantId);
        }
    }

    /** The station of a fuel supplier designated now; refused for any other kind or a withdrawn designation. */
    GeoPoint requireDesignatedFuelStation() {
        if (withdrawn || kind != SupplierKind.FUEL) {
            throw VehicleOrder.refused(VehicleErrorCode.SUPPLIER_NOT_DESIGNATED, "supplier " + supplierId);
        }
        return station;
    }

    @EventSourcingHandler
    void on(SupplierDesignatedEvent event) {
        supplierId = event.supplierId();
        tenantId = event.tenantId();
        kind = event.kind();
        station = event.station();
    }

    @EventSourcingHandler
    void on(SupplierDesignationWithdrawnEvent event) {
        withdrawn = true;
    }
}
