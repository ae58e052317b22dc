package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.ServiceLevelTargets;
import cn.gov.jgsw.domain.property.api.SetServiceLevelTargetsCommand;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsIds;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.SetServiceLevelTargetsInput;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.property.api.FindServiceLevelTargetsQuery;
import cn.gov.jgsw.projections.property.api.ServiceLevelTargetsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Duration;
import java.util.Optional;

/**
 * The service-level targets of the caller's bureau: its own once its bureau admin set them, the platform's
 * ({@code jgsw.property.*}) until then. A request names the targets it was given.
 */
@Controller
public class ServiceLevels {

    /** The targets in force and how the record names them. */
    record InForce(ServiceLevelTargets targets, String basis) {
    }

    /** What the app reads: the targets, and their version (null for the platform's). */
    public record TargetsView(int emergencyWithinHours, int urgentWorkingDays, int normalWorkingDays, Long version) {
    }

    public record SetServiceLevelTargetsPayload(TargetsView targets) {
    }

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final ServiceLevelTargets platform;

    public ServiceLevels(CommandMutations mutations, QueryGateway queries, PropertyServiceProperties settings) {
        this.mutations = mutations;
        this.queries = queries;
        this.platform = settings.targets();
    }

    InForce inForce(String tenantId) {
        return own(tenantId)
                .map(own -> new InForce(new ServiceLevelTargets(Duration.ofHours(own.emergencyWithinHours()),
                        own.urgentWorkingDays(), own.normalWorkingDays()), "bureau targets v" + own.version()))
                .orElse(new InForce(platform, "platform targets"));
    }

    @QueryMapping
    public TargetsView serviceLevelTargets(Caller caller) {
        return view(caller.tenantId());
    }

    @MutationMapping
    public SetServiceLevelTargetsPayload setServiceLevelTargets(@Argument SetServiceLevelTargetsInput input,
                                                                Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return mutations.execute(caller, "setServiceLevelTargets", input.idempotencyKey(), input, null,
                new SetServiceLevelTargetsCommand(ServiceLevelTargetsIds.of(caller.tenantId()), caller.tenantId(),
                        input.emergencyWithinHours(), input.urgentWorkingDays(), input.normalWorkingDays()),
                () -> own(caller.tenantId()).orElse(null), ServiceLevelTargetsView::version,
                own -> new SetServiceLevelTargetsPayload(view(caller.tenantId())),
                SetServiceLevelTargetsPayload.class);
    }

    private TargetsView view(String tenantId) {
        return own(tenantId)
                .map(own -> new TargetsView(own.emergencyWithinHours(), own.urgentWorkingDays(),
                        own.normalWorkingDays(), own.version()))
                .orElse(new TargetsView((int) platform.emergencyWithin().toHours(), platform.urgentWorkingDays(),
                        platform.normalWorkingDays(), null));
    }

    private Optional<ServiceLevelTargetsView> own(String tenantId) {
        return queries.query(new FindServiceLevelTargetsQuery(tenantId),
                ResponseTypes.optionalInstanceOf(ServiceLevelTargetsView.class)).join();
    }
}
