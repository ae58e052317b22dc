package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsIds;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsSetEvent;
import cn.gov.jgsw.domain.property.api.SetServiceLevelTargetsCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A bureau's own service-level targets (服务时限), within the range practice allows (DOMAIN.md: emergencies within
 * 1–24 h, urgent 24–48 h, important within days). Versioned by its events.
 */
@AggregateRoot
public class BureauServiceLevels {

    @AggregateIdentifier
    private String targetsId;
    private String tenantId;
    private int emergencyWithinHours;
    private int urgentWorkingDays;
    private int normalWorkingDays;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected BureauServiceLevels() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetServiceLevelTargetsCommand command) {
        if (targetsId != null && !Objects.equals(tenantId, command.tenantId())) {
            throw new ObjectNotFoundException("service levels " + targetsId + " not in tenant " + command.tenantId());
        }
        boolean valid = ServiceLevelTargetsIds.of(command.tenantId()).equals(command.targetsId())
                && command.emergencyWithinHours() >= 1 && command.emergencyWithinHours() <= 24
                && command.urgentWorkingDays() >= 1 && command.urgentWorkingDays() <= 5
                && command.normalWorkingDays() >= command.urgentWorkingDays() && command.normalWorkingDays() <= 10;
        if (!valid) {
            throw new BusinessRuleViolation(PropertyErrorCode.INVALID_SERVICE_LEVELS, "targets " + command);
        }
        if (command.emergencyWithinHours() == emergencyWithinHours && command.urgentWorkingDays() == urgentWorkingDays
                && command.normalWorkingDays() == normalWorkingDays) {
            return getVersion();
        }
        apply(new ServiceLevelTargetsSetEvent(command.targetsId(), command.tenantId(), command.emergencyWithinHours(),
                command.urgentWorkingDays(), command.normalWorkingDays()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ServiceLevelTargetsSetEvent event) {
        targetsId = event.targetsId();
        tenantId = event.tenantId();
        emergencyWithinHours = event.emergencyWithinHours();
        urgentWorkingDays = event.urgentWorkingDays();
        normalWorkingDays = event.normalWorkingDays();
    }
}
