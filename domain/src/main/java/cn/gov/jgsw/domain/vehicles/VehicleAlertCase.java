package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DisposeVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RaiseVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertDisposedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertRaisedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An alert and its case (告警案件): opened when a fence rule fires, disposed of once by a bureau admin with a
 * conclusion and a reason. Raising the same case again changes nothing: a retried batch of positions, or a second node
 * judging the same fixes, opens one case.
 */
@AggregateRoot
public class VehicleAlertCase {

    static final int LONGEST_REASON = 200;

    @AggregateIdentifier
    private String caseId;
    private String tenantId;
    private boolean disposed;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected VehicleAlertCase() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RaiseVehicleAlertCommand command) {
        if (caseId != null) {
            requireTenant(command.tenantId());
            return getVersion();
        }
        if (command.fixes() == null || command.fixes().isEmpty() || command.rule() == null) {
            throw VehicleOrder.refused(CommonErrorCode.INVALID_INPUT, "alert without fixes or rule");
        }
        double worstAccuracy = command.fixes().stream().mapToDouble(PositionFix::accuracyMetres).max().orElse(0);
        apply(new VehicleAlertRaisedEvent(command.caseId(), command.tenantId(), command.vehicleId(), command.rule(),
                command.ruleVersion(), command.fixes(), worstAccuracy, command.evidence()));
        return getVersion();
    }

    @CommandHandler
    long handle(DisposeVehicleAlertCommand command) {
        requireTenant(command.tenantId());
        if (disposed) {
            throw VehicleOrder.refused(VehicleErrorCode.ALERT_CASE_CLOSED, "case " + caseId);
        }
        if (command.disposition() == null) {
            throw VehicleOrder.refused(CommonErrorCode.INVALID_INPUT, "no disposition");
        }
        String reason = FreeText.optional(command.reason(), LONGEST_REASON, CommonErrorCode.INVALID_INPUT, "reason");
        if (reason == null) {
            throw VehicleOrder.refused(CommonErrorCode.REASON_REQUIRED, "disposal without reason");
        }
        apply(new VehicleAlertDisposedEvent(caseId, tenantId, command.adminId(), command.disposition(), reason));
        return getVersion();
    }

    /** Another bureau's case is answered exactly like one that does not exist. */
    private void requireTenant(String commandTenantId) {
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("alert case " + caseId + " not in tenant " + commandTenantId);
        }
    }

    @EventSourcingHandler
    void on(VehicleAlertRaisedEvent event) {
        caseId = event.caseId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(VehicleAlertDisposedEvent event) {
        disposed = true;
    }
}
