package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.ServiceArea;
import cn.gov.jgsw.domain.vehicles.api.ServiceAreaSetEvent;
import cn.gov.jgsw.domain.vehicles.api.SetServiceAreaCommand;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** The area a bureau's cars serve (服务区域); every change is a version, setting the same again records nothing. */
@AggregateRoot
public class BureauServiceArea {

    @AggregateIdentifier
    private String areaId;
    private String tenantId;
    private ServiceArea area;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected BureauServiceArea() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetServiceAreaCommand command) {
        if (areaId != null && !tenantId.equals(command.tenantId())) {
            throw new ObjectNotFoundException("service area " + areaId);
        }
        if (!SetServiceAreaCommand.idOf(command.tenantId()).equals(command.areaId()) || command.area() == null
                || !command.area().valid()) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_SERVICE_AREA, "area of " + command.tenantId());
        }
        if (command.area().equals(area)) {
            return getVersion();
        }
        apply(new ServiceAreaSetEvent(command.areaId(), command.tenantId(), command.area()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ServiceAreaSetEvent event) {
        areaId = event.areaId();
        tenantId = event.tenantId();
        area = event.area();
    }
}
