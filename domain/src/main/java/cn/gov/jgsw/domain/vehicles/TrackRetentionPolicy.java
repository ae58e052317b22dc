package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.SetTrackRetentionCommand;
import cn.gov.jgsw.domain.vehicles.api.TrackRetentionSetEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** How long a bureau keeps its vehicles' tracks; every change is a version. Setting the same again records nothing. */
@AggregateRoot
public class TrackRetentionPolicy {

    static final int SHORTEST_DAYS = 30;
    static final int LONGEST_DAYS = 1_095;

    @AggregateIdentifier
    private String retentionId;
    private String tenantId;
    private int days;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected TrackRetentionPolicy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetTrackRetentionCommand command) {
        if (retentionId != null && !tenantId.equals(command.tenantId())) {
            throw new ObjectNotFoundException("track retention " + retentionId);
        }
        if (!SetTrackRetentionCommand.idOf(command.tenantId()).equals(command.retentionId())
                || command.days() < SHORTEST_DAYS || command.days() > LONGEST_DAYS) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_TRACK_RETENTION, "days " + command.days());
        }
        if (retentionId != null && days == command.days()) {
            return getVersion();
        }
        apply(new TrackRetentionSetEvent(command.retentionId(), command.tenantId(), command.days()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(TrackRetentionSetEvent event) {
        retentionId = event.retentionId();
        tenantId = event.tenantId();
        days = event.days();
    }
}
